// @vitest-environment node
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaFile } from './load-content.ts';
import { RENDITION_WIDTHS, renditionWidths, writeRenditions } from './renditions.ts';

describe('renditionWidths', () => {
  it.each([
    [2000, [480, 800, 1200, 1600]],
    [1600, [480, 800, 1200, 1600]],
    [1601, [480, 800, 1200, 1600]],
    [1599, [480, 800, 1200, 1599]],
    [900, [480, 800, 900]],
    [600, [480, 600]],
    [480, [480]],
    [300, [300]],
  ])('gives a %i px photo %j', (width, widths) => {
    expect(renditionWidths(width)).toEqual(widths);
  });

  it('never goes wider than the original', () => {
    expect(RENDITION_WIDTHS).toEqual([480, 800, 1200, 1600]);
    for (const width of [1, 479, 481, 799, 1201]) {
      expect(Math.max(...renditionWidths(width))).toBe(width);
    }
  });
});

describe('writeRenditions', () => {
  let root: string;
  let media: MediaFile[];
  const out = (name: string) => path.join(root, name);

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'qari-renditions-'));
    await mkdir(out('content/media/photos'), { recursive: true });
    const make = (width: number, height: number, file: string) =>
      sharp({ create: { width, height, channels: 3, background: { r: 20, g: 90, b: 160 } } })
        .jpeg()
        .toFile(out(file));
    await make(2000, 1000, 'content/media/photos/wide.jpg');
    await make(600, 400, 'content/media/photos/small.jpg');
    media = [
      {
        src: 'media/photos/wide.jpg',
        file: out('content/media/photos/wide.jpg'),
        width: 2000,
        height: 1000,
      },
      {
        src: 'media/photos/small.jpg',
        file: out('content/media/photos/small.jpg'),
        width: 600,
        height: 400,
      },
    ];
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('writes AVIF and JPEG at each width, with srcsets and the 800 px JPEG as src', async () => {
    const renditions = await writeRenditions(media, out('dist'), out('cache'));
    const wide = renditions.get('media/photos/wide.jpg');
    const hash = /wide\.([0-9a-f]{10})-800\.jpg$/.exec(wide?.src ?? '')?.[1];
    expect(hash).toBeDefined();
    const url = (w: number, ext: string) => `/media/photos/wide.${hash}-${w}.${ext}`;
    expect(wide).toEqual({
      src: url(800, 'jpg'),
      width: 2000,
      height: 1000,
      srcset: [480, 800, 1200, 1600].map((w) => `${url(w, 'jpg')} ${w}w`).join(', '),
      avifSrcset: [480, 800, 1200, 1600].map((w) => `${url(w, 'avif')} ${w}w`).join(', '),
      smallBytes: (await readFile(path.join(out('dist'), url(480, 'avif')))).length,
    });

    // Every file the srcsets name exists, in its format, at its width and the photo's aspect.
    for (const width of [480, 800, 1200, 1600]) {
      for (const [ext, format] of [
        ['jpg', 'jpeg'],
        ['avif', 'heif'],
      ]) {
        const meta = await sharp(path.join(out('dist'), url(width, ext as string))).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual([format, width, width / 2]);
      }
    }

    const small = renditions.get('media/photos/small.jpg');
    expect(small?.srcset).toMatch(
      /^\/media\/photos\/small\.[0-9a-f]{10}-480\.jpg 480w, \/media\/photos\/small\.[0-9a-f]{10}-600\.jpg 600w$/,
    );
    expect(small?.avifSrcset?.split(', ').map((s) => s.split(' ')[1])).toEqual(['480w', '600w']);
    // No 800 px rendition exists, so the largest one stands in.
    expect(small?.src).toMatch(/small\.[0-9a-f]{10}-600\.jpg$/);
    expect([small?.width, small?.height]).toEqual([600, 400]);
    const smallFiles = (await readdir(out('dist/media/photos'))).filter((f) =>
      f.startsWith('small.'),
    );
    expect(smallFiles).toHaveLength(4);
    const meta480 = await sharp(
      path.join(out('dist'), (small?.src ?? '').replace('-600.', '-480.')),
    ).metadata();
    expect([meta480.width, meta480.height]).toEqual([480, 320]);

    expect((await readdir(out('cache'))).sort()).toHaveLength(12);
  }, 60_000);

  it('reuses cached encodings on the next build', async () => {
    const cached = (await readdir(out('cache'))).sort();
    // Mark one cached file: if the second build re-encoded, the mark would be gone.
    const marked = cached.find((f) => f.endsWith('-1200.avif')) as string;
    await writeFile(path.join(out('cache'), marked), 'cached bytes');
    const started = performance.now();
    const renditions = await writeRenditions(media, out('dist2'), out('cache'));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((await readdir(out('cache'))).sort()).toEqual(cached);
    const copy = path.join(out('dist2/media/photos'), `wide.${marked}`);
    expect(await readFile(copy, 'utf8')).toBe('cached bytes');
    expect(renditions.get('media/photos/wide.jpg')?.avifSrcset).toContain(
      `/media/photos/wide.${marked} 1200w`,
    );
  }, 60_000);

  it('names renditions after the content, so a changed photo gets new URLs', async () => {
    const before = (await writeRenditions(media.slice(1), out('dist3'), out('cache'))).get(
      'media/photos/small.jpg',
    )?.src;
    await sharp({ create: { width: 600, height: 400, channels: 3, background: '#ff0000' } })
      .jpeg()
      .toFile(out('content/media/photos/small.jpg'));
    const after = (await writeRenditions(media.slice(1), out('dist3'), out('cache'))).get(
      'media/photos/small.jpg',
    )?.src;
    expect(after).toMatch(/small\.[0-9a-f]{10}-600\.jpg$/);
    expect(after).not.toBe(before);
  }, 60_000);
});
