import { arabic, expect, test } from '../fixtures/test.ts';
import { BookmarksPage } from '../pages/bookmarks-page.ts';

test.describe('every tab agrees', { tag: '@bookmarks' }, () => {
  test('a save in one tab appears in another open tab, and an unsave removes it', async ({
    context,
    page,
    corpus,
    storyPage,
  }) => {
    const teaser = corpus.sample[0]!;
    const other = await context.newPage();
    const otherBookmarks = new BookmarksPage(other);
    await otherBookmarks.goto();
    await expect(otherBookmarks.emptyState).toBeVisible();

    await storyPage.goto(teaser.id);
    await storyPage.bookmark.click();
    await expect(otherBookmarks.storyLinks).toHaveText([teaser.headline], { timeout: 2_000 });

    await storyPage.bookmark.click();
    await expect(otherBookmarks.emptyState).toBeVisible({ timeout: 2_000 });
    await expect(
      page.getByRole('status').filter({ hasText: arabic('أزيلت من المحفوظات') }),
    ).toBeAttached();
  });
});
