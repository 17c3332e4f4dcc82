// Responsive renditions of local photos: AVIF and JPEG at up to four widths, never
// wider than the original. Encoded files are cached by content hash between builds.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Rendition } from '#content/api-schema.ts';
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
  const { default: sharp } = await import('sharp');
  sharp.concurrency(1);
  const result = new Map<string, Rendition>();
  await mkdir(cacheDir, { recursive: true });
  await mapLimit([...media], 2, async (item) => {
    const bytes = await readFile(item.file);
    const hash = createHash('sha256')
      .update(CACHE_VERSION)
      .update(bytes)
      .digest('hex')
      .slice(0, 10);
    const parsed = path.posix.parse(item.src);
    const publicDir = `/${parsed.dir}`;
    await mkdir(path.join(outDir, parsed.dir), { recursive: true });
    const widths = renditionWidths(item.width);
    const urls = { avif: [] as string[], jpeg: [] as string[] };
    let smallBytes = 0;
    for (const width of widths) {
      for (const format of ['avif', 'jpeg'] as const) {
        const { ext, options } = FORMATS[format];
        const name = `${parsed.name}.${hash}-${width}.${ext}`;
        const cached = path.join(cacheDir, `${hash}-${width}.${ext}`);
        if (!(await exists(cached))) {
          const pipeline = sharp(bytes).rotate().resize({ width, withoutEnlargement: true });
          await (format === 'avif' ? pipeline.avif(options) : pipeline.jpeg(options)).toFile(
            cached,
          );
        }
        await copyFile(cached, path.join(outDir, parsed.dir, name));
        urls[format].push(`${publicDir}/${name} ${width}w`);
        if (format === 'avif' && width === widths[0]) smallBytes = (await stat(cached)).size;
      }
    }
    const fallbackWidth = widths.find((w) => w >= FALLBACK_WIDTH) ?? (widths.at(-1) as number);
    result.set(item.src, {
      src: `${publicDir}/${parsed.name}.${hash}-${fallbackWidth}.jpg`,
      width: item.width,
      height: heightAt(item, item.width),
      srcset: urls.jpeg.join(', '),
      avifSrcset: urls.avif.join(', '),
      smallBytes,
    });
  });
  return result;
}
