import { expect, test } from '../fixtures/test.ts';

test.describe('right to left', { tag: '@rtl' }, () => {
  test('the page and the story are rtl, and a Latin or number run keeps its place in the Arabic line', async ({
    page,
    storyPage,
    corpus,
  }) => {
    // The first sampled story whose text isolates a Latin or number run.
    let found = false;
    for (const teaser of corpus.sample.slice(0, 20)) {
      await storyPage.goto(teaser.id);
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      await expect(storyPage.article).toHaveAttribute('dir', 'rtl');
      const order = await storyPage.article.evaluate((article) => {
        for (const bdi of article.querySelectorAll('p bdi')) {
          const before = bdi.previousSibling;
          if (before?.nodeType !== Node.TEXT_NODE) continue;
          const text = before.textContent ?? '';
          const match = /([\u0600-\u06FF]+)\s*$/.exec(text);
          if (!match) continue;
          const range = document.createRange();
          range.setStart(before, match.index);
          range.setEnd(before, match.index + match[1]!.length);
          const word = range.getBoundingClientRect();
          const run = bdi.getBoundingClientRect();
          if (Math.abs(word.top - run.top) > 4) continue; // not on one line
          return { word: match[1], run: bdi.textContent, wordLeft: word.left, runRight: run.right };
        }
        return null;
      });
      if (!order) continue;
      found = true;
      // In a right-to-left line, what comes after an Arabic word sits to its left.
      expect(
        order.runRight,
        `«${order.run}» should sit left of «${order.word}»`,
      ).toBeLessThanOrEqual(order.wordLeft + 1);
      break;
    }
    expect(found, 'no story in the sample mixes Arabic with a Latin or number run').toBe(true);
  });

  test('the search box keeps the page direction when empty, and a Latin query reads left to right', async ({
    page,
    frontPage,
    searchPage,
  }) => {
    await frontPage.goto();
    const direction = () => searchPage.box.evaluate((box) => getComputedStyle(box).direction);
    // Empty: the Arabic placeholder starts at the right, inside a box framed as the page is.
    expect(await direction()).toBe('rtl');
    await searchPage.box.fill('Netflix 2026');
    expect(await direction()).toBe('ltr');
    await searchPage.box.fill('الطاقة الشمسية');
    expect(await direction()).toBe('rtl');
    // The frame is the form's, so typing never mirrors it: its start side keeps its border.
    const frame = await page
      .getByRole('search')
      .evaluate((form) => getComputedStyle(form).borderInlineStartWidth);
    expect(frame).toBe('1px');
  });

  test('nothing overflows sideways on a 320 px phone', async ({ page, corpus }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    const paths = [
      '/',
      `/article/${corpus.richStory.article.id}`,
      `/section/${encodeURIComponent(corpus.sections[0]!.id)}`,
      '/bookmarks',
    ];
    for (const path of paths) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor({ state: 'attached' });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, `${path} is wider than the screen`).toBeLessThanOrEqual(0);
    }
  });
});
