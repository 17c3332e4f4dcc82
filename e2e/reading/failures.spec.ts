import type { StoryPayload } from '../fixtures/api-types.ts';
import { arabic, expect, test } from '../fixtures/test.ts';

// A story's first load arrives as prerendered HTML with its data inside; these flows
// move to the story inside the app, where its JSON is fetched and can fail.
test.describe('bad network and bad data', { tag: '@reading' }, () => {
  test('a 503 on a story shows an alert, and retry recovers', { tag: '@smoke' }, async ({
    storyPage,
    network,
    corpus,
  }) => {
    const teaser = corpus.front.latest[0]!;
    const url = `**/api/articles/${teaser.id}.json`;
    await network.failWith(url, 503);
    await storyPage.openFromFront(teaser.headline);
    await expect(storyPage.alert).toBeVisible();
    await expect(storyPage.alert).toContainText(arabic('تعذر تحميل'));
    await network.restore(url);
    await storyPage.retry.click();
    await expect(storyPage.headline).toHaveText(teaser.headline);
    await expect(storyPage.alert).toHaveCount(0);
  });

  test('when the sections fail to load, the header says so, and its retry brings them', async ({
    page,
    siteHeader,
    network,
    corpus,
  }) => {
    // The bookmarks page is not prerendered: the app asks for the sections itself.
    await network.failWith('**/api/sections.json', 503);
    await page.goto('/bookmarks');
    await siteHeader.showSections();
    await expect(siteHeader.sectionsNav).toContainText(arabic('تعذر تحميل الأقسام'));
    await network.restore('**/api/sections.json');
    await siteHeader.sectionsRetry.click();
    await expect(siteHeader.sectionLink(corpus.sections[0]!.name)).toBeVisible();
    await expect(siteHeader.sectionsRetry).toHaveCount(0);
  });

  test('a broken JSON body shows a message, not a blank page', async ({
    page,
    storyPage,
    network,
    corpus,
  }) => {
    const teaser = corpus.front.latest[0]!;
    await network.serveBody(`**/api/articles/${teaser.id}.json`, '{"article": {"headline": ');
    await storyPage.openFromFront(teaser.headline);
    await expect(storyPage.alert).toContainText(arabic('تعذر'));
    await expect(storyPage.retry).toBeVisible();
    await expect(page.getByRole('banner')).toBeVisible();
  });

  test('JSON of the wrong shape shows a message', async ({ storyPage, network, corpus }) => {
    const teaser = corpus.front.latest[0]!;
    await network.serveBody(
      `**/api/articles/${teaser.id}.json`,
      JSON.stringify({ article: { id: 5 } }),
    );
    await storyPage.openFromFront(teaser.headline);
    await expect(storyPage.alert).toContainText(arabic('بيانات غير صالحة'));
  });

  test('a javascript: link arriving at run time is refused with a message', async ({
    page,
    storyPage,
    network,
    corpus,
  }) => {
    const teaser = corpus.front.latest[0]!;
    await network.rewriteJson<StoryPayload>(`**/api/articles/${teaser.id}.json`, (payload) => ({
      ...payload,
      article: {
        ...payload.article,
        body: [
          {
            type: 'paragraph',
            content: [{ text: 'رابط خطر', href: 'javascript:window.__pwned=1' }],
          },
          ...payload.article.body,
        ],
      },
    }));
    await storyPage.openFromFront(teaser.headline);
    await expect(storyPage.alert).toBeVisible();
    await expect(page.getByRole('link', { name: 'رابط خطر' })).toHaveCount(0);
  });

  test('text that looks like HTML shows as text', async ({ page, storyPage, network, corpus }) => {
    const teaser = corpus.front.latest[0]!;
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script> &amp;';
    await network.rewriteJson<StoryPayload>(`**/api/articles/${teaser.id}.json`, (payload) => ({
      ...payload,
      article: {
        ...payload.article,
        headline: `${hostile} عنوان`,
        body: [{ type: 'paragraph', content: [hostile] }, ...payload.article.body],
      },
    }));
    await storyPage.openFromFront(teaser.headline);
    await expect(storyPage.headline).toHaveText(`${hostile} عنوان`);
    await expect(storyPage.article).toContainText('<script>window.__pwned=1</script> &amp;');
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    await expect(page.locator('main img[src="x"]')).toHaveCount(0);
  });

  for (const [answer, contentType] of [
    ['a login page in place of the story (a captive portal)', 'text/html'],
    ['an answer without a content type', ''],
  ] as const) {
    test(`${answer} is a failure with retry, not «غير موجودة»`, async ({
      page,
      storyPage,
      network,
      corpus,
    }) => {
      const teaser = corpus.front.latest[0]!;
      const url = `**/api/articles/${teaser.id}.json`;
      await page.route(url, (route) =>
        route.fulfill({
          status: 200,
          headers: contentType ? { 'content-type': contentType } : {},
          body: '<!doctype html><title>Hotel Wi-Fi</title><form>login</form>',
        }),
      );
      await storyPage.openFromFront(teaser.headline);
      await expect(storyPage.alert).toContainText('تعذّر تحميل');
      await expect(page.getByRole('heading', { name: /غير موجودة/ })).toHaveCount(0);
      await network.restore(url);
      await storyPage.retry.click();
      await expect(storyPage.headline).toHaveText(teaser.headline);
    });
  }

  test('a story that never answers becomes a failure with retry after 10 s, not a skeleton forever', async ({
    page,
    storyPage,
    network,
    corpus,
  }) => {
    const teaser = corpus.front.latest[0]!;
    const url = `**/api/articles/${teaser.id}.json`;
    // The page's own clock, so the 10 s pass without the test waiting for them.
    await page.clock.install();
    await network.hold(url);
    await storyPage.openFromFront(teaser.headline);
    await expect(page.getByRole('status').filter({ hasText: 'جارٍ تحميل' })).toBeAttached();
    await page.clock.fastForward(9_000);
    await expect(storyPage.alert).toHaveCount(0);
    await page.clock.fastForward(1_500);
    await expect(storyPage.alert).toContainText('لم يصل الرد في الوقت المعتاد');
    await network.restore(url);
    await storyPage.retry.click();
    await expect(storyPage.headline).toHaveText(teaser.headline);
  });

  test('a slow story shows a skeleton, then the story', async ({
    page,
    storyPage,
    network,
    corpus,
  }) => {
    const teaser = corpus.front.latest[0]!;
    const release = await network.hold(`**/api/articles/${teaser.id}.json`);
    await storyPage.openFromFront(teaser.headline);
    await expect(page.getByRole('status').filter({ hasText: arabic('جار تحميل') })).toBeAttached();
    release();
    await expect(storyPage.headline).toHaveText(teaser.headline);
  });
});
