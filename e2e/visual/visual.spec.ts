import { expect, test } from '../fixtures/test.ts';

// Fixed clock: relative dates («قبل ساعتين») read the same on every run.
const NOW = new Date('2026-11-29T09:00:00+03:00');

test.describe('how the pages look', { tag: '@visual' }, () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(NOW);
    // A returning reader: the web fonts were fetched by an earlier page and apply from the
    // first paint (a first visit keeps the local stand-ins: decision 010).
    await page.addInitScript(() => localStorage.setItem('qari:fonts', '1'));
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`story page, ${scheme}`, async ({ page, storyPage }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await storyPage.goto('iraq-marshes-drought');
      await page.evaluate(() => document.fonts.ready);
      await expect(storyPage.heroImage).toHaveJSProperty('complete', true);
      await expect(page).toHaveScreenshot(`story-${scheme}.png`, { maxDiffPixels: 60 });
    });

    test(`front page, ${scheme}`, async ({ page, frontPage }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await frontPage.goto();
      await page.evaluate(() => document.fonts.ready);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('main img')]
          .filter((img) => img.getBoundingClientRect().top < window.innerHeight)
          .every((img) => (img as HTMLImageElement).complete),
      );
      await expect(page).toHaveScreenshot(`front-${scheme}.png`, { maxDiffPixels: 60 });
    });
  }
});
