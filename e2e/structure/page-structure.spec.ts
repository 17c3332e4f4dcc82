import { expect, test } from '../fixtures/test.ts';

// What a screen reader meets, in order, kept as text beside this file
// (e2e/__snapshots__/structure/page-structure.spec.ts/*.aria.yml) and read like the
// page. Both pages come from the repository's content/ (the seed story), with a fixed
// clock so relative dates read the same. After an intended change:
//   npx playwright test --grep @structure --update-snapshots   then review the .yml diff.
const NOW = new Date('2026-11-29T09:00:00+03:00');

test.describe('page structure as assistive technology reads it', { tag: '@structure' }, () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(NOW);
  });

  test('a story: section, h1, summary, byline, dateline, reading time, figure, body, «اقرأ أيضاً», «تصنيفات», «قصص قد تهمك»', async ({
    page,
    storyPage,
  }) => {
    await storyPage.goto('iraq-marshes-drought');
    await expect(page.getByRole('main')).toMatchAriaSnapshot({ name: 'story.aria.yml' });
  });

  test('the front page: the lead story, the latest stories, a rail per section', async ({
    page,
    frontPage,
  }) => {
    await frontPage.goto();
    await expect(page.getByRole('main')).toMatchAriaSnapshot({ name: 'front.aria.yml' });
  });
});
