// A cold publish stats every story file to find those that changed (content-changes.ts):
// 100,000 `stat` calls cost the main thread ~0.9 s. A thread of its own lists and stats
// them while the main thread reads the site's state, which costs it longer.
import { Worker } from 'node:worker_threads';

/** The story files (`<id>.json`, sorted) and each one's size and mtime, or null where it could not be stat-ed. */
export type StoryFileSweep = {
  names: string[];
  stat: (index: number) => { size: number; mtimeMs: number } | null;
};

type Swept = { names: string[]; sizes: Float64Array; mtimes: Float64Array } | null;

/**
 * Starts the sweep of `dir`'s story files on a thread. Resolves to null when the thread
 * could not do it (no `articles/` folder, a thread that failed): the caller then looks
 * for itself, as without a sweep.
 */
export function sweepStoryFiles(dir: string): Promise<StoryFileSweep | null> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./story-file-sweep-worker.mjs', import.meta.url), {
      workerData: { dir },
    });
    worker.once('message', (swept: Swept) => {
      if (!swept) return resolve(null);
      const { names, sizes, mtimes } = swept;
      resolve({
        names,
        stat: (i) =>
          Number.isNaN(sizes[i])
            ? null
            : { size: sizes[i] as number, mtimeMs: mtimes[i] as number },
      });
    });
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
}
