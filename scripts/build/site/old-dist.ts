// A full build replaces dist/ with the folder Vite built beside it. At 100,000 stories the
// last build's dist/ holds a million files, and fs.rm removes a folder's entries all at
// once (a promise each): 2.5 GB resident and ~100 s of the build (issue 16's bound is
// 1.5 GiB). So the old folder is renamed aside, at once, and removed once the new site
// is made, a file at a time, by a thread of its own (old-dist-worker.mjs). Not while the
// site is made: a million removals beside a million writes on the same disk made the
// 100,000-story build's pages 115 s slower (346 s against 231).
import { readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

const ASIDE = '.old-';

/**
 * Puts `built` in `outDir`'s place, the old `outDir` aside. Resolves once `built` is in
 * place, to what removes the old one (and any a killed build left aside) on a thread: it
 * settles when every old file is gone, rejecting with what stopped it.
 */
export async function replaceDist(
  outDir: string,
  built: string,
): Promise<{ removeOld: () => Promise<void> }> {
  await rename(outDir, `${outDir}${ASIDE}${process.pid}-${Date.now()}`).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    },
  );
  await rename(built, outDir);
  const parent = path.dirname(outDir);
  const prefix = `${path.basename(outDir)}${ASIDE}`;
  const aside = (await readdir(parent))
    .filter((name) => name.startsWith(prefix) && /^\d+-\d+$/.test(name.slice(prefix.length)))
    .map((name) => path.join(parent, name));
  return { removeOld: async () => void (await Promise.all(aside.map(removeInThread))) };
}

/** Removes a folder and everything in it, on a thread, a file at a time. */
export function removeInThread(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./old-dist-worker.mjs', import.meta.url), {
      workerData: { dir },
    });
    worker.once('message', (error: string | null) =>
      error ? reject(new Error(error)) : resolve(),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`${dir}: the removal thread exited (${code})`)));
  });
}
