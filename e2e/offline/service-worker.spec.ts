import type { BrowserContext, Page } from '@playwright/test';
import { waitForApp } from '../fixtures/app-ready.ts';
import { saveAndInstallWorker } from '../fixtures/bookmarks.ts';
import { expect, test } from '../fixtures/test.ts';
import { StoryPage } from '../pages/story-page.ts';

// The real service worker (the suite blocks it elsewhere). Faults are made with
// context.route, which also sees the requests the worker itself makes.
test.use({ serviceWorkers: 'allow' });

/** What the worker's caches hold for a URL: its content type, or null when nothing. */
function cachedType(page: Page, url: string): Promise<string | null> {
  return page.evaluate(
    async (u) => (await caches.match(u))?.headers.get('content-type') ?? null,
    url,
  );
}

/** Answers matching requests (the worker's too) with a hotel Wi-Fi login page. */
async function captivePortal(context: BrowserContext, pattern: string): Promise<void> {
  await context.route(pattern, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: '<!doctype html><title>Hotel Wi-Fi</title><form>سجّل الدخول</form>',
    }),
  );
}

test.describe('the service worker', { tag: ['@offline'] }, () => {
  test('never answers the feed, the sitemaps or robots.txt with the app', async ({
    page,
    corpus,
  }) => {
    await saveAndInstallWorker(page, [corpus.sample[0]!.id]);
    for (const [path, type, start] of [
      ['/feed.xml', /xml/, '<?xml'],
      ['/sitemap.xml', /xml/, '<?xml'],
      ['/sitemaps/pages.xml', /xml/, '<?xml'],
      ['/news-sitemap.xml', /xml/, '<?xml'],
      ['/robots.txt', /text\/plain/, 'User-agent'],
    ] as const) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      expect(response?.headers()['content-type'], path).toMatch(type);
      expect((await response?.text())?.startsWith(start), path).toBe(true);
    }
  });

  test('a returning reader gets the prerendered page online, and the shell offline', async ({
    page,
    context,
    corpus,
  }) => {
    const [first, second] = corpus.sample;
    await saveAndInstallWorker(page, [corpus.sample.at(-1)!.id]);
    const online = await page.goto(`/article/${first!.id}`);
    expect(online?.fromServiceWorker(), 'the worker answered').toBe(true);
    // The prerendered page: the story's text and its data are in the HTML itself.
    const html = (await online?.text()) ?? '';
    expect(html).toContain('id="qari-state"');
    expect(html).toContain(first!.headline.replace(/&/g, '&amp;'));

    await context.setOffline(true);
    const offline = await page.goto(`/article/${second!.id}`);
    expect(offline?.fromServiceWorker()).toBe(true);
    expect(await offline?.text()).not.toContain('id="qari-state"');
    const story = new StoryPage(page);
    await expect(story.alert).toContainText('غير متصل');
    await expect(story.retry).toBeVisible();
  });

  test('a captive portal’s page is never cached as a story, and never hides the saved copy', async ({
    page,
    context,
    corpus,
    bookmarksPage,
  }) => {
    const saved = corpus.sample[0]!;
    const api = `/api/articles/${saved.id}.json`;
    await saveAndInstallWorker(page, [saved.id]);

    await captivePortal(context, `**${api}`);
    // A move inside the app fetches the story's JSON, through the worker.
    await bookmarksPage.goto();
    await waitForApp(page);
    await bookmarksPage.storyLinks.first().click();
    const story = new StoryPage(page);
    await expect(story.headline).toHaveText(saved.headline);
    await expect(page.getByRole('heading', { name: /غير موجودة/ })).toHaveCount(0);
    expect((await cachedType(page, api)) ?? 'nothing').not.toMatch(/html/);

    // Offline, from a cold start, the saved copy opens.
    await context.unroute(`**${api}`);
    await context.setOffline(true);
    const cold = await context.newPage();
    const coldStory = new StoryPage(cold);
    await cold.goto(`/article/${saved.id}`);
    await expect(coldStory.headline).toHaveText(saved.headline);
  });

  test('a photo answered once with a web page is not kept: the next visit shows the photo', async ({
    page,
    context,
    corpus,
  }) => {
    const story = corpus.richStory;
    const heroSrc = story.article.hero?.src ?? '';
    const rendition = story.media[heroSrc];
    test.skip(!rendition, 'the corpus has no local hero photo');
    // Another story saved: saving this one would keep its photos for offline reading.
    const other = corpus.sample.find((s) => s.id !== story.article.id)!;
    await saveAndInstallWorker(page, [other.id]);
    await captivePortal(context, '**/media/**');
    const storyPage = new StoryPage(page);
    await storyPage.goto(story.article.id);
    const photo = (
      await storyPage.heroImage.evaluate((img: HTMLImageElement) => img.currentSrc)
    ).replace(/^https?:\/\/[^/]+/, '');
    expect(photo).toMatch(/^\/media\//);
    expect(await cachedType(page, photo)).toBeNull();

    await context.unroute('**/media/**');
    await page.reload();
    await expect
      .poll(() => storyPage.heroImage.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    expect(await cachedType(page, photo)).toMatch(/^image\//);
  });
});
