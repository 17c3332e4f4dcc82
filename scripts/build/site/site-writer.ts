// Writes a build's or a publish's files into dist/ so that a reader never sees a page
// link to one that is not there yet: every file a publish writes goes in whole (a
// temporary name, then a rename), its gzip and brotli copies before it, in the order the caller gives (stories
// before the lists that link to them, removals last). A file whose bytes are already
// there is left alone, so a publish writes only what changed, and says so: the list of
// files written and removed is what a host needs uploaded (docs/publishing.md).
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress as brotliCallback, constants, gzip as gzipCallback } from 'node:zlib';
import {
  defaultBrotliQuality,
  defaultGzipLevel,
  GZIP_MEM_LEVEL,
} from '../post-build/compress-dist.ts';
import { WriteThread } from './write-thread.ts';

const gzip = promisify(gzipCallback);
const brotliCompress = promisify(brotliCallback);

/** Text files over this size get .gz and .br copies (as compressDist does for the app). */
const MIN_COMPRESS_BYTES = 1024;
const COMPRESSIBLE = /\.(html|json|xml|txt)$/;

/**
 * What a publish changed, in the order a host must take it: `content` (photos, stories,
 * list chunks: nothing live links to them yet), then `links` (list heads, the front,
 * the search index, sitemaps, feed, sections: they link to the content), then
 * `removed` (nothing links to them any more).
 */
export type HandOff = { content: string[]; links: string[]; removed: string[] };

export class SiteWriter {
  readonly handOff: HandOff = { content: [], links: [], removed: [] };
  private written = this.handOff.content;
  /**
   * Whether a full build's writes go to the thread pool: while render threads work beside
   * the main thread (the story pages), they do; otherwise they go to the write thread
   * (write-thread.ts), and a publish's are synchronous, since a round trip through the
   * thread pool costs more than writing a small file. In a 20,000-story build the search
   * index's phase took 12.7-14.4 s written synchronously against 18.9-23.9 through the
   * pool; with the story pages written synchronously too, the build peaked at 1.4-1.7 GB
   * (four runs) against 1.0-1.35 (three).
   */
  overlapping = false;
  /** Folders made so far: a full build writes thousands of files into a few folders. */
  private readonly folders = new Set<string>();
  /** A full build's write thread, started by its first synchronous write. */
  private thread: WriteThread | null = null;
  private settled = false;
  /** A publish's writes under way, and who waits for there to be none (stop). */
  private inFlight = 0;
  private readonly drained: (() => void)[] = [];
  private stopped = false;

  constructor(
    private readonly outDir: string,
    /**
     * A publish compares with what is there and compresses as it goes; a full build
     * writes into an empty folder and leaves compression to compressDist's workers,
     * which make the same bytes (post-build/compress-dist.ts).
     */
    private readonly incremental: boolean,
    /** List a file whose bytes are already there as written too (a killed publish wrote it). */
    private readonly listUnchanged = false,
    /** Told of each file a full build has written whole (to compress it meanwhile). */
    private readonly wroteWhole?: (file: string) => void,
  ) {}

  /** From here on, files link to what was written before (HandOff). */
  startLinks(): void {
    this.written = this.handOff.links;
  }

  /** A file put in place by someone else (the photo renditions). */
  note(file: string): void {
    this.written.push(file);
  }

