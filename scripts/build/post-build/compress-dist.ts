// Precompression for the static host: writes `<file>.gz` (gzip) and `<file>.br`
// (brotli) next to every text file in dist/ over 1 KB, so nginx (`gzip_static`,
// `brotli_static`) or a CDN serves them without compressing on each request.
//
// gzip level: 9 for the app's own files, 6 for the content's. On the content's files
// level 9 costs 1.3–3× the time of level 6 (search index files 1.2 against 0.38 ms,
// story pages 1.29 against 0.99) for 0.1–0.5 % fewer bytes; gzip is only for the
// browsers that do not take brotli.
//
// Brotli quality: 11 for the app's own files (dist/assets/ and dist/'s top level: few
// files, fetched by every visitor), 5 for everything else (the API and the prerendered
// pages: thousands of files, each fetched rarely) and for any file over 1 MB. Quality 11
// runs at about 1 MB/s, quality 5 at about 55 MB/s for some 10% more bytes: a
// 20,000-story build takes seconds instead of many minutes. The work runs in one worker
// thread per CPU with synchronous zlib (cheaper than zlib's streams for small files),
// one file at a time each, so memory stays flat whatever the number of files.
import { opendir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export type CompressStats = { files: number; bytes: number; gzipBytes: number; brBytes: number };

export type CompressOptions = {
  /** Files at or below this size are left alone (default 1024 bytes). */
  minBytes?: number;
  /** Worker threads (default: the CPU count, at most 8). */
  workers?: number;
  /** Brotli quality for a file by its path relative to the folder; files over 1 MiB get at most 5. */
  brotliQuality?: (relativePath: string) => number;
  /** gzip level for a file by its path relative to the folder. */
  gzipLevel?: (relativePath: string) => number;
};

/** What is worth compressing; images, fonts and archives are compressed already. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.svg',
  '.webmanifest',
  '.xml',
  '.txt',
]);

const MiB = 1024 * 1024;
const BIG_FILE = MiB;
const BIG_FILE_QUALITY = 5;

/**
 * Files at the root that the content makes and readers rarely fetch: every publish
 * writes them again and the sitemaps grow with the archive (quality 11 on them cost
 * some 0.5 s of CPU a publish at 2,000 stories). They get the content pages' quality.
 * The front page (home.html) is not one of them: it is many readers' first page.
 */
const CONTENT_AT_ROOT = /^([\w-]*sitemap[\w-]*\.xml|feed\.xml|robots\.txt)$/;

/**
 * The front page, written again by every publish that changes it: quality 10. At
 * 100,000 stories (221 KB of HTML) quality 11 took 146 ms for 17,007 bytes, 10 took
 * 41 ms for 17,072 (9: 84 ms for 18,352): a tenth of a second of each new story's
 * publish for 65 bytes.
 */
const FRONT_PAGE = 'home.html';
const FRONT_PAGE_QUALITY = 10;

/** The app's own files: dist/assets/ and the top level, but for the content made there. */
function isAppFile(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]/);
  return (parts.length === 1 && !CONTENT_AT_ROOT.test(relativePath)) || parts[0] === 'assets';
}

export function defaultBrotliQuality(relativePath: string): number {
  if (relativePath === FRONT_PAGE) return FRONT_PAGE_QUALITY;
  return isAppFile(relativePath) ? 11 : 5;
}

export const defaultGzipLevel = (relativePath: string): number => (isAppFile(relativePath) ? 9 : 6);

/**
 * zlib's largest hash table (default 8): the same bytes but for about 1 % of files
 * (those a few bytes smaller or larger), gzip ~14 % faster on story pages (0.80 → 0.69
 * ms). The publish's copies (site-writer.ts) use it too, to be the build's bytes.
 */
export const GZIP_MEM_LEVEL = 9;

type Task = {
  id: number;
  file: string;
  minBytes: number;
  gzipLevel: number;
  quality: number;
  bigFile: number;
};
type Done = { id: number; bytes: number; gzipBytes: number; brBytes: number; error?: string };

/** A file at a time, its bytes outside the heap: a small heap collected often keeps the thread small. */
const COMPRESS_THREAD_LIMITS = { maxOldGenerationSizeMb: 128 };

