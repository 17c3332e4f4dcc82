import { readFileSync } from 'node:fs';
import path from 'node:path';
import { firstViewScripts } from '#scripts/build/post-build/first-view-scripts.ts';
import type { Manifest } from '#scripts/build/prerender/route-assets.ts';
import { expect, test } from '../fixtures/test.ts';

/**
 * The build's budget counts the scripts a first story view fetches from a list
 * (scripts/build/post-build/first-view-scripts.ts); Chromium says whether the list is
 * true. A new dynamic import on the first view fails here until it is listed, with why.
 */
test.describe('the budget counts what the browser fetches', { tag: '@budget' }, () => {
  test.skip(
    Boolean(process.env.PLAYWRIGHT_BASE_URL) && !process.env.QARI_NGINX,
    'reads the manifest of the build in dist/',
  );

  test('a first story view fetches exactly the listed scripts, until the network is idle', async ({
    page,
    corpus,
  }) => {
    const dist = path.resolve(process.env.QARI_DIST ?? 'dist');
    const manifest = JSON.parse(
      readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'),
    ) as Manifest;
    const listed = firstViewScripts(manifest).flatMap((group) => group.files.map((f) => `/${f}`));
    const fetched = new Set<string>();
    let last = Date.now();
    page.on('request', (request) => {
      last = Date.now();
      if (request.resourceType() === 'script') fetched.add(new URL(request.url()).pathname);
    });
    await page.goto(`/article/${corpus.richStory.article.id}`);
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    // Idle: no request for 2 s (a busy machine can pause longer than networkidle's 0.5 s
    // between a chunk and the import it makes).
    await expect.poll(() => Date.now() - last, { timeout: 20_000 }).toBeGreaterThan(2000);
    expect([...fetched].sort()).toEqual([...listed].sort());
  });
});
