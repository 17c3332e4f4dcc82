// A full build replaces dist/ with the folder Vite built beside it. At 100,000 stories the
// last build's dist/ holds a million files, and fs.rm removes a folder's entries all at
// once (a promise each): 2.5 GB resident and ~100 s of the build (issue 16's bound is
// 1.5 GiB). So the old folder is renamed aside, at once, and removed by a process of its
// own once the new site is made, a file at a time (old-dist-remover.mjs), which the build
// does not wait for: on this machine's disk a million removals took 153 s after the build,
// and beside its writes they made its pages 115 s slower (346 s against 231). A build
// removes what an earlier one left aside, too.
import { spawn } from 'node:child_process';
import { readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ASIDE = '.old-';
const REMOVER = fileURLToPath(new URL('./old-dist-remover.mjs', import.meta.url));

/**
 * Puts `built` in `outDir`'s place, the old `outDir` aside. Resolves once `built` is in
 * place, to the folders aside (this one, and any an earlier build left) and what removes
 * them in the background.
 */
export async function replaceDist(
  outDir: string,
  built: string,
): Promise<{ aside: string[]; removeOld: () => Promise<void> }> {
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
  return { aside, removeOld: async () => void (await Promise.all(aside.map(removeApart))) };
}

/**
 * Removes a folder and everything in it in a process of its own, which outlives this one
 * (detached; nothing here waits for it unless the promise is awaited). Settles when the
 * process ends, rejecting when the folder is not all gone.
 */
export function removeApart(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const remover = spawn(process.execPath, [REMOVER, dir], { detached: true, stdio: 'ignore' });
    remover.unref();
    remover.once('error', reject);
    remover.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${dir}: not all removed (exit code ${code})`)),
    );
  });
}
