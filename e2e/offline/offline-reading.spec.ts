import { saveAndInstallWorker } from '../fixtures/bookmarks.ts';
import { arabic, expect, test } from '../fixtures/test.ts';
import { BookmarksPage } from '../pages/bookmarks-page.ts';
import { StoryPage } from '../pages/story-page.ts';

// These flows need the real service worker (the suite blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

test.describe('reading offline', { tag: ['@offline', '@bookmarks'] }, () => {
  test('a saved story opens with the network off, from a cold start; an unsaved one says why it cannot', async ({
    page,
    context,
    corpus,
  }) => {
    const [saved, unsaved] = [corpus.sample[0]!, corpus.sample.at(-1)!];
    await saveAndInstallWorker(page, [saved.id]);
    await page.close();

    await context.setOffline(true);
    const cold = await context.newPage();
    const bookmarks = new BookmarksPage(cold);
    await bookmarks.goto();
    await expect(bookmarks.storyLinks).toHaveText([saved.headline]);
    await bookmarks.storyLinks.first().click();
    const story = new StoryPage(cold);
    await expect(story.headline).toHaveText(saved.headline);
    await expect(story.bookmark).toHaveAttribute('aria-pressed', 'true');

    await story.goto(unsaved.id);
    await expect(story.alert).toContainText(arabic('غير متصل'));
    await expect(story.retry).toBeVisible();

    await context.setOffline(false);
    await story.retry.click();
    await expect(story.headline).toHaveText(unsaved.headline);
  });
});
