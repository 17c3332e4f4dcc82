// The story files of a check, read by a thread of their own a window ahead of the main
// thread, which parses and checks each while the next ones are read: opening, stat-ing,
// reading, hashing and decoding 20,000 files cost the main thread about a second
// (docs/static-api.md «Scale»). Few files are read on the main thread: a thread costs
// more to start than it saves.
import { Worker } from 'node:worker_threads';
import { type FileRead, readContentFile } from './read-content-file.mjs';

export type { FileRead };

/** From this many files on, a thread reads them. */
export const READ_AHEAD_FROM = 500;
/** Files read and not yet taken, at most: 256 story files are a few MB. */
const WINDOW = 256;

/** The files, each read once, in the order given. */
export async function* readAhead(
  dir: string,
  files: readonly string[],
  maxBytes: number,
): AsyncGenerator<FileRead> {
  if (files.length < READ_AHEAD_FROM) {
    for (const file of files) yield readContentFile(dir, file, maxBytes);
    return;
  }
  const taken = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL('./read-ahead-worker.mjs', import.meta.url), {
    workerData: { dir, files, maxBytes, window: WINDOW, taken: taken.buffer },
  });
  const arrived: FileRead[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  worker.on('message', (batch: FileRead[]) => {
    arrived.push(...batch);
    wake?.();
  });
  const fail = (error: Error) => {
    failure ??= error;
    wake?.();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (arrived.length < files.length) fail(new Error(`read-ahead thread stopped (exit ${code})`));
  });
  try {
    for (let at = 0; at < files.length; at++) {
      while (at >= arrived.length && !failure) await new Promise<void>((r) => (wake = r));
      wake = null;
      if (at >= arrived.length && failure) throw failure;
      const read = arrived[at] as FileRead;
      arrived[at] = undefined as unknown as FileRead; // let it go once taken
      // The thread is woken once a quarter of its window is free, not at each file: a
      // wake-up per file had it read one file at a time, and cost this thread 0.7 s.
      if (Atomics.add(taken, 0, 1) % (WINDOW / 4) === 0) Atomics.notify(taken, 0);
      yield read;
    }
  } finally {
    await worker.terminate();
  }
}
