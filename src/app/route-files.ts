// Where each page's route module lives: the prerender and the budget check (Node) find
// its chunks and CSS in Vite's manifest by this path. Apart from the modules' loaders
// (route-modules.ts), so the browser's bundle carries none of it; their test keeps the
// two in step.
export const routeFiles = {
  front: 'src/app/routes/front-route.tsx',
  story: 'src/app/routes/story-route.tsx',
  section: 'src/app/routes/section-route.tsx',
  tag: 'src/app/routes/tag-route.tsx',
  search: 'src/app/routes/search-route.tsx',
  bookmarks: 'src/app/routes/bookmarks-route.tsx',
} as const;

type RouteName = keyof typeof routeFiles;
/** The pages the build prerenders. */
export type PrerenderedRoute = Extract<RouteName, 'front' | 'story' | 'section' | 'tag'>;
