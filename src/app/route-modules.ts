// Each page's route module: the router loads it lazily in the browser (where it lives,
// for the build: route-files.ts).
export const routeModules = {
  front: { load: () => import('./routes/front-route.tsx') },
  story: { load: () => import('./routes/story-route.tsx') },
  section: { load: () => import('./routes/section-route.tsx') },
  tag: { load: () => import('./routes/tag-route.tsx') },
  search: { load: () => import('./routes/search-route.tsx') },
  bookmarks: { load: () => import('./routes/bookmarks-route.tsx') },
} as const;
