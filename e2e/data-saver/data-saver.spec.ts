import type { Page, Request } from '@playwright/test';
import { isBookmarkStored } from '../fixtures/bookmark-storage.ts';
import { expect, test } from '../fixtures/test.ts';

/** What the page asked the network for, by kind (data: URLs are not requests). */
function watchRequests(page: Page) {
  const seen: Request[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('data:')) seen.push(request);
  });
  return (type: 'font' | 'image' | 'script') =>
    seen.filter((r) => r.resourceType() === type).map((r) => new URL(r.url()).pathname);
}

/** The browser says Save-Data (navigator.connection.saveData), as Chrome does when asked. */
async function browserSavesData(page: Page) {
  await page.addInitScript(() =>
    Object.defineProperty(navigator, 'connection', { value: { saveData: true } }),
  );
}

test.describe('data saver («موفّر البيانات»)', { tag: '@data-saver' }, () => {
  test('a story opens with no web font, no photo and no script; a photo loads on a tap', async ({
    page,
    corpus,
  }) => {
    await browserSavesData(page);
    const requested = watchRequests(page);
    const story = corpus.richStory;
    const hero = story.article.hero!;
    await page.goto(`/article/${story.article.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.article.headline);
    const figure = page.getByRole('main').getByRole('figure').first();
    const show = figure.getByRole('button', { name: /^عرض الصورة \(\d+ كيلوبايت\)$/ });
    await expect(show).toBeVisible();
    await expect(figure.locator('figcaption')).toContainText(hero.caption!);
    await page.waitForLoadState('networkidle');
    expect(requested('font')).toEqual([]);
    expect(requested('image').filter((p) => p.startsWith('/media/'))).toEqual([]);
    expect(requested('script')).toEqual([]);

    await show.click();
    await expect(show).toBeHidden();
    const photo = figure.getByRole('img', { name: hero.alt });
    await expect
      .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    // The smallest copy, and still no app: a photo needs none.
    expect(requested('image').filter((p) => p.startsWith('/media/'))).toEqual([
      expect.stringMatching(/-480\.avif$/),
    ]);
    expect(requested('script')).toEqual([]);
  });

  test('«حفظ» still saves, bringing the app only then', async ({ page, corpus }) => {
    await browserSavesData(page);
    const requested = watchRequests(page);
    const story = corpus.sample[7]!;
    await page.goto(`/article/${story.id}`);
    await page.waitForLoadState('networkidle');
    expect(requested('script')).toEqual([]);
    const save = page.getByRole('main').getByRole('button', { name: 'حفظ', exact: true });
    await save.click();
    await expect(save).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => isBookmarkStored(page, story.id)).toBe(true);
    expect(requested('script').length).toBeGreaterThan(0);
  });

  test('the setting follows the browser, and the reader can turn it off and on', async ({
    page,
    corpus,
    settingsPanel,
  }) => {
    // Two reloads and the settings twice: a long flow on a slow machine.
    test.slow();
    await browserSavesData(page);
    const requested = watchRequests(page);
    await page.goto(`/article/${corpus.richStory.article.id}`);
    await settingsPanel.open();
    const saver = settingsPanel.dialog.getByRole('checkbox', { name: 'موفّر البيانات' });
    await expect(saver).toBeChecked();
    await saver.uncheck();
    await settingsPanel.close();
    // Off: every held photo loads, and so do the web fonts.
    await expect(page.locator('html')).not.toHaveAttribute('data-save-data');
    await expect(page.getByRole('button', { name: /^عرض الصورة/ })).toHaveCount(0);
    await expect.poll(() => requested('font').length).toBeGreaterThan(0);

    // The choice is the reader's now, over the browser's, after a reload too.
    await page.reload();
    await expect(page.locator('html')).not.toHaveAttribute('data-save-data');
    await settingsPanel.open();
    await saver.check();
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-save-data', '');
  });

  test('off by default, when the browser does not ask', async ({ page, corpus }) => {
    const requested = watchRequests(page);
    await page.goto(`/article/${corpus.richStory.article.id}`);
    await expect(page.locator('html')).not.toHaveAttribute('data-save-data');
    await expect(page.getByRole('button', { name: /^عرض الصورة/ })).toHaveCount(0);
    await expect.poll(() => requested('image').some((p) => p.startsWith('/media/'))).toBe(true);
  });
});
