// The removal thread of a full build (old-dist.ts): removes a folder depth first, reading
// each folder's entries as a stream, so it holds one name per level, not a folder's
// hundreds of thousands (fs.rm and fs.rmSync list a folder whole).
import { opendirSync, rmdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const port = parentPort;
if (!port) throw new Error('old-dist-worker.mjs runs as the removal thread of a build');

/** @param {string} dir */
function removeTree(dir) {
  const entries = opendirSync(dir);
  try {
    for (let entry = entries.readSync(); entry; entry = entries.readSync()) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) removeTree(file);
      else unlinkSync(file);
    }
  } finally {
    entries.closeSync();
  }
  rmdirSync(dir);
}

try {
  removeTree(/** @type {{ dir: string }} */ (workerData).dir);
  port.postMessage(null);
} catch (error) {
  port.postMessage(String(error));
}
