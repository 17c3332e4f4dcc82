import type { StoryPayload } from '../../src/content/api-schema.ts';
import { expect, test } from '../fixtures/test.ts';

test.describe('bad network and bad data', { tag: '@reading' }, () => {
  test('a 503 on a story shows an alert, and retry recovers', async ({
    storyPage,
    network,
    corpus,
  }) => {
    const { article } = corpus.richStory;
    const url = `**/api/articles/${article.id}.json`;
    await network.failWith(url, 503);
    await storyPage.goto(article.id);
    await expect(storyPage.alert).toBeVisible();
    await network.restore(url);
    await storyPage.retry.click();
    await expect(storyPage.headline).toHaveText(article.headline);
    await expect(storyPage.alert).toHaveCount(0);
  });

  test('a broken JSON body shows a message, not a blank page', async ({
    page,
    storyPage,
    network,
    corpus,
  }) => {
    const { article } = corpus.richStory;
    await network.serveBody(`**/api/articles/${article.id}.json`, '{"article": {"headline": ');
    await storyPage.goto(article.id);
    await expect(storyPage.alert).toContainText('تعذّر');
    await expect(storyPage.retry).toBeVisible();
    await expect(page.getByRole('banner')).toBeVisible();
  });

  test('JSON of the wrong shape shows a message', async ({ storyPage, network, corpus }) => {
    const { article } = corpus.richStory;
    await network.serveBody(
      `**/api/articles/${article.id}.json`,
      JSON.stringify({ article: { id: 5 } }),
    );
    await storyPage.goto(article.id);
    await expect(storyPage.alert).toBeVisible();
  });

  test('text that looks like HTML shows as text, and unsafe links are not links', async ({
    page,
    storyPage,
    network,
    corpus,
  }) => {
    const { article } = corpus.richStory;
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script> &amp;';
    await network.rewriteJson<StoryPayload>(`**/api/articles/${article.id}.json`, (payload) => ({
      ...payload,
      article: {
        ...payload.article,
        headline: `${hostile} عنوان`,
        body: [
          {
            type: 'paragraph',
            content: [hostile, { text: 'رابط خطر', href: 'javascript:window.__pwned=1' }],
          },
          ...payload.article.body,
        ],
      },
    }));
    await storyPage.goto(article.id);
    await expect(storyPage.alert).toBeVisible();
    // The article schema rejects javascript: links at run time too; now without the link:
    await network.restore(`**/api/articles/${article.id}.json`);
    await network.rewriteJson<StoryPayload>(`**/api/articles/${article.id}.json`, (payload) => ({
      ...payload,
      article: {
        ...payload.article,
        headline: `${hostile} عنوان`,
        body: [{ type: 'paragraph', content: [hostile] }, ...payload.article.body],
      },
    }));
    await page.reload();
    await expect(storyPage.headline).toHaveText(`${hostile} عنوان`);
    await expect(page.getByRole('main')).toContainText('<script>window.__pwned=1</script> &amp;');
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    await expect(page.locator('main img[src="x"]')).toHaveCount(0);
  });

  test('a slow story shows a skeleton that holds the layout', async ({
    page,
    storyPage,
    network,
    corpus,
  }) => {
    const { article } = corpus.richStory;
    const release = await network.hold(`**/api/articles/${article.id}.json`);
    await storyPage.goto(article.id);
    await expect(page.getByRole('status').filter({ hasText: 'جارٍ تحميل' })).toBeVisible();
    release();
    await expect(storyPage.headline).toHaveText(article.headline);
  });
});
