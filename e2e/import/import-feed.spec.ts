// A newsroom's feed in, a reader's story out: `npm run import` fetches a WordPress RSS feed
// (and, with --fetch-media, its photos) from a local server, `npm run build` builds that
// folder into a temporary dist (QARI_DIST_DIR, so the suite's own dist/ is untouched),
// and the story reads in the browser with its photo and caption.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const run = promisify(execFile);
const PORT = Number(process.env.QARI_IMPORT_E2E_PORT ?? 4216);
const FEED = readFileSync('scripts/import/fixtures/feed/wordpress-rss.xml', 'utf8');
const PHOTO = readFileSync('content/media/photos/dune-grass-by-the-sea.jpg');

test.describe('importing a feed', { tag: '@import' }, () => {
  let dir = '';
  let feedServer: Server;
  let preview: ChildProcess | undefined;

  test.beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'qari-import-e2e-'));
    feedServer = createServer((req, res) => {
      const origin = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}`;
      if (req.url === '/feed.xml') {
        res.setHeader('content-type', 'application/rss+xml; charset=utf-8');
        // The newsroom's photos live on this server too.
        res.end(
          FEED.replaceAll('https://alsharq.example.com/wp-content/uploads/', `${origin}/uploads/`),
        );
      } else if (req.url?.startsWith('/uploads/')) {
        res.setHeader('content-type', 'image/jpeg');
        res.end(PHOTO);
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
  });

  test.afterAll(async () => {
    if (preview?.pid) process.kill(-preview.pid);
    feedServer?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('imports a feed, builds it, and reads a story with its photo and caption', async ({
    page,
  }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'one import and build is enough');
    // Import, a whole production build and a browser: about a minute on a quiet machine.
    test.setTimeout(420_000);
    const content = path.join(dir, 'content');
    const dist = path.join(dir, 'dist');
    const feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.xml`;

    const imported = await test.step('import the feed', () =>
      run(
        'npx',
        ['tsx', 'scripts/import/cli.ts', 'feed', feedUrl, '--out', content, '--fetch-media'],
        { maxBuffer: 10 * 1024 * 1024 },
      ));
    const line = imported.stdout.split('\n').find((l) => l.includes('مناقصة للطاقة الشمسية'));
    expect(line).toMatch(/^imported /);
    const id = /: ([a-z0-9-]+): مناقصة/.exec(line ?? '')?.[1];
    expect(id).toBeTruthy();

    await test.step('build it into a temporary dist', () =>
      run('npx', ['tsx', 'scripts/build/build.ts'], {
        env: { ...process.env, QARI_CONTENT_DIR: content, QARI_DIST_DIR: dist },
        maxBuffer: 10 * 1024 * 1024,
      }));

    preview = spawn(
      'npx',
      [
        'vite',
        'preview',
        '--outDir',
        dist,
        '--port',
        String(PORT),
        '--strictPort',
        '--host',
        '127.0.0.1',
      ],
      { detached: true, stdio: 'ignore' },
    );
    // A server of the test's own: wait until it answers (its banner is coloured, not parsed).
    await expect
      .poll(
        () =>
          fetch(`http://127.0.0.1:${PORT}/api/sections.json`)
            .then((r) => r.status)
            .catch(() => 0),
        { timeout: 60_000 },
      )
      .toBe(200);

    await page.goto(`http://127.0.0.1:${PORT}/article/${id}`);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'مناقصة للطاقة الشمسية في أبوظبي تسجل سعراً قياسياً – 1.18 سنت',
    );
    const hero = page
      .getByRole('figure')
      .filter({ has: page.getByAltText('ألواح شمسية تمتد في صحراء الظفرة') });
    const photo = hero.getByRole('img', { name: 'ألواح شمسية تمتد في صحراء الظفرة' });
    await expect(photo).toBeVisible();
    // The photo was downloaded into media/ and served from the built site.
    await expect
      .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    await expect(hero.locator('figcaption')).toContainText('محطة الظفرة للطاقة الشمسية قرب أبوظبي');
    await expect(hero.locator('figcaption')).toContainText('AFP');
    await expect(page.getByRole('link', { name: 'EWEC' })).toHaveAttribute(
      'href',
      'https://www.ewec.ae/en',
    );
    // Nothing of the source's HTML reaches the page as text or as script.
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/<\/?(p|script|strong|figure)\b|javascript:/);
    await expect(page.getByRole('link', { name: 'رابط مريب' })).toHaveCount(0);
  });
});
