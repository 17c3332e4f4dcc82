import { saveAndInstallWorker } from '../fixtures/bookmarks.ts';
import { expect, test } from '../fixtures/test.ts';
import { SearchPage } from '../pages/search-page.ts';

// The real service worker, as in e2e/offline: the suite blocks it elsewhere.
test.use({ serviceWorkers: 'allow' });

test.describe('searching offline', { tag: ['@search', '@offline'] }, () => {
  test('with the network off, search finds the stories saved on this device', async ({
    page,
    context,
    corpus,
  }) => {
    const saved = corpus.sample.find((t) => /[\u0621-\u064A]{5,}/.test(t.headline));
    test.skip(!saved, 'no headline with an Arabic word in the corpus under test');
    const { id, headline } = saved as NonNullable<typeof saved>;
    const word = headline.match(/[\u0621-\u064A]{5,}/)?.[0] as string;
    await saveAndInstallWorker(page, [id]);
    await page.close();

    await context.setOffline(true);
    const search = new SearchPage(await context.newPage());
    await search.goto(word);
    await expect(search.page.getByRole('main')).toContainText('أنت غير متصل بالإنترنت');
    await expect(search.result(headline)).toHaveCount(1);
    await expect(search.marks.filter({ hasText: word }).first()).toBeVisible();
  });
});
