// Every script a first story view fetches until the network is idle, in the order it
// comes, each with the reason it is needed then: the entry's own chunks, then the
// modules the first view imports dynamically. The budget check counts them
// (check-budgets.ts), and e2e/production/first-view-scripts.spec.ts loads a story in
// Chromium and fails when the browser fetches a script this list does not name, or
// does not fetch one it names: a new dynamic import on the first view must come here,
// with its reason.
import { routeFiles } from '#app/route-files.ts';
import type { Manifest } from '../prerender/route-assets.ts';

export type FirstViewStep = {
  /** The module's key in Vite's manifest (a suffix is enough for virtual modules). */
  module: string;
  /** Why the first view needs it. */
  why: string;
};

/**
 * None of them comes before the first paint: the page paints from its HTML and inline
 * style. Not on the list: the service worker's registration (it comes with the first
 * saved story), the preferences sync (only with preferences stored), the shortcut keys
 * (at the first key press).
 */
export const FIRST_VIEW_STEPS: readonly FirstViewStep[] = [
  {
    module: 'index.html',
    why: 'the app (React, the router, the query cache): hydrates the page and carries out the taps kept before',
  },
  {
    module: routeFiles.story,
    why: "the story page's components, preloaded with the entry: hydration needs them",
  },
  {
    module: 'src/shared/storage/bookmark-store.ts',
    why: 'at hydration: each «حفظ» shows whether its story is saved (only the ids are read)',
  },
  {
    module: 'node_modules/idb/build/index.js',
    why: 'with the above: IndexedDB, where bookmarks live',
  },
];

export type FirstViewGroup = FirstViewStep & { files: string[] };

/**
 * The files each step adds, following each module's static imports (its own dynamic
 * imports come only when a step names them). Throws when a step's module is not in
 * the manifest: the list has gone stale.
 */
export function firstViewScripts(manifest: Manifest): FirstViewGroup[] {
  const seen = new Set<string>();
  const visit = (key: string, files: string[]) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported, files);
  };
  return FIRST_VIEW_STEPS.map((step) => {
    const key = Object.keys(manifest).find((k) => k === step.module || k.endsWith(step.module));
    if (!key) throw new Error(`First-view script ${step.module} is not in Vite's manifest`);
    const files: string[] = [];
    visit(key, files);
    return { ...step, files };
  });
}
