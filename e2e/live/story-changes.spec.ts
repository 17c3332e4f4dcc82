import { expect, test } from '../fixtures/test.ts';

test.describe('updated and withdrawn stories', { tag: '@live' }, () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.install();
  });

  test('an open story that was updated says so, with the time, and shows the new version', async ({
    storyPage,
    corpus,
    liveNotices,
    newsroom,
  }) => {
    const story = corpus.richStory;
    await storyPage.goto(story.article.id);
    const updatedAt = new Date().toISOString();
    await newsroom.update({
      ...story,
      article: { ...story.article, headline: `${story.article.headline} (محدَّث)`, updatedAt },
    });
    await liveNotices.aMinutePasses();
    await expect(liveNotices.updated).toBeVisible();
    await expect(liveNotices.updated.getByRole('time')).toHaveAttribute('datetime', updatedAt);
    // Nothing changed under the reader's eyes.
    await expect(storyPage.headline).toHaveText(story.article.headline);

    await liveNotices.showNewVersion.click();
    await expect(storyPage.headline).toHaveText(`${story.article.headline} (محدَّث)`);
    await expect(storyPage.headline).toBeFocused();
    await expect(liveNotices.updated).toHaveCount(0);
  });

  test('a saved story that was withdrawn still opens from «المحفوظات», marked', async ({
    page,
    saveStories,
    bookmarksPage,
    storyPage,
    corpus,
    liveNotices,
    newsroom,
  }) => {
    const teaser = corpus.sample[3]!;
    await saveStories([teaser.id]);
    await newsroom.withdraw(teaser.id);

    await bookmarksPage.goto();
    await bookmarksPage.storyLinks.filter({ hasText: teaser.headline }).click();
    // The saved copy opens at once; the page's first check finds the story withdrawn.
    await expect(storyPage.headline).toHaveText(teaser.headline);
    await liveNotices.aMinutePasses();
    await expect(liveNotices.withdrawn).toBeVisible();

    await page.goBack();
    await expect(bookmarksPage.heading).toBeVisible();
    await expect(bookmarksPage.list.getByText('لم تعد هذه القصة منشورة')).toBeVisible();
  });

  test('a story withdrawn while it is open is marked; opened again, it answers 404 and says it is no longer available', async ({
    page,
    frontPage,
    storyPage,
    corpus,
    liveNotices,
    newsroom,
  }) => {
    const teaser = corpus.sample[4]!;
    await storyPage.goto(teaser.id);
    await newsroom.withdraw(teaser.id);
    await liveNotices.aMinutePasses();
    await expect(liveNotices.withdrawn).toBeVisible();
    // The reader keeps the text they were reading.
    await expect(storyPage.headline).toHaveText(teaser.headline);

    const response = await page.reload();
    expect(response?.status()).toBe(404);
    // The not-found view, not a story (no page object's goto: its wait is for a story).
    await expect(frontPage.main.getByRole('heading', { level: 1 })).toContainText('غير موجودة');
    await expect(frontPage.main).toContainText('لم تعد متاحة');
    await frontPage.main.getByRole('link', { name: 'العودة إلى الصفحة الرئيسية' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(frontPage.storyLink(teaser.headline)).toHaveCount(0);
  });
});
