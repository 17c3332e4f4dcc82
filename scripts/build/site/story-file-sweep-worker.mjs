// The sweep thread of a publish (story-file-sweep.ts): lists the content folder's story
// files, as a check does, and stats each one.
import { statSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { storyFileNames } from '../content/read-content-file.mjs';

const port = parentPort;
if (!port) throw new Error('story-file-sweep-worker.mjs runs as the sweep thread of a publish');
/** @type {{ dir: string }} */
const { dir } = workerData;
const articles = path.join(dir, 'articles');
/** @type {string[]} */
let names = [];
try {
  names = storyFileNames(dir);
} catch {
  // No folder: the main thread lists it again and names the problem.
  port.postMessage(null);
  process.exit(0);
}
// NaN where a file could not be stat-ed (gone since the listing, not a file we may read).
const sizes = new Float64Array(names.length);
const mtimes = new Float64Array(names.length);
names.forEach((name, i) => {
  try {
    const info = statSync(path.join(articles, name));
    sizes[i] = info.size;
    mtimes[i] = info.mtimeMs;
  } catch {
    sizes[i] = Number.NaN;
    mtimes[i] = Number.NaN;
  }
});
port.postMessage({ names, sizes, mtimes }, [sizes.buffer, mtimes.buffer]);
