import { freshStory } from '../fixtures/newsroom.ts';
import { expect, test } from '../fixtures/test.ts';
import { LiveNotices } from '../pages/live-notices.ts';
import { StoryPage } from '../pages/story-page.ts';

test.describe('breaking news', { tag: '@live' }, () => {
  test('a breaking story shows «عاجل» in every open tab, and once dismissed, in none', async ({
    context,
    frontPage,
    corpus,
    liveNotices,
    newsroom,
  }) => {
    // Two tabs, each started: more than one flow's usual time.
    test.slow();
    // One clock for every tab of the context.
    await context.clock.install();
    const story = freshStory(corpus.richStory, 'e2e-live-breaking', 'زلزال قوي يضرب المنطقة', {
      breaking: true,
    });
    await newsroom.publish(story);

    await frontPage.goto();
    const other = await context.newPage();
    await new StoryPage(other).goto(corpus.sample[1]?.id ?? '');
    const reading = new LiveNotices(other);

    await liveNotices.aMinutePasses();
    for (const tab of [liveNotices, reading]) {
      await expect(tab.breakingBar).toContainText('عاجل');
      await expect(
        tab.breakingBar.getByRole('link', { name: story.article.headline }),
      ).toBeVisible();
    }

    await liveNotices.dismissBreaking.click();
    await expect(liveNotices.breakingBar).toHaveCount(0);
    // Focus goes to the page, not to nowhere.
    await expect(frontPage.main).toBeFocused();
    // The other tab hears of it at once: the story is marked seen in the reader's
    // storage, which every later page reads too (story-id-store.test.ts).
    await expect(reading.breakingBar).toHaveCount(0);
  });

  test('following the bar’s link opens the story, and the bar is done', { tag: '@phone' }, async ({
    page,
    frontPage,
    storyPage,
    corpus,
    liveNotices,
    newsroom,
  }) => {
    await page.clock.install();
    const story = freshStory(corpus.richStory, 'e2e-live-breaking-2', 'انفجار في ميناء', {
      breaking: true,
    });
    await newsroom.publish(story);
    await frontPage.goto();
    await liveNotices.aMinutePasses();
    await liveNotices.breakingBar.getByRole('link', { name: story.article.headline }).click();
    await expect(storyPage.headline).toHaveText(story.article.headline);
    await expect(liveNotices.breakingBar).toHaveCount(0);
    await page.goBack();
    await expect(frontPage.storyLink(story.article.headline)).toBeVisible();
    await expect(liveNotices.breakingBar).toHaveCount(0);
  });
});
