// Removes a folder the last full build left aside (old-dist.ts), as a process of its own
// that outlives the build: `node old-dist-remover.mjs <folder>`. Depth first, each folder's
// entries read as a stream, so it holds one name per level, not a folder's hundreds of
// thousands (fs.rm and fs.rmSync list a folder whole). Exits 0 once the folder is gone.
import { opendirSync, rmdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';

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

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: node old-dist-remover.mjs <folder>');
removeTree(dir);
