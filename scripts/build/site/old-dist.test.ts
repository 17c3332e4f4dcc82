// @vitest-environment node
// A full build puts Vite's folder in dist/'s place at once; the old one, and any a killed
// build left aside, are removed by a process of their own.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeApart, replaceDist } from './old-dist.ts';

const root = await mkdtemp(path.join(os.tmpdir(), 'qari-old-dist-'));
afterAll(() => rm(root, { recursive: true, force: true }));

async function tree(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
}

describe('replaceDist', () => {
  it('puts the new build in place, then removes the old one and what a killed build left aside', async () => {
    const site = path.join(root, 'a');
    const dist = path.join(site, 'dist');
    await tree(dist, {
      'index.html': 'old',
      'article/x.html': 'old',
      'api/search/v5/terms/0.json': '{}',
    });
    await tree(path.join(site, 'dist.old-17-1'), { 'article/y.html': 'killed' });
    await tree(path.join(site, 'dist.old-notes'), { 'keep.txt': 'not a build' });
    await tree(path.join(site, 'dist.vite-9'), { 'index.html': 'new' });
    const { removeOld } = await replaceDist(dist, path.join(site, 'dist.vite-9'));
    expect(await readFile(path.join(dist, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(path.join(dist, 'article'))).toBe(false);
    expect((await readdir(site)).length).toBe(4);
    await removeOld();
    expect((await readdir(site)).sort()).toEqual(['dist', 'dist.old-notes']);
  });

  it('builds where there was no dist/ yet', async () => {
    const site = path.join(root, 'b');
    await tree(path.join(site, 'new'), { 'index.html': 'new' });
    const { removeOld } = await replaceDist(path.join(site, 'dist'), path.join(site, 'new'));
    await removeOld();
    expect(await readdir(site)).toEqual(['dist']);
  });
});

describe('removeApart', () => {
  it('takes a folder another remover is removing too as removed', async () => {
    const dir = path.join(root, 'twice');
    await tree(
      dir,
      Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`d${i % 7}/f${i}.html`, 'x'])),
    );
    await Promise.all([removeApart(dir), removeApart(dir), removeApart(path.join(root, 'none'))]);
    expect(existsSync(dir)).toBe(false);
  });

  it('says when a folder could not be removed', async () => {
    // Not a folder: run as root, as CI is, no permission stops a removal.
    await tree(root, { 'a-file': 'x' });
    await expect(removeApart(path.join(root, 'a-file'))).rejects.toThrow(/not all removed/);
  });
});
