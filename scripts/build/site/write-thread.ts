// A thread that writes a full build's files while the main thread makes the next ones.
// Opening and writing a file costs this machine's kernel some 20-50 µs, and a full build
// writes tens of thousands of small files (the search index alone, 47,859 at 20,000
// stories): written synchronously, that time is the main thread's. The thread pool
// (fs/promises) costs more than it saves for small files (a round trip per open, write
// and close); one thread that takes them in batches does not (docs/publishing.md).
import { Worker } from 'node:worker_threads';

/** Files sent together: fewer messages, and a batch is still small enough to be prompt. */
const BATCH_FILES = 64;
/** Bytes sent and not yet written past which a write waits (the files wait in memory). */
const MAX_IN_FLIGHT = 64 * 1024 * 1024;

type Reply = { files: string[]; error?: string };

export class WriteThread {
  private readonly worker: Worker;
  private batch: [string, string, string | Uint8Array][] = [];
  private batchBytes = 0;
  /** Each batch sent and not answered yet: its bytes, in the order sent. */
  private readonly sent: number[] = [];
  private inFlight = 0;
  private waiting: (() => void)[] = [];
  private failure: Error | null = null;

  /** `wrote` is told of each file once it is whole. */
  constructor(private readonly wrote: (file: string) => void) {
    this.worker = new Worker(new URL('./write-thread-worker.mjs', import.meta.url));
    this.worker.on('message', ({ files, error }: Reply) => {
      this.inFlight -= this.sent.shift() ?? 0;
      try {
        for (const file of files) this.wrote(file);
      } catch (failure) {
        // Thrown by whoever is told (the compressor): the build's error, not a crash.
        this.fail(failure instanceof Error ? failure : new Error(String(failure)));
      }
      if (error) this.fail(new Error(`write thread: ${error}`));
      this.wake();
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`write thread stopped (exit ${code})`)));
  }

  /**
   * Sends `body` to be written at `full` (`file`: its name for `wrote`); waits while too
   * much is in flight. A body is sent with its batch, later: it must not change meanwhile.
   */
  async write(full: string, file: string, body: string | Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    this.batch.push([full, file, body]);
    // A string's bytes as V8 may hold them (two a letter: Arabic text).
    this.batchBytes += typeof body === 'string' ? body.length * 2 : body.byteLength;
    if (this.batch.length >= BATCH_FILES) this.send();
    while (this.inFlight > MAX_IN_FLIGHT && !this.failure) await this.answer();
    if (this.failure) throw this.failure;
  }

  /** Waits until every file sent is written, then stops the thread. */
  async close(): Promise<void> {
    this.send();
    while (this.sent.length > 0 && !this.failure) await this.answer();
    const failure = this.failure;
    this.failure ??= new Error('write thread closed');
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
    if (failure) throw failure;
  }

  /** Stops the thread at once, whatever is unwritten (the build has failed). */
  async abort(): Promise<void> {
    this.failure ??= new Error('write thread aborted');
    this.worker.removeAllListeners('exit');
    this.wake();
    await this.worker.terminate();
  }

  private send(): void {
    if (this.batch.length === 0) return;
    this.worker.postMessage(this.batch);
    this.sent.push(this.batchBytes);
    this.inFlight += this.batchBytes;
    this.batch = [];
    this.batchBytes = 0;
  }

  private answer(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake();
  }
}
