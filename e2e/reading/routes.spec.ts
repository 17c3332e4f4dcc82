import type { Corpus } from '../fixtures/corpus.ts';
import { arabic, expect, test } from '../fixtures/test.ts';

test.describe('every route as a first load', { tag: '@reading' }, () => {
  // One flow per kind of page, so each page load has its own time.
  const pages: [string, (corpus: Corpus) => { path: string; heading: string } | null][] = [
    [
      'story',
      (c) => ({
        path: `/article/${c.richStory.article.id}`,
        heading: c.richStory.article.headline,
      }),
    ],
    [
      'section',
      (c) => ({
        path: `/section/${encodeURIComponent(c.sections[0]!.id)}`,
        heading: c.sections[0]!.name,
      }),
    ],
    [
      'tag',
      (c) =>
        c.biggestTag.total > 0
          ? { path: `/tag/${encodeURIComponent(c.biggestTag.id)}`, heading: c.biggestTag.name }
          : null,
    ],
  ];
  for (const [kind, pageFor] of pages) {
    const smoke = kind === 'story' ? ['@smoke'] : [];
    test(`a ${kind} page survives a refresh`, { tag: smoke }, async ({ page, corpus }) => {
      const target = pageFor(corpus);
      test.skip(target === null, `the corpus has no ${kind} page`);
      const { path, heading } = target!;
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    });
  }

  test('the front page is Arabic and right to left, and survives a refresh', async ({ page }) => {
    await page.goto('/');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  for (const path of [
    '/article/no-such-story-here',
    '/section/no-such-section',
    '/tag/no-such-tag',
    '/no/such/page',
  ]) {
    const smoke = path.startsWith('/article/') ? ['@smoke'] : [];
    test(`${path} says «غير موجودة» with a link home`, { tag: smoke }, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(arabic('غير موجودة'));
      await page
        .getByRole('main')
        .getByRole('link', { name: 'العودة إلى الصفحة الرئيسية' })
        .click();
      await expect(page).toHaveURL(/\/$/);
    });
  }
});
