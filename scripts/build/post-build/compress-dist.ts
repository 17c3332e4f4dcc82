// Precompression for the static host: writes `<file>.gz` (gzip level 9) and `<file>.br`
// (brotli) next to every text file in dist/ over 1 KB, so nginx (`gzip_static`,
// `brotli_static`) or a CDN serves them without compressing on each request.
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
 * The front page (home.html) is not one of them: every reader's first page keeps 11
 * (about 0.2 s a publish for 2.3 KB less on every first visit).
 */
const CONTENT_AT_ROOT = /^([\w-]*sitemap[\w-]*\.xml|feed\.xml|robots\.txt)$/;

export function defaultBrotliQuality(relativePath: string): number {
  const parts = relativePath.split(/[\\/]/);
  const appFile =
    (parts.length === 1 && !CONTENT_AT_ROOT.test(relativePath)) || parts[0] === 'assets';
  return appFile ? 11 : 5;
}

type Task = { id: number; file: string; minBytes: number; quality: number; bigFile: number };
type Done = { id: number; bytes: number; gzipBytes: number; brBytes: number; error?: string };

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
parentPort.on('message', ({ id, file, minBytes, quality, bigFile }) => {
  try {
    const info = fs.statSync(file);
    if (info.size <= minBytes) return parentPort.postMessage({ id, bytes: 0, gzipBytes: 0, brBytes: 0 });
    const source = fs.readFileSync(file);
    const q = source.length > bigFile ? Math.min(quality, ${BIG_FILE_QUALITY}) : quality;
    const gz = zlib.gzipSync(source, { level: 9 });
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
async function listFiles(dir: string, base = dir, out: string[] = []): Promise<string[]> {
  for await (const entry of await opendir(dir)) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await listFiles(full, base, out);
    else if (entry.isFile() && COMPRESSIBLE.has(path.extname(entry.name).toLowerCase())) {
      out.push(path.relative(base, full));
    }
  }
  return out;
}

export async function compressDist(
  dir: string,
  options: CompressOptions = {},
): Promise<CompressStats> {
  const minBytes = options.minBytes ?? 1024;
  const quality = options.brotliQuality ?? defaultBrotliQuality;
  const files = await listFiles(dir);
  const stats: CompressStats = { files: 0, bytes: 0, gzipBytes: 0, brBytes: 0 };
  if (files.length === 0) return stats;

  const tasks: Task[] = files.map((relative, id) => ({
    id,
    file: path.join(dir, relative),
    minBytes,
    quality: quality(relative),
    bigFile: BIG_FILE,
  }));
  const count = Math.max(
    1,
    Math.min(options.workers ?? Math.min(8, os.availableParallelism()), tasks.length),
  );
  const workers = Array.from({ length: count }, () => new Worker(WORKER_SOURCE, { eval: true }));
  let next = 0;
  const errors: string[] = [];
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let inFlight = 0;
            const feed = () => {
              const task = tasks[next++];
              if (task) {
                inFlight += 1;
                worker.postMessage(task);
              } else if (inFlight === 0) resolve();
            };
            worker.on('message', (done: Done) => {
              inFlight -= 1;
              if (done.error) errors.push(`${files[done.id]}: ${done.error}`);
              else if (done.bytes > 0) {
                stats.files += 1;
                stats.bytes += done.bytes;
                stats.gzipBytes += done.gzipBytes;
                stats.brBytes += done.brBytes;
              }
              feed();
            });
            worker.on('error', reject);
            // Two files in flight per worker, so none waits on a round trip.
            feed();
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  if (errors.length > 0) throw new Error(`compressDist: ${errors.join('\n')}`);
  return stats;
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
