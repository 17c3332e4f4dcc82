// Each page's route module, once: the router loads it lazily in the browser, and the
// prerender and the budget check find its chunks and CSS in Vite's manifest by `file`.
export const routeModules = {
  front: { file: 'src/app/routes/front-route.tsx', load: () => import('./routes/front-route.tsx') },
  story: { file: 'src/app/routes/story-route.tsx', load: () => import('./routes/story-route.tsx') },
  section: {
    file: 'src/app/routes/section-route.tsx',
    load: () => import('./routes/section-route.tsx'),
  },
  tag: { file: 'src/app/routes/tag-route.tsx', load: () => import('./routes/tag-route.tsx') },
  search: {
    file: 'src/app/routes/search-route.tsx',
    load: () => import('./routes/search-route.tsx'),
  },
  bookmarks: {
    file: 'src/app/routes/bookmarks-route.tsx',
    load: () => import('./routes/bookmarks-route.tsx'),
  },
} as const;

type RouteName = keyof typeof routeModules;
/** The pages the build prerenders. */
export type PrerenderedRoute = Extract<RouteName, 'front' | 'story' | 'section' | 'tag'>;
