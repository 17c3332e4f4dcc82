// Photos as the schema wants them: an https: URL with width and height, or a file under
// media/. A remote photo without its size (or on http:) is downloaded into
// media/imports/<source>/ with --fetch-media (the build then reads its size and makes
// renditions); without the flag it is left out and reported.
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Image } from '#content/article-schema.ts';
import { type Drops, type ImageDraft, InputError } from './draft.ts';
import { type FetchLimits, fetchCapped } from './fetch-capped.ts';
import { shortHash } from './ids.ts';

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
};

export type MediaOptions = {
  fetchMedia: boolean;
  dryRun: boolean;
  outDir: string;
  /** The source's name, a folder under media/imports/. */
  source: string;
  limits: FetchLimits;
};

export class MediaSettler {
  /** media/… paths this run refers to (kept by --prune, listed in the manifest). */
  readonly files = new Set<string>();
  private readonly downloads = new Map<string, Promise<string>>();
  /** At most this many downloads at once; the others wait their turn. */
  private slots = 4;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: MediaOptions) {}

  /** The photo as the schema accepts it, or null (reported in `drops`). */
  async settle(image: ImageDraft, drops: Drops): Promise<Image | null> {
    let url: URL;
    try {
      url = new URL(image.src);
    } catch {
      drops.add(`photo "${image.src.slice(0, 60)}" dropped: not an address`);
      return null;
    }
    if (url.protocol === 'https:' && image.width && image.height) {
      return { ...image, width: image.width, height: image.height };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      drops.add(`photo with a ${url.protocol} address dropped`);
      return null;
    }
    const why = url.protocol === 'http:' ? 'is on http:' : 'has no width and height';
    if (!this.options.fetchMedia) {
      drops.add(`photo ${url.href} dropped: it ${why} (--fetch-media downloads it)`);
      return null;
    }
    let src: string;
    try {
      let pending = this.downloads.get(url.href);
      if (!pending) {
        pending = this.download(url.href);
        this.downloads.set(url.href, pending);
      }
      src = await pending;
    } catch (error) {
      drops.add(`photo ${url.href} dropped: ${(error as Error).message}`);
      return null;
    }
    this.files.add(src);
    const { width: _w, height: _h, ...rest } = image;
    return { ...rest, src };
  }

  private async download(url: string): Promise<string> {
    if (this.slots === 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.slots--;
    try {
      return await this.downloadNow(url);
    } finally {
      this.slots++;
      this.waiting.shift()?.();
    }
  }

  /** Downloads once per run; a file already there from an earlier run is reused as it is. */
  private async downloadNow(url: string): Promise<string> {
    const base = `media/imports/${this.options.source}/${shortHash(url, 16)}`;
    for (const ext of Object.values(EXTENSIONS)) {
      const existing = `${base}.${ext}`;
      try {
        await access(path.join(this.options.outDir, existing));
        return existing;
      } catch {}
    }
    const fetched = await fetchCapped(url, this.options.limits);
    const type = fetched.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    const { default: sharp } = await import('sharp');
    let format: string | undefined;
    try {
      format = (await sharp(fetched.bytes).metadata()).format;
    } catch {
      throw new InputError(`not a readable image (${type || 'no type'})`);
    }
    const ext = EXTENSIONS[`image/${format === 'jpeg' ? 'jpeg' : format}`] ?? EXTENSIONS[type];
    if (!ext) throw new InputError(`not a photo format the build reads (${format ?? type})`);
    const src = `${base}.${ext}`;
    if (!this.options.dryRun) {
      const file = path.join(this.options.outDir, src);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, fetched.bytes);
    }
    return src;
  }
}
