// Each page's route module, once: the router loads it lazily in the browser (where it
// lives, for the build: route-files.ts).
export const loadRoute = {
  front: once(() => import('./routes/front-route.tsx')),
  story: once(() => import('./routes/story-route.tsx')),
  section: once(() => import('./routes/section-route.tsx')),
  tag: once(() => import('./routes/tag-route.tsx')),
  search: once(() => import('./routes/search-route.tsx')),
  bookmarks: once(() => import('./routes/bookmarks-route.tsx')),
} as const;

/**
 * One import a module: the router's `lazy` gets the promise a link's preload started,
 * settled by then, so the move renders within the click. A new `import()` of a loaded
 * module settles a task later, after a frame of the old page. (A failed import stays
 * failed, as browsers keep a module that failed to load until the page reloads.)
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}
