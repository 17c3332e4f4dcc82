// A first visit paints in the local stand-ins and keeps them: the web fonts are fetched
// once the page is on screen, for the pages that follow, and never swapped in under the
// reader's eyes (docs/decisions/010-web-fonts-after-first-paint.md).
import { expect, test } from '../fixtures/test.ts';

test.describe('web fonts', { tag: '@reading' }, () => {
  test('a first visit reads in the stand-ins; the next story opens in the web fonts', async ({
    page,
    storyPage,
    corpus,
  }) => {
    const story = corpus.richStory;
    const next = story.related[0];
    test.skip(!next, 'the story has no related stories');
    const html = page.locator('html');
    await storyPage.goto(story.article.id);
    await expect
      .poll(() => page.evaluate(() => [...document.fonts].every((f) => f.status === 'loaded')))
      .toBe(true);
    await expect(html).not.toHaveAttribute('data-web-fonts');

    await storyPage.related.getByRole('link', { name: next!.headline }).click();
    await expect(storyPage.headline).toHaveText(next!.headline);
    await expect(html).toHaveAttribute('data-web-fonts', '');

    await page.reload();
    await expect(html).toHaveAttribute('data-web-fonts', '');
  });
});
