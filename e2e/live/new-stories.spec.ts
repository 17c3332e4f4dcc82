import { freshStory } from '../fixtures/newsroom.ts';
import { expect, test } from '../fixtures/test.ts';

test.describe('live lists', { tag: '@live' }, () => {
  test.beforeEach(async ({ page }) => {
    // The page's own clock: the minute between checks passes without the test waiting.
    await page.clock.install();
  });

  test('the front page offers stories published while it is open: what the reader looks at stays put, and pressed, they show at the top', {
    tag: '@phone',
  }, async ({ page, frontPage, corpus, liveNotices, newsroom }) => {
    await frontPage.goto();
    const looking = frontPage.main.getByRole('article').nth(6);
    await looking.scrollIntoViewIfNeeded();
    const before = (await looking.boundingBox())?.y ?? Number.NaN;
    const headlines = ['خبر أول', 'خبر ثانٍ', 'خبر ثالث'];
    for (const [i, headline] of headlines.entries()) {
      await newsroom.publish(freshStory(corpus.richStory, `e2e-live-new-${i}`, headline));
    }
    // The last published is the newest: the first of the front page once shown.
    const newest = headlines[2] ?? '';
    await liveNotices.aMinutePasses();
    await expect(liveNotices.newStories).toHaveText('3 قصص جديدة');
    await expect(liveNotices.announcement('3 قصص جديدة')).toBeAttached();
    // The button went in above the part the reader sees; nothing they see moved.
    await expect(liveNotices.newStories).not.toBeInViewport();
    expect(Math.abs(((await looking.boundingBox())?.y ?? 0) - before)).toBeLessThan(1);
    // Nothing moved in: the stories are behind the button until the reader asks.
    await expect(frontPage.storyLink(newest)).toHaveCount(0);

    await liveNotices.newStories.scrollIntoViewIfNeeded();
    const buttonTop = (await liveNotices.newStories.boundingBox())?.y ?? 0;
    await liveNotices.newStories.click();
    await expect(frontPage.storyLink(newest)).toBeFocused();
    await expect(liveNotices.newStories).toHaveCount(0);
    // The newest story's card is where the button was: the reader's eyes stay put.
    const card = frontPage.main
      .getByRole('article')
      .filter({ has: page.getByRole('link', { name: newest, exact: true }) });
    const cardTop = (await card.boundingBox())?.y ?? Number.NaN;
    expect(Math.abs(cardTop - buttonTop)).toBeLessThan(24);
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
    // CDP sends the ExtraInfo events before or after the request's own: each is kept by
    // request id, and the checks are read from all three once they are in.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const urls = new Map<string, string>();
    const conditional = new Map<string, boolean>();
    const statuses = new Map<string, number>();
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
      statuses.set(requestId, statusCode);
    });
    const frontChecks = () =>
      [...statuses].flatMap(([id, status]) =>
        urls.get(id)?.endsWith('/api/front.json')
          ? [{ status, ifNoneMatch: conditional.get(id) ?? false }]
          : [],
      );
    await frontPage.goto();
    await liveNotices.aMinutePasses();
    await expect.poll(() => frontChecks().length).toBe(1);
    await liveNotices.aMinutePasses();
    await expect.poll(() => frontChecks()[1]).toEqual({ status: 304, ifNoneMatch: true });
    expect(frontChecks()).toHaveLength(2);
    await expect(liveNotices.newStories).toHaveCount(0);
  });

  test('when checks run: later after failures, not offline, at once back online or back in view', async ({
    page,
    context,
    frontPage,
    corpus,
    network,
    liveNotices,
    newsroom,
  }) => {
    let requests = 0;
    const statuses: number[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/front.json')) requests++;
    });
    page.on('response', (response) => {
      if (response.url().endsWith('/api/front.json')) statuses.push(response.status());
    });
    await frontPage.goto();
    await network.failWith('**/api/front.json', 503);
    await liveNotices.aMinutePasses();
    await expect.poll(() => statuses).toEqual([503]);
    // One failure: two minutes to the next check, not one.
    await liveNotices.minutesPass(1.5);
    expect(statuses).toEqual([503]);
    await liveNotices.minutesPass(0.5);
    await expect.poll(() => statuses).toEqual([503, 503]);
    await network.restore('**/api/front.json');
    // Two failures: four minutes; then a success, and every minute again.
    await liveNotices.minutesPass(3.5);
    expect(statuses).toEqual([503, 503]);
    await liveNotices.minutesPass(0.5);
    await expect.poll(() => statuses).toEqual([503, 503, 200]);
    await liveNotices.aMinutePasses();
    await expect.poll(() => statuses).toEqual([503, 503, 200, 200]);

    // Offline: no check however long; back online, one at once.
    await context.setOffline(true);
    const before = requests;
    await newsroom.publish(
      freshStory(corpus.richStory, 'e2e-live-offline', 'خبر والقارئ دون اتصال'),
    );
    await liveNotices.minutesPass(3);
    expect(requests).toBe(before);
    await context.setOffline(false);
    await expect(liveNotices.newStories).toHaveText('قصة جديدة');

    // Half a minute later, before the next check is due, the browser hides the tab and
    // shows it again: it checks at once.
    await newsroom.publish(freshStory(corpus.richStory, 'e2e-live-back', 'خبر نُشر والتبويب مخفي'));
    await liveNotices.minutesPass(0.5);
    await page.evaluate(() => {
      const show = (state: 'hidden' | 'visible') => {
        Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      };
      show('hidden');
      show('visible');
    });
    await expect(liveNotices.newStories).toHaveText('قصتان جديدتان');
  });
});
