// @vitest-environment node
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { clearTempDir, SiteWriter } from './site-writer.ts';

describe('SiteWriter, a full build', () => {
  it('writes through its thread, tells of each file once whole, and refuses a file after it settled', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qari-site-writer-'));
    const whole: string[] = [];
    const writer = new SiteWriter(dir, false, false, (file) => whole.push(file));
    await writer.write('api/front.json', '{"a":1}');
    writer.startLinks();
    await writer.write('api/search/v4/docs/0.json', '{}');
    await writer.settle();
    expect(whole).toEqual(['api/front.json', 'api/search/v4/docs/0.json']);
    expect(writer.handOff).toEqual({
      content: ['api/front.json'],
      links: ['api/search/v4/docs/0.json'],
      removed: [],
    });
    expect(await readFile(path.join(dir, 'api/front.json'), 'utf8')).toBe('{"a":1}');
    await expect(writer.write('sitemap.xml', '<x/>')).rejects.toThrow(
      /written after the site writer settled/,
    );
  });

  it('aborts a build that failed half-way without waiting for its files', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qari-site-writer-'));
    const writer = new SiteWriter(dir, false);
    await writer.write('a.json', '{}');
    await writer.abort();
    await writer.abort(); // twice: nothing left to stop
  });
});

describe('SiteWriter, a publish', () => {
  it('writes a file with its copies, the copies first, and leaves bytes already there alone', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qari-site-writer-'));
    await clearTempDir(dir);
    const writer = new SiteWriter(dir, true);
    const big = JSON.stringify({ words: 'كلمة '.repeat(400) });
    await writer.write('api/a.json', big);
    await writer.write('api/a.json', big);
    expect(writer.handOff.content).toEqual(['api/a.json.gz', 'api/a.json.br', 'api/a.json']);
    expect(await readFile(path.join(dir, 'api/a.json'), 'utf8')).toBe(big);
  });

  it('completing a killed publish, makes again the copies it left of bytes the file never got', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qari-site-writer-'));
    await clearTempDir(dir);
    const was = JSON.stringify({ words: 'قديم '.repeat(400) });
    const meant = JSON.stringify({ words: 'جديد '.repeat(400) });
    await new SiteWriter(dir, true).write('api/head.json', meant);
    // As a publish killed between the copies and the file leaves it; then the newsroom
    // took the change back, so the next publish writes the file's old bytes.
    await writeFile(path.join(dir, 'api/head.json'), was);
    const completing = new SiteWriter(dir, true, true);
    await completing.write('api/head.json', was);
    const file = path.join(dir, 'api/head.json');
    expect(gunzipSync(await readFile(`${file}.gz`)).toString()).toBe(was);
    expect(brotliDecompressSync(await readFile(`${file}.br`)).toString()).toBe(was);
    expect(completing.handOff.content).toEqual([
      'api/head.json.gz',
      'api/head.json.br',
      'api/head.json',
    ]);
    // Copies already right are only listed again.
    const again = new SiteWriter(dir, true, true);
    await again.write('api/head.json', was);
    expect(again.handOff.content).toEqual(completing.handOff.content);
  });

  it('once stopped, waits for the writes under way and starts none', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qari-site-writer-'));
    await clearTempDir(dir);
    const writer = new SiteWriter(dir, true);
    const body = JSON.stringify({ words: 'كلمة '.repeat(400) });
    const underWay = ['x/1.json', 'x/2.json', 'x/3.json'].map((file) => writer.write(file, body));
    await writer.stop();
    // Every write under way has landed by the time stop() returns.
    for (const file of ['x/1.json', 'x/2.json', 'x/3.json'])
      expect(await readFile(path.join(dir, file), 'utf8')).toBe(body);
    await Promise.all(underWay);
    await expect(writer.write('x/4.json', body)).rejects.toThrow(
      /not written, the publish has failed/,
    );
    await expect(readFile(path.join(dir, 'x/4.json'))).rejects.toThrow(/ENOENT/);
  });
});
