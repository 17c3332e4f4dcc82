import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Corpus } from '../fixtures/corpus.ts';
import { expect, test, waitForApp } from '../fixtures/test.ts';

async function scan(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/** Every page type, by a path taken from the corpus under test. */
const PAGES: [string, (corpus: Corpus) => string | null][] = [
  ['front page', () => '/'],
  ['story', (c) => `/article/${c.richStory.article.id}`],
  ['section', (c) => `/section/${encodeURIComponent(c.sections[0]!.id)}`],
  ['tag', (c) => (c.biggestTag.total > 0 ? `/tag/${encodeURIComponent(c.biggestTag.id)}` : null)],
  ['bookmarks', () => '/bookmarks'],
  ['search results', () => '/search?q=%D8%A7%D9%84%D9%85%D9%86%D8%A7%D8%AE'],
  ['not found', () => '/no/such/page'],
];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility, ${scheme}`, { tag: '@a11y' }, () => {
    test.use({ colorScheme: scheme });

    for (const [name, pathFor] of PAGES) {
      // The dark scheme changes colours only: the front page and a story hold every kind
      // of text and control there is. The phone checks the narrow layout of those two.
      const mainPage = name === 'front page' || name === 'story';
      if (scheme === 'dark' && !mainPage) continue;
      const tags = [
        ...(name === 'story' && scheme === 'light' ? ['@smoke'] : []),
        ...(mainPage && scheme === 'light' ? ['@phone'] : []),
      ];
      test(`${name} has no axe violations`, { tag: tags }, async ({
        page,
        corpus,
        saveStories,
      }) => {
        // A full axe run over a page of forty cards takes seconds on a busy machine.
        test.slow();
        const path = pathFor(corpus);
        test.skip(path === null, 'the corpus has no such page');
        // A saved story makes the bookmarks page show its list, not the empty state.
        if (name === 'bookmarks') await saveStories([corpus.richStory.article.id]);
        await page.goto(path!);
        await waitForApp(page);
        await page.getByRole('heading', { level: 1 }).first().waitFor({ state: 'attached' });
        await page.evaluate(() => document.fonts.ready);
        expect(await scan(page), `axe violations on ${path} (${scheme})`).toEqual([]);
      });
    }
  });
}
