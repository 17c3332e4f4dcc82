import { storedPosition } from '../fixtures/bookmarks.ts';
import { arabic, expect, test } from '../fixtures/test.ts';

test.describe('saving stories', { tag: '@bookmarks' }, () => {
  test('two saved stories are listed newest-saved first, survive a reload, and unsave from the story', {
    tag: '@smoke',
  }, async ({ page, corpus, saveStories, bookmarksPage, storyPage }) => {
    const [first, second] = corpus.sample;
    await saveStories([first!.id, second!.id]);
    await bookmarksPage.goto();
    await expect(bookmarksPage.storyLinks).toHaveText([second!.headline, first!.headline]);
    await expect(page.getByRole('main')).toContainText(arabic('قصتان محفوظتان'));
    await page.reload();
    await expect(bookmarksPage.storyLinks).toHaveText([second!.headline, first!.headline]);

    await bookmarksPage.storyLinks.filter({ hasText: second!.headline }).click();
    await expect(storyPage.headline).toHaveText(second!.headline);
    await expect(storyPage.bookmark).toHaveAttribute('aria-pressed', 'true');
    await storyPage.bookmark.click();
    await expect(storyPage.bookmark).toHaveAttribute('aria-pressed', 'false');
    await expect(
      page.getByRole('status').filter({ hasText: arabic('أزيلت من المحفوظات') }),
    ).toBeAttached();
    await bookmarksPage.goto();
    await expect(bookmarksPage.storyLinks).toHaveText([first!.headline]);
  });

  test('a story card toggle saves, and the keyboard shortcut s saves the open story', {
    tag: '@phone',
  }, async ({ page, corpus, frontPage, storyPage, bookmarksPage }) => {
    const teaser = corpus.front.latest[0]!;
    await frontPage.goto();
    const cardToggle = frontPage.cardBookmark(teaser.headline);
    await cardToggle.click();
    await expect(cardToggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('status').filter({ hasText: arabic('تم الحفظ') })).toBeAttached();

    const other = corpus.sample.find((t) => t.id !== teaser.id)!;
    await storyPage.goto(other.id);
    await expect(storyPage.bookmark).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('s');
    await expect(storyPage.bookmark).toHaveAttribute('aria-pressed', 'true');

    await bookmarksPage.goto();
    await expect(bookmarksPage.storyLinks).toHaveText([other.headline, teaser.headline]);
    await bookmarksPage.sort.selectOption({ label: 'الأحدث نشراً' });
    const byDate = [other, teaser].sort(
      (a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt),
    );
    await expect(bookmarksPage.storyLinks).toHaveText(byDate.map((t) => t.headline));
    await bookmarksPage.removeButton(teaser.headline).click();
    await expect(bookmarksPage.storyLinks).toHaveText([other.headline]);
  });

  test('an empty list explains how to save', async ({ bookmarksPage }) => {
    await bookmarksPage.goto();
    await expect(bookmarksPage.emptyState).toBeVisible();
    await expect(bookmarksPage.exportButton).toBeDisabled();
  });

  test('a saved story offers «تابع القراءة» back to where the reader left off', async ({
    page,
    corpus,
    saveStories,
    storyPage,
  }) => {
    const long = [...corpus.sample].sort((a, b) => b.readingMinutes - a.readingMinutes)[0]!;
    await saveStories([long.id]);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.5));
    await expect.poll(() => storedPosition(page, long.id)).toBeGreaterThan(0.2);
    await page.goto('/');
    await storyPage.goto(long.id);
    await page.getByRole('button', { name: arabic('تابع القراءة') }).click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await expect(storyPage.headline).toHaveText(long.headline);
  });
});
