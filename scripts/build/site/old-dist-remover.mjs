// Removes a folder the last full build left aside (old-dist.ts), as a process of its own
// that outlives the build: `node old-dist-remover.mjs <folder>`. Depth first, each folder's
// entries read as a stream, so it holds one name per level, not a folder's hundreds of
// thousands (fs.rm and fs.rmSync list a folder whole). Exits 0 once the folder is gone.
import { opendirSync, rmdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * Runs `remove`, taking a file already gone as removed: two builds in a row may each start
 * a remover on the same folder.
 * @param {() => void} remove
 */
function gone(remove) {
  try {
    remove();
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error;
  }
}

/** @param {string} dir */
function removeTree(dir) {
  let entries;
  try {
    entries = opendirSync(dir);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return;
    throw error;
  }
  try {
    for (let entry = entries.readSync(); entry; entry = entries.readSync()) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) removeTree(file);
      else gone(() => unlinkSync(file));
    }
  } finally {
    entries.closeSync();
  }
  gone(() => rmdirSync(dir));
}

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: node old-dist-remover.mjs <folder>');
removeTree(dir);
