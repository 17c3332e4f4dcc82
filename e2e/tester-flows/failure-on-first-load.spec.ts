import { arabic, expect, test } from '../fixtures/test.ts';

// Mocking a failure with page.route: it must catch a request the page really makes.
// A story's first load is prerendered HTML with the story's data inside, so nothing
// asks for its JSON. Pages the build does not prerender (search results, a section's
// or tag's page 2 and later) fetch their data on a first load, and any page fetches
// its data when the reader moves to it inside the app (storyPage.openFromFront).
test.describe('failures on a first load', { tag: '@tester-flows' }, () => {
  test('a story opened by its URL brings its data in the page: a route on its JSON never fires', async ({
    page,
    storyPage,
    corpus,
  }) => {
    const story = corpus.richStory.article;
    let asked = 0;
    await page.route(`**/api/articles/${story.id}.json`, (route) => {
      asked++;
      return route.fulfill({ status: 503 });
    });
    await storyPage.goto(story.id);
    await expect(storyPage.headline).toHaveText(story.headline);
    await expect(storyPage.alert).toHaveCount(0);
    expect(asked, 'the prerendered page fetched its own JSON').toBe(0);
  });

  test('search results opened by their URL fetch the index: a 503 shows «تعذّر تحميل الصفحة», and retry recovers', async ({
    page,
    network,
    searchPage,
    corpus,
  }) => {
    const word = corpus.sample[0]!.headline.match(/[\u0621-\u064A]{4,}/)?.[0] ?? 'الماء';
    const index = '**/api/search/**';
    await network.failWith(index, 503); // before goto: the first load asks for it

    await page.goto(`/search?q=${encodeURIComponent(word)}`);
    const alert = page.getByRole('main').getByRole('alert');
    // Typed as a keyboard types it; the page writes «تعذّر» with a shadda.
    await expect(alert).toContainText(arabic('تعذر تحميل الصفحة'));

    await network.restore(index);
    await alert.getByRole('button', { name: 'إعادة المحاولة' }).click();
    await expect(searchPage.resultLinks.first()).toBeVisible();
    await expect(alert).toHaveCount(0);
  });
});
