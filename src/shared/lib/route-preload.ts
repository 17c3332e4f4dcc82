// Lets a link warm the code of the page it leads to, not only its data. The app
// registers the loader of each route module; shared code only knows the names.
type Preloader = () => Promise<unknown>;

const preloaders = new Map<string, Preloader>();

export function registerRoutePreloader(name: 'story', preload: Preloader): void {
  preloaders.set(name, preload);
}

export function preloadRoute(name: 'story'): void {
  void preloaders.get(name)?.();
}
