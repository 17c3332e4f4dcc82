// @vitest-environment node
// The render pool makes the pages the main thread's renderer makes, byte for byte: a full
// build with story pages rendered on two worker threads equals one rendered on the main thread.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../content/build-content.ts';
import { compressDist } from '../post-build/compress-dist.ts';
import { publishSite } from '../site/publish-site.ts';
import { testAppBuild, testSsrBundle } from '../site/test-app-build.ts';
import { buildWhole, expectSameTree, newsroomIn, siteScratch } from '../site/test-newsroom.ts';
import { createRenderPool } from './render-pool.ts';

let root = '';
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the render pool', { timeout: 120_000 }, () => {
  it('renders the same pages on worker threads as on the main thread', async () => {
    const ssrEntry = await testSsrBundle();
    root = await siteScratch('qari-pool-');
    const content = path.join(root, 'content');
    await newsroomIn(content, 7, 24);
    const mainThread = path.join(root, 'main-thread');
    await buildWhole(content, mainThread, ssrEntry);

    const pooled = path.join(root, 'pooled');
    const checked = await checkContent(content);
    if (!checked.content) throw new Error('invalid corpus');
    const app = await testAppBuild(content, pooled, {
      ssrEntry,
      mediaCacheDir: path.resolve('node_modules/.cache/qari-media-test'),
    });
    const result = await publishSite(app, {
      full: true,
      content: checked.content,
      renderThreads: 2,
    });
    expect(result.ok && result.pages).toBeGreaterThan(24);
    await compressDist(pooled, { workers: 1 });
    await expectSameTree(pooled, mainThread);
  });

  it('rejects the pages asked of it when a worker cannot start, and closes', async () => {
    const ssrEntry = await testSsrBundle();
    const outDir = await siteScratch('qari-pool-broken-');
    const pool = await createRenderPool(
      {
        outDir,
        ssrEntry: path.join(path.dirname(ssrEntry), 'missing-entry.js'),
        siteUrl: 'https://qari.test',
        firstTaps: { file: 'f.js', body: '', hash: '', tag: '' },
        appLoader: { file: 'a.js', body: '', hash: '', tag: '' },
        sections: [],
      },
      1,
    );
    try {
      await expect(pool.list({ kind: 'tag', id: 'x' } as never)).rejects.toThrow(/missing-entry/);
    } finally {
      await pool.close();
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
