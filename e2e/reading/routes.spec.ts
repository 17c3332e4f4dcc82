import { arabic, expect, test } from '../fixtures/test.ts';

test.describe('every route as a first load', { tag: '@reading' }, () => {
  test('front, story, section and tag pages survive a refresh', { tag: '@smoke' }, async ({
    page,
    corpus,
  }) => {
    const story = corpus.richStory.article;
    const section = corpus.sections[0]!;
    const checks: [string, string][] = [
      [`/article/${story.id}`, story.headline],
      [`/section/${encodeURIComponent(section.id)}`, section.name],
    ];
    if (corpus.biggestTag.total > 0) {
      checks.push([`/tag/${encodeURIComponent(corpus.biggestTag.id)}`, corpus.biggestTag.name]);
    }
    for (const [path, heading] of checks) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    }
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
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