  /** `file` relative to dist/ (e.g. `api/front.json`); a publish's below, a full build's in putWhole. */
  async write(file: string, body: string | Uint8Array): Promise<void> {
    if (!this.incremental) return this.putWhole(file, body);
    if (this.stopped) throw new Error(`${file}: not written, the publish has failed`);
    this.inFlight++;
    try {
      await this.putIncremental(file, body);
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) for (const resolve of this.drained.splice(0)) resolve();
    }
  }

  /**
   * A publish that failed writes nothing more: the writes under way (the search index's,
   * side by side with the lists) finish, none starts, so none lands after the next
   * publish's.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    while (this.inFlight > 0) await new Promise<void>((resolve) => this.drained.push(resolve));
  }

  private async putIncremental(file: string, body: string | Uint8Array): Promise<void> {
    const bytes = typeof body === 'string' ? Buffer.from(body) : Buffer.from(body);
    const full = path.join(this.outDir, file);
    const same = sameBytes(full, bytes);
    if (same && !this.listUnchanged) return;
    this.folder(path.dirname(full));
    const copies = COMPRESSIBLE.test(file) ? await compressedCopies(file, bytes) : [];
    if (same) {
      // Completing a killed publish: a file's copies go in before it, so the killed one
      // may have left copies of bytes the file never got. Those are made again; the rest,
      // already there, listed for the host as written.
      const stale = copies.filter(([ext, packed]) =>
        packed ? !sameBytes(`${full}${ext}`, packed) : existsSync(`${full}${ext}`),
      );
      await this.putWithCopies(file, null, stale);
      for (const name of [`${file}.gz`, `${file}.br`, file]) {
        const made = stale.some(([ext]) => `${file}${ext}` === name);
        if (!made && (name === file || existsSync(path.join(this.outDir, name))))
          this.written.push(name);
      }
      return;
    }
    await this.putWithCopies(file, bytes, copies);
  }

  /**
   * The copies (a null copy is removed) and the file (unless null) written side by side
   * under temporary names, then put in place: the copies before the file, so a reader
   * never gets a copy older than the file. Every write settles before this returns or
   * throws: a publish that failed leaves none going (stop).
   */
  private async putWithCopies(
    file: string,
    bytes: Buffer | null,
    copies: [string, Buffer | null][],
  ): Promise<void> {
    const results = await Promise.allSettled([
      ...copies.map(([, packed]) => (packed ? this.stage(packed) : null)),
      bytes ? this.stage(bytes) : null,
    ]);
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const staged = results.map((result) => (result.status === 'fulfilled' ? result.value : null));
    for (const [i, [ext]] of copies.entries()) {
      const temp = staged[i];
      if (temp) await this.place(temp, `${file}${ext}`);
      else await this.remove(`${file}${ext}`, false);
    }
    const temp = staged[copies.length];
    if (temp) await this.place(temp, file);
  }

  async remove(file: string, withCopies = true): Promise<void> {
    const names = withCopies ? [file, `${file}.gz`, `${file}.br`] : [file];
    for (const name of names) {
      const full = path.join(this.outDir, name);
      try {
        rmSync(full);
        this.handOff.removed.push(name);
      } catch {
        // Not there: nothing to remove, unless a killed publish removed it already.
        if (this.listUnchanged) this.handOff.removed.push(name);
      }
    }
  }

  private folder(dir: string): void {
    if (this.folders.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.folders.add(dir);
  }

  /** Waits for every file sent to the write thread to be written; a full build writes no more. */
  async settle(): Promise<void> {
    const thread = this.thread;
    this.thread = null;
    this.settled = true;
    await thread?.close();
  }

  /** Stops the write thread, if any, without waiting for its files (the publish failed). */
  async abort(): Promise<void> {
    const thread = this.thread;
    this.thread = null;
    await thread?.abort();
  }

  /**
   * A full build's file: it writes into the folder Vite has just emptied, with no reader
   * to keep whole, so straight to its name, through the write thread (write-thread.ts)
   * unless the render threads are busy beside the main thread.
   */
  private async putWhole(file: string, body: string | Uint8Array): Promise<void> {
    const full = path.join(this.outDir, file);
    if (this.overlapping) {
      this.folder(path.dirname(full));
      await writeFile(full, body);
      this.wroteWhole?.(file);
    } else {
      // A file after settle() would be written after the state that lists it.
      if (this.settled) throw new Error(`${file}: written after the site writer settled`);
      this.thread ??= new WriteThread((whole) => this.wroteWhole?.(whole));
      await this.thread.write(full, file, body);
    }
    this.written.push(file);
  }

  /**
   * A publish's file: a temporary name, then a rename into place. On libuv's threads, so
   * the files a publish writes side by side (a new story's ~290 search index files and
   * their copies) overlap their system calls.
   */
  private async stage(bytes: Buffer): Promise<string> {
    const temp = tempFile(this.outDir);
    await writeFile(temp, bytes);
    return temp;
  }

  /** A staged file renamed into place. */
  private async place(temp: string, file: string): Promise<void> {
    await rename(temp, path.join(this.outDir, file));
    this.written.push(file);
  }
}

function sameBytes(file: string, bytes: Buffer): boolean {
  try {
    return readFileSync(file).equals(bytes);
  } catch {
    return false;
  }
}

/**
 * gzip and brotli at the level and quality compressDist would pick, each only when it is
 * smaller. On libuv's threads, both at once, beside this thread's other work.
 */
async function compressedCopies(file: string, bytes: Buffer): Promise<[string, Buffer | null][]> {
  if (bytes.length <= MIN_COMPRESS_BYTES)
    return [
      ['.gz', null],
      ['.br', null],
    ];
  const [gz, br] = await Promise.all([
    gzip(bytes, { level: defaultGzipLevel(file), memLevel: GZIP_MEM_LEVEL }),
    brotliCompress(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: Math.min(
          defaultBrotliQuality(file),
          bytes.length > 1024 * 1024 ? 5 : 11,
        ),
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  ]);
  return [
    ['.gz', gz.length < bytes.length ? gz : null],
    ['.br', br.length < bytes.length ? br : null],
  ];
}

/** The hand-off lists, one path a line relative to dist/ (docs/publishing.md). */
export const handOffFiles = {
  content: '.qari/publish/content.txt',
  links: '.qari/publish/links.txt',
  removed: '.qari/publish/removed.txt',
} as const;

export async function writeHandOff(outDir: string, handOff: HandOff): Promise<void> {
  for (const [key, file] of Object.entries(handOffFiles)) {
    const full = path.join(outDir, file);
    await mkdir(path.dirname(full), { recursive: true });
    const lines = handOff[key as keyof HandOff];
    const temp = tempFile(outDir);
    await writeFile(temp, lines.length > 0 ? `${lines.join('\n')}\n` : '');
    await rename(temp, full);
  }
}

/**
 * Where files are written before their rename into place: inside dist/ (the same file
 * system, so the rename is atomic) but in a dot folder no reader sees, emptied by each
 * publish (a killed one leaves its half-written files there).
 */
export const tempDir = (outDir: string) => path.join(outDir, '.qari', 'tmp');
let temps = 0;
export const tempFile = (outDir: string) =>
  path.join(tempDir(outDir), `${process.pid}-${(temps++).toString(36)}`);

export async function clearTempDir(outDir: string): Promise<void> {
  await rm(tempDir(outDir), { recursive: true, force: true });
  await mkdir(tempDir(outDir), { recursive: true });
}
