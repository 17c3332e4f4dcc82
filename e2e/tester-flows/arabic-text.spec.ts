import { arabic, expect, test } from '../fixtures/test.ts';

// Playwright compares text letter for letter: «تعذر» as typed on a keyboard is not the
// page's «تعذّر». arabic() (e2e/fixtures/arabic.ts) folds both sides as the app's search
// does: no tashkeel or tatweel, one alef, ي for ى and ئ, ه for ة.
test.describe('matching Arabic as it is typed', { tag: '@tester-flows' }, () => {
  test('«تعذر» finds «تعذّر» with arabic(), and not without', async ({
    storyPage,
    network,
    corpus,
  }) => {
    const teaser = corpus.front.latest[0]!;
    await network.failWith(`**/api/articles/${teaser.id}.json`, 503);
    await storyPage.openFromFront(teaser.headline);
    await expect(storyPage.alert).toBeVisible();

    await expect(storyPage.alert.getByText('تعذر تحميل الصفحة')).toHaveCount(0);
    await expect(storyPage.alert.getByText(arabic('تعذر تحميل الصفحة'))).toBeVisible();
    await expect(storyPage.alert).toContainText('تعذّر تحميل الصفحة');
  });

  test('a headline typed without hamza or marks finds its link', async ({ frontPage, corpus }) => {
    const story = corpus.front.latest.find((t) => /[أإآة\u064B-\u0652]/.test(t.headline));
    test.skip(!story, 'no headline on the front page has a hamza, a taa marbuta or a mark');
    const typed = story!.headline
      .replace(/[\u064B-\u0652]/g, '')
      .replace(/[أإآ]/g, 'ا')
      .replace(/ة/g, 'ه');
    await frontPage.goto();
    await expect(frontPage.main.getByRole('link', { name: typed, exact: true })).toHaveCount(0);
    await expect(
      frontPage.main.getByRole('link', { name: arabic(typed, { exact: true }) }).first(),
    ).toHaveText(story!.headline);
  });
});
