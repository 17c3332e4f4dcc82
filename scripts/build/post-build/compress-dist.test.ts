// @vitest-environment node
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  compressDist,
  DistCompressor,
  defaultBrotliQuality,
  defaultGzipLevel,
} from './compress-dist.ts';

const text = (n: number) =>
  Array.from({ length: n }, (_, i) => `<p data-i="${i}">قارئ: خبر رقم ${i}</p>`).join('\n');

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'qari-compress-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(relative: string, data: string | Buffer): Promise<string> {
  const file = path.join(dir, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, data);
  return file;
}

describe('compressDist', () => {
  it('writes .gz and .br that decompress to the original, for text files over 1 KB', async () => {
    const html = await put('article/a.html', text(200));
    const json = await put('api/articles/a.json', JSON.stringify({ body: text(100) }));
    const js = await put('assets/index-abc123.js', `export const x = ${JSON.stringify(text(50))};`);
    const svg = await put(
      'icons/icon.svg',
      `<svg xmlns="http://www.w3.org/2000/svg">${text(40)}</svg>`,
    );
    const manifest = await put('manifest.webmanifest', JSON.stringify({ name: text(30) }));

    const stats = await compressDist(dir);

    expect(stats.files).toBe(5);
    let bytes = 0;
    for (const file of [html, json, js, svg, manifest]) {
      const original = await readFile(file);
      bytes += original.length;
      expect(gunzipSync(await readFile(`${file}.gz`)).equals(original)).toBe(true);
      expect(brotliDecompressSync(await readFile(`${file}.br`)).equals(original)).toBe(true);
    }
    expect(stats.bytes).toBe(bytes);
    expect(stats.gzipBytes).toBeGreaterThan(0);
    expect(stats.gzipBytes).toBeLessThan(bytes / 2);
    expect(stats.brBytes).toBeGreaterThan(0);
    expect(stats.brBytes).toBeLessThan(stats.gzipBytes);
  });

  it('leaves small files, compressed formats and dot-folders alone', async () => {
    const small = await put('api/sections.json', JSON.stringify({ a: 'x'.repeat(900) }));
    const exactlyOneKb = await put('robots.txt', 'x'.repeat(1024));
    const font = await put('assets/font-abc.woff2', Buffer.alloc(5000, 1));
    const photo = await put('media/photos/a.1234-480.jpg', Buffer.alloc(5000, 2));
    const avif = await put('media/photos/a.1234-480.avif', Buffer.alloc(5000, 3));
    const png = await put('icons/icon-512.png', Buffer.alloc(5000, 4));
    const viteManifest = await put('.vite/manifest.json', text(100));

    const stats = await compressDist(dir);

    expect(stats).toEqual({ files: 0, bytes: 0, gzipBytes: 0, brBytes: 0 });
    for (const file of [small, exactlyOneKb, font, photo, avif, png, viteManifest]) {
      expect(existsSync(`${file}.gz`)).toBe(false);
      expect(existsSync(`${file}.br`)).toBe(false);
    }
  });

  it('gives the compressed files the original modification time', async () => {
    const file = await put('feed.xml', `<feed>${text(100)}</feed>`);
    const when = new Date('2026-01-02T03:04:05Z');
    await utimes(file, when, when);
    await compressDist(dir);
    expect((await stat(`${file}.gz`)).mtimeMs).toBe(when.getTime());
    expect((await stat(`${file}.br`)).mtimeMs).toBe(when.getTime());
  });

  it('writes nothing for a file that does not shrink, and removes a stale copy', async () => {
    // Random bytes as base64 do not compress below their own size with gzip's header.
    const noise = Buffer.from(
      Array.from({ length: 3000 }, () => Math.floor(Math.random() * 256)),
    ).toString('base64');
    const file = await put('assets/noise-abc.txt', noise.slice(0, 1100));
    await writeFile(`${file}.gz`, 'stale');
    const stats = await compressDist(dir);
    expect(stats.files).toBe(1);
    expect(existsSync(`${file}.gz`)).toBe(stats.gzipBytes > 0);
    if (stats.gzipBytes === 0) expect(existsSync(`${file}.gz`)).toBe(false);
  });

  it('handles many files and an empty folder', { timeout: 30_000 }, async () => {
    expect(await compressDist(dir)).toEqual({ files: 0, bytes: 0, gzipBytes: 0, brBytes: 0 });
    const body = text(60);
    await Promise.all(
      Array.from({ length: 600 }, (_, i) => put(`api/articles/story-${i}.json`, `${body}${i}`)),
    );
    const stats = await compressDist(dir, { workers: 2 });
    expect(stats.files).toBe(600);
    const last = path.join(dir, 'api/articles/story-599.json');
    expect(gunzipSync(await readFile(`${last}.gz`)).toString()).toBe(`${body}599`);
  });

  it('uses the top quality for app files and a fast one for the bulk content', () => {
    expect(defaultBrotliQuality('assets/framework-abc.js')).toBe(11);
    expect(defaultBrotliQuality('index.html')).toBe(11);
    expect(defaultBrotliQuality('sw.js')).toBe(11);
    expect(defaultBrotliQuality('article/a.html')).toBe(5);
    expect(defaultBrotliQuality('api/articles/a.json')).toBe(5);
    // Content at the root that every publish writes again; the front page nearly the top.
    for (const file of ['sitemap.xml', 'news-sitemap.xml', 'feed.xml'])
      expect(defaultBrotliQuality(file)).toBe(5);
    expect(defaultBrotliQuality('home.html')).toBe(10);
  });

  it('writes gzip 9 for app files and gzip 6 for the content, as the levels say', async () => {
    expect(defaultGzipLevel('assets/framework-abc.js')).toBe(9);
    expect(defaultGzipLevel('home.html')).toBe(9);
    expect(defaultGzipLevel('article/a.html')).toBe(6);
    expect(defaultGzipLevel('api/search/v4/terms/0a.json')).toBe(6);
    expect(defaultGzipLevel('sitemap.xml')).toBe(6);
    const body = Array.from({ length: 400 }, (_, i) => `«خبر ${i % 37}» ${i * 7919}`).join(' ');
    await put('assets/app.js', body);
    await put('api/search/v4/terms/0a.json', body);
    await compressDist(dir, { workers: 1 });
    const gz = (file: string) => readFile(path.join(dir, `${file}.gz`));
    expect(await gz('assets/app.js')).toEqual(gzipSync(body, { level: 9 }));
    expect(await gz('api/search/v4/terms/0a.json')).toEqual(gzipSync(body, { level: 6 }));
  });
});

describe('DistCompressor', () => {
  it('compresses files as they are added, then the rest of the folder, each once', async () => {
    const early = await put('article/early.html', text(200));
    const compressor = new DistCompressor(dir, { workers: 1 });
    compressor.add('article/early.html');
    compressor.add('media/photo.jpg'); // not text: ignored
    const late = await put('assets/index-abc.js', `export const x = ${JSON.stringify(text(50))};`);
    expect(() => compressor.add('article/early.html')).toThrow(/added twice/);
    await compressor.addRest();
    const stats = await compressor.done();

    expect(stats.files).toBe(2);
    for (const file of [early, late]) {
      const original = await readFile(file);
      expect(brotliDecompressSync(await readFile(`${file}.br`)).equals(original)).toBe(true);
    }
  });
});
