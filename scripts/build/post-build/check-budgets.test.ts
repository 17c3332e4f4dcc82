// @vitest-environment node
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUDGETS, checkBudgets, formatBudgets } from './check-budgets.ts';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/**
 * A dist/ with the first view's chunks as incompressible bytes of the given sizes (so
 * their gzip size is about their size), a story page with inline scripts and style.
 */
async function fakeDist(sizes: { framework: number; app: number }, extraHead = '') {
  dir = await mkdtemp(path.join(tmpdir(), 'qari-budgets-'));
  const files: Record<string, number> = {
    'assets/index-a.js': sizes.app,
    'assets/framework-b.js': sizes.framework,
    'assets/story-route-c.js': 1000,
    'assets/bookmark-store-d.js': 500,
    'assets/build-e.js': 500,
  };
  await mkdir(path.join(dir, 'assets'), { recursive: true });
  await mkdir(path.join(dir, '.vite'), { recursive: true });
  for (const [file, size] of Object.entries(files))
    await writeFile(path.join(dir, file), randomBytes(size));
  const manifest = {
    'index.html': { file: 'assets/index-a.js', isEntry: true, imports: ['_framework'] },
    _framework: { file: 'assets/framework-b.js' },
    'src/app/routes/story-route.tsx': { file: 'assets/story-route-c.js', imports: ['_framework'] },
    'src/shared/storage/bookmark-store.ts': { file: 'assets/bookmark-store-d.js' },
    'node_modules/idb/build/index.js': { file: 'assets/build-e.js' },
  };
  await writeFile(path.join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
  const story = path.join(dir, 'story.html');
  await writeFile(
    story,
    `<html><head><style>body{margin:0}</style><script>boot()</script>${extraHead}</head><body></body></html>`,
  );
  return story;
}

describe('checkBudgets', () => {
  it('counts every first-view script once, the inline ones too, and passes under budget', async () => {
    const story = await fakeDist({ framework: 60_000, app: 5_000 });
    const report = await checkBudgets(dir, story);
    expect(report.groups.flatMap((g) => g.files)).toEqual([
      'assets/index-a.js',
      'assets/framework-b.js',
      'assets/story-route-c.js',
      'assets/bookmark-store-d.js',
      'assets/build-e.js',
    ]);
    // Random bytes do not compress: gzip adds a few bytes to each.
    expect(report.frameworkJs).toBeGreaterThanOrEqual(60_000);
    expect(report.totalJs).toBeGreaterThanOrEqual(67_000 + report.inlineJs);
    expect(report.inlineJs).toBeGreaterThan(0);
    expect(report.css).toBeGreaterThan(0);
    expect(report.failures).toEqual([]);
    expect(formatBudgets(report)).toContain('Scripts until idle');
  });

  it('fails a build whose scripts, own scripts or font preloads go over', async () => {
    const story = await fakeDist(
      { framework: BUDGETS.totalJs, app: BUDGETS.ownJs + 1 },
      '<link rel="preload" as="font" href="/a.woff2">',
    );
    const { failures } = await checkBudgets(dir, story);
    expect(failures).toHaveLength(3);
    expect(failures[0]).toMatch(/^Scripts a first story view fetches until idle: \d+ bytes gzip/);
    expect(failures[1]).toMatch(/^The app's own JavaScript/);
    expect(failures[2]).toMatch(/^1 fonts preloaded/);
  });
});
