import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.ts';

async function scan(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility, ${scheme}`, { tag: '@a11y' }, () => {
    test.use({ colorScheme: scheme });

    test('front, story, section, tag, bookmarks, search and not-found pages have no axe violations', async ({
      page,
      corpus,
      saveStories,
    }) => {
      const story = corpus.richStory.article;
      await saveStories([story.id]);
      const pages: [string, string][] = [
        ['/', 'main'],
        [`/article/${story.id}`, 'h1'],
        [`/section/${encodeURIComponent(corpus.sections[0]!.id)}`, 'h1'],
        ['/bookmarks', 'h1'],
        ['/search?q=%D8%A7%D9%84%D9%85%D9%86%D8%A7%D8%AE', 'h1'],
        ['/no/such/page', 'h1'],
      ];
      if (corpus.biggestTag.total > 0)
        pages.push([`/tag/${encodeURIComponent(corpus.biggestTag.id)}`, 'h1']);
      for (const [path, ready] of pages) {
        await page.goto(path);
        await page.locator(ready).first().waitFor();
        await page.evaluate(() => document.fonts.ready);
        expect(await scan(page), `axe violations on ${path} (${scheme})`).toEqual([]);
      }
    });
  });
}
