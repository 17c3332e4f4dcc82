// @vitest-environment node
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SiteWriter } from './site-writer.ts';

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