// The worker, plain CommonJS so it runs the same under node, tsx and vitest. For each file:
// skip it when small, else compress both ways and write each result only when smaller
// (removing a stale one otherwise), with the original's mtime so Last-Modified agrees.

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const zlib = require('node:zlib');
const { constants } = zlib;
function put(file, data, original, mtime) {
  if (data.length >= original) { fs.rmSync(file, { force: true }); return 0; }
  fs.writeFileSync(file, data);
  fs.utimesSync(file, mtime, mtime);
  return data.length;
}
parentPort.on('message', ({ id, file, minBytes, gzipLevel, quality, bigFile }) => {
  try {
    const info = fs.statSync(file);
    if (info.size <= minBytes) return parentPort.postMessage({ id, bytes: 0, gzipBytes: 0, brBytes: 0 });
    const source = fs.readFileSync(file);
    const q = source.length > bigFile ? Math.min(quality, ${BIG_FILE_QUALITY}) : quality;
    const gz = zlib.gzipSync(source, { level: gzipLevel, memLevel: ${GZIP_MEM_LEVEL} });
    const br = zlib.brotliCompressSync(source, { params: {
      [constants.BROTLI_PARAM_QUALITY]: q,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
    } });
    parentPort.postMessage({
      id,
      bytes: source.length,
      gzipBytes: put(file + '.gz', gz, source.length, info.mtime),
      brBytes: put(file + '.br', br, source.length, info.mtime),
    });
  } catch (error) {
    parentPort.postMessage({ id, bytes: 0, gzipBytes: 0, brBytes: 0, error: String(error) });
  }
});
`;

/** Every compressible file under `dir`, relative to it, skipping dot-folders such as `.vite/`. */
export async function listFiles(dir: string, base = dir, out: string[] = []): Promise<string[]> {
  for await (const entry of await opendir(dir)) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await listFiles(full, base, out);
    else if (entry.isFile() && isCompressible(entry.name)) out.push(path.relative(base, full));
  }
  return out;
}

const isCompressible = (name: string) => COMPRESSIBLE.has(path.extname(name).toLowerCase());

export async function compressDist(
  dir: string,
  options: CompressOptions = {},
): Promise<CompressStats> {
  const compressor = new DistCompressor(dir, options);
  for (const file of await listFiles(dir)) compressor.add(file);
  return compressor.done();
}

/** One worker thread per CPU, at most 8. */
export const defaultWorkers = () => Math.min(8, os.availableParallelism());

/**
 * compressDist fed one file at a time, as they are written: the full build hands it
 * each file the publish writes, so workers compress on the other cores while the main
 * thread renders pages, and the files Vite made at the end (`addRest`). Each file
 * must be whole when added and not written again.
 */
export class DistCompressor {
  private readonly minBytes: number;
  private readonly quality: (relativePath: string) => number;
  private readonly gzipLevel: (relativePath: string) => number;
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  /** Tasks not sent yet: `queue[next]` onwards. */
  private readonly queue: Task[] = [];
  private next = 0;
  private readonly added = new Set<string>();
  private readonly files: string[] = [];
  private readonly stats: CompressStats = { files: 0, bytes: 0, gzipBytes: 0, brBytes: 0 };
  private readonly errors: string[] = [];
  private inFlight = 0;
  private failed: Error | null = null;
  private drained: (() => void) | null = null;

  constructor(
    private readonly dir: string,
    options: CompressOptions = {},
  ) {
    this.minBytes = options.minBytes ?? 1024;
    this.quality = options.brotliQuality ?? defaultBrotliQuality;
    this.gzipLevel = options.gzipLevel ?? defaultGzipLevel;
    this.widen(options.workers ?? defaultWorkers());
  }

  /** Adds worker threads up to `count` (the build adds the last once its pages are made). */
  widen(count: number): void {
    while (this.workers.length < Math.max(1, count)) {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        resourceLimits: COMPRESS_THREAD_LIMITS,
      });
      worker.on('message', (done: Done) => this.finished(worker, done));
      worker.on('error', (error) => {
        this.failed = error;
        this.drained?.();
      });
      this.workers.push(worker);
      // Two files in flight per worker, so none waits on a round trip.
      this.idle.push(worker, worker);
    }
    this.feed();
  }

  /** A file (relative to the folder) to compress; ignored when not a text format. */
  add(relative: string): void {
    if (!isCompressible(relative)) return;
    if (this.added.has(relative)) throw new Error(`compressDist: ${relative} was added twice`);
    this.added.add(relative);
    const id = this.files.push(relative) - 1;
    this.queue.push({
      id,
      file: path.join(this.dir, relative),
      minBytes: this.minBytes,
      gzipLevel: this.gzipLevel(relative),
      quality: this.quality(relative),
      bigFile: BIG_FILE,
    });
    this.feed();
  }

  /** Every compressible file in the folder not added yet (what Vite made). */
  async addRest(): Promise<void> {
    for (const file of await listFiles(this.dir)) if (!this.added.has(file)) this.add(file);
  }

  /** Waits for every file added, then stops the workers. */
  async done(): Promise<CompressStats> {
    try {
      if (this.waiting() > 0 || this.inFlight > 0) {
        await new Promise<void>((resolve) => {
          this.drained = resolve;
        });
      }
      if (this.failed) throw this.failed;
    } finally {
      await Promise.all(this.workers.map((worker) => worker.terminate()));
    }
    if (this.errors.length > 0) throw new Error(`compressDist: ${this.errors.join('\n')}`);
    return this.stats;
  }

  private feed(): void {
    while (this.waiting() > 0 && this.idle.length > 0) {
      const worker = this.idle.pop() as Worker;
      const task = this.queue[this.next++] as Task;
      this.inFlight += 1;
      worker.postMessage(task);
    }
  }

  private finished(worker: Worker, done: Done): void {
    this.inFlight -= 1;
    this.idle.push(worker);
    if (done.error) this.errors.push(`${this.files[done.id]}: ${done.error}`);
    else if (done.bytes > 0) {
      this.stats.files += 1;
      this.stats.bytes += done.bytes;
      this.stats.gzipBytes += done.gzipBytes;
      this.stats.brBytes += done.brBytes;
    }
    this.feed();
    if (this.waiting() === 0 && this.inFlight === 0) this.drained?.();
  }

  private waiting(): number {
    return this.queue.length - this.next;
  }
}

// `tsx scripts/build/post-build/compress-dist.ts [dir]`: compresses a built folder by hand (default dist/).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const dir = path.resolve(process.argv[2] ?? 'dist');
  const started = performance.now();
  const result = await compressDist(dir);
  const mb = (n: number) => (n / MiB).toFixed(1);
  console.log(
    `Compressed ${result.files} files (${mb(result.bytes)} MiB → gzip ${mb(result.gzipBytes)} MiB, ` +
      `brotli ${mb(result.brBytes)} MiB) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
}
