// A full build's write thread (write-thread.ts): writes each batch of files it is sent,
// in order, and answers with the files now whole (or the error that stopped it).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';

const port = parentPort;
if (!port) throw new Error('write-thread-worker.mjs runs as the write thread of a SiteWriter');
/** Folders made so far: a build writes thousands of files into a few folders. */
const folders = new Set();

port.on('message', (/** @type {[string, string, string | Uint8Array][]} */ batch) => {
  /** @type {string[]} */
  const files = [];
  try {
    for (const [full, file, body] of batch) {
      const dir = path.dirname(full);
      if (!folders.has(dir)) {
        mkdirSync(dir, { recursive: true });
        folders.add(dir);
      }
      writeFileSync(full, body);
      files.push(file);
    }
    port.postMessage({ files });
  } catch (error) {
    port.postMessage({
      files,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
