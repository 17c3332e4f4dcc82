import { arabic, expect, test } from '../fixtures/test.ts';
import { ListPage } from '../pages/list-page.ts';

// Mocking a failure with page.route: it must catch a request the page really makes.
// A story's first load is prerendered HTML with the story's data inside, so nothing
// asks for its JSON; pages the build does not prerender (a list's page 2 and later,
// search results) fetch theirs on a first load, and any page fetches its data when
// the reader moves to it inside the app (storyPage.openFromFront).
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

  test('page 2 of a section, opened by its URL, fails with «تعذّر تحميل الصفحة» and retry recovers', async ({
    page,
    network,
    corpus,
  }) => {
    const firstPages = await Promise.all(corpus.sections.map((s) => corpus.list('section', s.id)));
    const section = corpus.sections[firstPages.findIndex((list) => list.pageCount > 1)];
    test.skip(!section, 'no section of the corpus has a second page');
    const data = `**/api/sections/${encodeURIComponent(section!.id)}/2.json`;
    await network.failWith(data, 503); // before goto: the first load asks for it

    await page.goto(ListPage.path('section', section!.id, 2));
    const alert = page.getByRole('main').getByRole('alert');
    // Typed as a keyboard types it; the page writes «تعذّر» with a shadda.
    await expect(alert).toContainText(arabic('تعذر تحميل الصفحة'));

    await network.restore(data);
    await alert.getByRole('button', { name: 'إعادة المحاولة' }).click();
    const second = await corpus.list('section', section!.id, 2);
    await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toHaveText(
      second.items[0]!.headline,
    );
    await expect(alert).toHaveCount(0);
  });
});
