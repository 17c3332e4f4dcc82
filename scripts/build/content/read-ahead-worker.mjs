// The content check's read-ahead thread (read-ahead.ts): reads the files it is given, in
// order, a window ahead of the main thread, and sends each one's text with the hash of
// its bytes, size and mtime, or why it could not.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { hashBytes } from './hash-bytes.mjs';

const port = parentPort;
if (!port) throw new Error('read-ahead-worker.mjs runs as the read-ahead thread of a check');
/** @type {{ dir: string; files: string[]; maxBytes: number; window: number; taken: SharedArrayBuffer }} */
const { dir, files, maxBytes, window, taken: takenBuffer } = workerData;
/** How many files the main thread has taken: this thread stays at most `window` ahead. */
const taken = new Int32Array(takenBuffer);
const BATCH = 16;

/** @type {import('./read-ahead.ts').FileRead[]} */
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
  batch.push(readOne(files[i]));
  if (batch.length >= BATCH) send();
}
if (batch.length > 0) send();

/** @param {string} file */
function readOne(file) {
  let fd;
  try {
    fd = openSync(path.join(dir, file), 'r');
  } catch {
    return { file, missing: true };
  }
  try {
    const { size, mtimeMs } = fstatSync(fd);
    if (size > maxBytes) return { file, size, mtimeMs, text: null };
    const bytes = readFileSync(fd);
    return {
      file,
      size: bytes.length,
      mtimeMs,
      text: bytes.toString('utf8'),
      hash: hashBytes(bytes),
    };
  } catch {
    return { file, missing: true };
  } finally {
    closeSync(fd);
  }
}
