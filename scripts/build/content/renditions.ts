// Responsive renditions of local photos: AVIF and JPEG at up to four widths, never
// wider than the original. Encoded files are cached by content hash between builds.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Rendition } from '#content/api-schema.ts';
import { tempDir, tempFile } from '../site/site-writer.ts';
import { exists } from './exists.ts';
import type { MediaFile } from './load-content.ts';
import { mapLimit } from './map-limit.ts';

export const RENDITION_WIDTHS = [480, 800, 1200, 1600] as const;
/** The width a browser without srcset support gets, and the teaser thumbnail default. */
const FALLBACK_WIDTH = 800;
const FORMATS = {
  avif: { ext: 'avif', options: { quality: 55, effort: 2 } },
  jpeg: { ext: 'jpg', options: { quality: 78, mozjpeg: true, progressive: true } },
} as const;
const CACHE_VERSION = 'r1';
const HASH_LENGTH = 10;
const renditionName = (photo: string, hash: string, width: number, ext: string) =>
  `${photo}.${hash}-${width}.${ext}`;
/** What follows `<photo>.` in a rendition's name (renditionName). */
const RENDITION_SUFFIX = new RegExp(
  `^[0-9a-f]{${HASH_LENGTH}}-\\d+\\.(${Object.values(FORMATS)
    .map((f) => f.ext)
    .join('|')})$`,
);
/** Names the files being encoded, unique within this process. */
let encodings = 0;

export function renditionWidths(originalWidth: number): number[] {
  const widths: number[] = RENDITION_WIDTHS.filter((w) => w < originalWidth);
  if (widths.length < RENDITION_WIDTHS.length) widths.push(originalWidth);
  return widths;
}

const heightAt = (media: MediaFile, width: number) =>
  Math.round((media.height * width) / media.width);

export async function writeRenditions(
  media: Iterable<MediaFile>,
  outDir: string,
  cacheDir: string,
): Promise<Map<string, Rendition>> {
  const items = [...media];
  // Most publishes make no photo: the image library costs 0.15 s to load.
  if (items.length === 0) return new Map();
  const { default: sharp } = await import('sharp');
  sharp.concurrency(1);
  await mkdir(cacheDir, { recursive: true });
  await mkdir(tempDir(outDir), { recursive: true });
  const made = await mapLimit(items, 2, async (item): Promise<Rendition> => {
    const bytes = await readFile(item.file);
    const hash = createHash('sha256')
      .update(CACHE_VERSION)
      .update(bytes)
      .digest('hex')
      .slice(0, HASH_LENGTH);
    const parsed = path.posix.parse(item.src);
    const publicDir = `/${parsed.dir}`;
    await mkdir(path.join(outDir, parsed.dir), { recursive: true });
    const widths = renditionWidths(item.width);
    const urls = { avif: [] as string[], jpeg: [] as string[] };
    let smallBytes = 0;
    for (const width of widths) {
      for (const format of ['avif', 'jpeg'] as const) {
        const { ext, options } = FORMATS[format];
        const name = renditionName(parsed.name, hash, width, ext);
        const cached = path.join(cacheDir, `${hash}-${width}.${ext}`);
        if (!(await exists(cached))) {
          const pipeline = sharp(bytes).rotate().resize({ width, withoutEnlargement: true });
          // Into the cache by rename: builds and tests running side by side share it, and
          // one must never copy a rendition another is still encoding.
          const encoding = `${cached}.${process.pid}-${threadId}-${encodings++}`;
          await (format === 'avif' ? pipeline.avif(options) : pipeline.jpeg(options)).toFile(
            encoding,
          );
          await rename(encoding, cached);
        }
        // Whole or not at all: a publish killed here leaves no half photo under its final name.
        const temp = tempFile(outDir);
        await copyFile(cached, temp);
        await rename(temp, path.join(outDir, parsed.dir, name));
        urls[format].push(`${publicDir}/${name} ${width}w`);
        if (format === 'avif' && width === widths[0]) smallBytes = (await stat(cached)).size;
      }
    }
    const fallbackWidth = widths.find((w) => w >= FALLBACK_WIDTH) ?? (widths.at(-1) as number);
    return {
      src: `${publicDir}/${parsed.name}.${hash}-${fallbackWidth}.jpg`,
      width: item.width,
      height: heightAt(item, item.width),
      srcset: urls.jpeg.join(', '),
      avifSrcset: urls.avif.join(', '),
      smallBytes,
    };
  });
  // In the order given, not the order the encodings ended: two builds list them alike.
  return new Map(items.map((item, i) => [item.src, made[i] as Rendition]));
}

/**
 * The renditions of the photo `src` in dist/, of whatever bytes it had, relative to
 * dist/: after a killed publish, some may be named by no rendition a story shows.
 */
export async function renditionsInDist(outDir: string, src: string): Promise<string[]> {
  const { dir, name } = path.posix.parse(src);
  const names = await readdir(path.join(outDir, dir)).catch(() => [] as string[]);
  return names
    .filter(
      (file) => file.startsWith(`${name}.`) && RENDITION_SUFFIX.test(file.slice(name.length + 1)),
    )
    .map((file) => `${dir}/${file}`);
}

/** The files a rendition names, relative to dist/ (`media/photos/p.ab12-480.avif`…). */
export function renditionFiles(rendition: Rendition): string[] {
  const urls = [rendition.srcset, rendition.avifSrcset]
    .flatMap((srcset) => (srcset ?? '').split(','))
    .map((entry) => entry.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url.startsWith('/'));
  return [...new Set(urls)].map((url) => url.slice(1));
}
