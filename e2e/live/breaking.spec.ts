import { waitForApp } from '../fixtures/app-ready.ts';
import { freshStory } from '../fixtures/newsroom.ts';
import { expect, test } from '../fixtures/test.ts';
import { LiveNotices } from '../pages/live-notices.ts';

test.describe('breaking news', { tag: '@live' }, () => {
  test('a breaking story shows «عاجل» in every open tab, and once dismissed, in none', {
    tag: '@phone',
  }, async ({ context, page, corpus, newsroom }) => {
    // Two tabs, each started and reloaded: more than one flow's usual time.
    test.slow();
    // One clock for every tab of the context.
    await context.clock.install();
    const story = freshStory(corpus.richStory, 'e2e-live-breaking', 'زلزال قوي يضرب المنطقة', {
      breaking: true,
    });
    await newsroom.publish(story);

    const front = new LiveNotices(page);
    await page.goto('/');
    await waitForApp(page);
    const other = await context.newPage();
    const reading = new LiveNotices(other);
    await other.goto(`/article/${encodeURIComponent(corpus.sample[1]?.id ?? '')}`);
    await waitForApp(other);

    await front.aMinutePasses();
    for (const tab of [front, reading]) {
      await expect(tab.breakingBar).toContainText('عاجل');
      await expect(
        tab.breakingBar.getByRole('link', { name: story.article.headline }),
      ).toBeVisible();
    }

    await front.dismissBreaking.click();
    await expect(front.breakingBar).toHaveCount(0);
    // Focus goes to the page, not to nowhere.
    await expect(page.getByRole('main')).toBeFocused();
    // The other tab hears of it at once.
    await expect(reading.breakingBar).toHaveCount(0);

    // A new page of the same reader never shows it again.
    await page.reload();
    await waitForApp(page);
    await front.aMinutePasses();
    await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();
    await expect(front.breakingBar).toHaveCount(0);
  });

  test('following the bar’s link opens the story, and the bar is done', async ({
    page,
    corpus,
    liveNotices,
    newsroom,
  }) => {
    await page.clock.install();
    const story = freshStory(corpus.richStory, 'e2e-live-breaking-2', 'انفجار في ميناء', {
      breaking: true,
    });
    await newsroom.publish(story);
    await page.goto('/');
    await waitForApp(page);
    await liveNotices.aMinutePasses();
    await liveNotices.breakingBar.getByRole('link', { name: story.article.headline }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.article.headline);
    await expect(liveNotices.breakingBar).toHaveCount(0);
    await page.goBack();
    await expect(
      page.getByRole('main').getByRole('link', { name: story.article.headline }).first(),
    ).toBeVisible();
    await expect(liveNotices.breakingBar).toHaveCount(0);
  });
});
