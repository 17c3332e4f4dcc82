// The content check's read-ahead thread (read-ahead.ts): reads the files it is given, in
// order, a window ahead of the main thread, and sends each one's text with the hash of
// its bytes, size and mtime, or why it could not.
import { parentPort, workerData } from 'node:worker_threads';
import { readContentFile } from './read-content-file.mjs';

const port = parentPort;
if (!port) throw new Error('read-ahead-worker.mjs runs as the read-ahead thread of a check');
/** @type {{ dir: string; files: string[]; maxBytes: number; window: number; taken: SharedArrayBuffer }} */
const { dir, files, maxBytes, window, taken: takenBuffer } = workerData;
/** How many files the main thread has taken: this thread stays at most `window` ahead. */
const taken = new Int32Array(takenBuffer);
const BATCH = 16;

/** @type {import('./read-content-file.d.mts').FileRead[]} */
let batch = [];
const send = () => {
  port.postMessage(batch);
  batch = [];
};

for (let i = 0; i < files.length; i++) {
  for (let seen = Atomics.load(taken, 0); i - seen >= window; seen = Atomics.load(taken, 0)) {
    if (batch.length > 0) send();
    Atomics.wait(taken, 0, seen, 100);
  }
  batch.push(readContentFile(dir, files[i], maxBytes));
  if (batch.length >= BATCH) send();
}
if (batch.length > 0) send();
