// A full build replaces dist/ with the folder Vite built beside it. At 100,000 stories the
// last build's dist/ holds a million files, and fs.rm removes a folder's entries all at
// once (a promise each): 2.5 GB resident and ~100 s of the build (issue 16's bound is
// 1.5 GiB). So the old folder is renamed aside, at once, and a thread of its own removes
// it a file at a time while the build publishes (old-dist-worker.mjs).
import { readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

const ASIDE = '.old-';

/**
 * Puts `built` in `outDir`'s place; the old `outDir` (and any a killed build left aside)
 * is removed on a thread. Resolves once `built` is in place, to the removal: it settles
 * when every old file is gone, rejecting with what stopped it.
 */
export async function replaceDist(
  outDir: string,
  built: string,
): Promise<{ removed: Promise<void> }> {
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
  return { removed: Promise.all(aside.map(removeInThread)).then(() => undefined) };
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
