// @vitest-environment node
import { mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledScript } from './bundle-script.mjs';

const dirs: string[] = [];
const bundles: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  for (const bundle of bundles) {
    await rm(bundle, { force: true });
    await rm(bundle.replace(/\.mjs$/, '.inputs.json'), { force: true });
  }
});

describe('bundledScript', () => {
  it('bundles a script with its own imports, each keeping its own import.meta.url', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qari-bundle-'));
    dirs.push(dir);
    const entry = path.join(dir, 'entry.ts');
    const helper = path.join(dir, 'helper.ts');
    await writeFile(helper, 'export const helperUrl: string = import.meta.url;\n');
    await writeFile(
      entry,
      "import { helperUrl } from './helper.ts';\nexport const urls = [import.meta.url, helperUrl];\n",
    );
    const bundle = await bundledScript(entry);
    bundles.push(bundle);
    expect(bundle).not.toBe(entry);
    const { urls } = await import(pathToFileURL(bundle).href);
    expect(urls).toEqual([pathToFileURL(entry).href, pathToFileURL(helper).href]);
  });

  it('makes the bundle again only when one of its sources changed', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qari-bundle-'));
    dirs.push(dir);
    const entry = path.join(dir, 'entry.ts');
    await writeFile(entry, 'export const n: number = 1;\n');
    const bundle = await bundledScript(entry);
    bundles.push(bundle);
    // Dated a minute back (whole seconds, which every file system keeps), so that a rebuild would show.
    const past = Math.floor((await stat(bundle)).mtimeMs / 1000) * 1000 - 60_000;
    await utimes(bundle, past / 1000, past / 1000);
    await bundledScript(entry);
    expect((await stat(bundle)).mtimeMs).toBe(past);

    await writeFile(entry, 'export const n: number = 22;\n');
    await bundledScript(entry);
    const { n } = await import(`${pathToFileURL(bundle).href}?again`);
    expect(n).toBe(22);
  });
});
