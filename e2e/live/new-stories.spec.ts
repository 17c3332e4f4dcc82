import { freshStory } from '../fixtures/newsroom.ts';
import { expect, test } from '../fixtures/test.ts';

test.describe('live lists', { tag: '@live' }, () => {
  test.beforeEach(async ({ page }) => {
    // The page's own clock: the minute between checks passes without the test waiting.
    await page.clock.install();
  });

  test('the front page offers a story published while it is open, and shows it at the top', {
    tag: '@phone',
  }, async ({ page, frontPage, storyPage, corpus, liveNotices, newsroom }) => {
    await frontPage.goto();
    const story = freshStory(corpus.richStory, 'e2e-live-new', 'خبر نُشر والصفحة مفتوحة');
    await newsroom.publish(story);
    await expect(frontPage.storyLink(story.article.headline)).toHaveCount(0);
    await liveNotices.aMinutePasses();
    await expect(liveNotices.newStories).toHaveText(/^قصة جديدة$/);
    await expect(liveNotices.announcement('قصة جديدة')).toBeAttached();
    // Nothing moved in: the story is behind the button until the reader asks.
    await expect(frontPage.storyLink(story.article.headline)).toHaveCount(0);

    const buttonTop = (await liveNotices.newStories.boundingBox())?.y ?? 0;
    await liveNotices.newStories.click();
    const link = frontPage.storyLink(story.article.headline);
    await expect(link).toBeFocused();
    await expect(liveNotices.newStories).toHaveCount(0);
    // The new story's card is where the button was: the reader's eyes stay put.
    const card = frontPage.main
      .getByRole('article')
      .filter({ has: page.getByRole('link', { name: story.article.headline, exact: true }) });
    const cardTop = (await card.boundingBox())?.y ?? Number.NaN;
    expect(Math.abs(cardTop - buttonTop)).toBeLessThan(24);
    await link.click();
    await expect(storyPage.headline).toHaveText(story.article.headline);
  });

  test('what the reader is looking at does not move when the button appears above it', {
    tag: '@phone',
  }, async ({ frontPage, corpus, liveNotices, newsroom }) => {
    await frontPage.goto();
    const looking = frontPage.main.getByRole('article').nth(6);
    await looking.scrollIntoViewIfNeeded();
    const before = (await looking.boundingBox())?.y;
    await newsroom.publish(freshStory(corpus.richStory, 'e2e-live-a', 'خبر أول'));
    await newsroom.publish(freshStory(corpus.richStory, 'e2e-live-b', 'خبر ثانٍ'));
    await newsroom.publish(freshStory(corpus.richStory, 'e2e-live-c', 'خبر ثالث'));
    await liveNotices.aMinutePasses();
    await expect(liveNotices.newStories).toHaveText('3 قصص جديدة');
    await expect(liveNotices.newStories).not.toBeInViewport();
    expect(Math.abs(((await looking.boundingBox())?.y ?? 0) - (before ?? 0))).toBeLessThan(1);
  });

  test('page 1 of a section offers its new stories; later pages stay as they are', async ({
    listPage,
    corpus,
    liveNotices,
    newsroom,
  }) => {
    const section = corpus.richStory.section;
    await listPage.goto('section', section.id);
    const first = await listPage.storyLinks.first().textContent();
    const story = freshStory(corpus.richStory, 'e2e-live-section', 'خبر جديد في القسم');
    await newsroom.publish(story);
    await newsroom.publish(freshStory(corpus.richStory, 'e2e-live-section-2', 'خبر آخر في القسم'));
    await liveNotices.aMinutePasses();
    await expect(liveNotices.newStories).toHaveText('قصتان جديدتان');
    await expect(listPage.storyLinks.first()).toHaveText(first ?? '');
    await liveNotices.newStories.click();
    await expect(listPage.storyLinks.first()).toHaveText('خبر آخر في القسم');
    await expect(listPage.storyLinks.first()).toBeFocused();
    await expect(listPage.storyLinks.nth(1)).toHaveText(story.article.headline);
    await expect(listPage.storyLinks.nth(2)).toHaveText(first ?? '');
  });

  test('an unchanged list costs a 304', async ({ page, frontPage, liveNotices }) => {
    // What went over the wire (Playwright reports a revalidated answer as the cached 200).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const urls = new Map<string, string>();
    const conditional = new Map<string, boolean>();
    const checks: { status: number; ifNoneMatch: boolean }[] = [];
    cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
      urls.set(requestId, request.url);
    });
    cdp.on('Network.requestWillBeSentExtraInfo', ({ requestId, headers }) => {
      conditional.set(
        requestId,
        Object.keys(headers).some((name) => /^if-none-match$/i.test(name)),
      );
    });
    cdp.on('Network.responseReceivedExtraInfo', ({ requestId, statusCode }) => {
      if (urls.get(requestId)?.endsWith('/api/front.json'))
        checks.push({ status: statusCode, ifNoneMatch: conditional.get(requestId) ?? false });
    });
    await frontPage.goto();
    await liveNotices.aMinutePasses();
    await expect.poll(() => checks.length).toBe(1);
    await liveNotices.aMinutePasses();
    await expect.poll(() => checks.length).toBe(2);
    expect(checks[1]).toEqual({ status: 304, ifNoneMatch: true });
    await expect(liveNotices.newStories).toHaveCount(0);
  });

  test('checks stop offline, and run at once when the network is back', async ({
    page,
    context,
    frontPage,
    corpus,
    liveNotices,
    newsroom,
  }) => {
    let checks = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/front.json')) checks++;
    });
    await frontPage.goto();
    await liveNotices.aMinutePasses();
    await expect.poll(() => checks).toBeGreaterThanOrEqual(1);
    await context.setOffline(true);
    const before = checks;
    await newsroom.publish(
      freshStory(corpus.richStory, 'e2e-live-offline', 'خبر والقارئ دون اتصال'),
    );
    await liveNotices.minutesPass(3);
    expect(checks).toBe(before);
    await context.setOffline(false);
    await expect(liveNotices.newStories).toHaveText('قصة جديدة');
  });

  test('after a failed check the next waits longer', async ({
    page,
    frontPage,
    network,
    liveNotices,
  }) => {
    const checks: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/api/front.json')) checks.push(response.status());
    });
    await frontPage.goto();
    await network.failWith('**/api/front.json', 503);
    await liveNotices.aMinutePasses();
    await expect.poll(() => checks).toEqual([503]);
    // One failure: two minutes to the next check, not one.
    await liveNotices.minutesPass(1.5);
    expect(checks).toEqual([503]);
    await liveNotices.minutesPass(0.5);
    await expect.poll(() => checks).toEqual([503, 503]);
    await network.restore('**/api/front.json');
    // Two failures: four minutes; then a success, and every minute again.
    await liveNotices.minutesPass(3.5);
    expect(checks).toEqual([503, 503]);
    await liveNotices.minutesPass(0.5);
    await expect.poll(() => checks).toEqual([503, 503, 200]);
    await liveNotices.aMinutePasses();
    await expect.poll(() => checks).toEqual([503, 503, 200, 200]);
  });

  test('a tab coming back into view checks at once', async ({
    page,
    frontPage,
    corpus,
    liveNotices,
    newsroom,
  }) => {
    await frontPage.goto();
    await liveNotices.aMinutePasses();
    await newsroom.publish(freshStory(corpus.richStory, 'e2e-live-back', 'خبر نُشر والتبويب مخفي'));
    // Half a minute later, before the next check is due, the browser hides the tab and
    // shows it again.
    await liveNotices.minutesPass(0.5);
    await page.evaluate(() => {
      const show = (state: 'hidden' | 'visible') => {
        Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      };
      show('hidden');
      show('visible');
    });
    await expect(liveNotices.newStories).toHaveText('قصة جديدة');
  });
});
