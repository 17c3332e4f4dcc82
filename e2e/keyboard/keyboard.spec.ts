import { expect, test } from '../fixtures/test.ts';

test.describe('reading with the keyboard only', { tag: '@keyboard' }, () => {
  test.skip(({ isMobile }) => isMobile, 'a phone has no keyboard');

  test('the skip link comes first and jumps to the content', async ({ page, frontPage }) => {
    await frontPage.goto();
    await page.keyboard.press('Tab');
    await expect(frontPage.skipLink).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    await expect(page.getByRole('main')).toBeFocused();
  });

  test('Tab moves right to left through the header, and Enter on a story link opens it with focus on its headline', async ({
    page,
    frontPage,
    storyPage,
    corpus,
  }) => {
    await frontPage.goto();
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // the site name, at the start (right) of the header
    const logo = frontPage.header.homeLink;
    await expect(logo).toBeFocused();
    await page.keyboard.press('Tab');
    const next = await page.evaluate(
      () => document.activeElement?.getBoundingClientRect().right ?? 0,
    );
    const logoRight = await logo.evaluate((el) => el.getBoundingClientRect().right);
    expect(next, 'the next stop sits to the left of the logo').toBeLessThan(logoRight);

    const teaser = corpus.front.latest[0]!;
    const link = frontPage.storyLink(teaser.headline);
    await link.focus();
    await expect(link).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(storyPage.headline).toHaveText(teaser.headline);
    await expect(storyPage.headline).toBeFocused();
  });
});
