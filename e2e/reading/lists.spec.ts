import { expectSameDocument, markDocument } from '../fixtures/spa.ts';
import { expect, test } from '../fixtures/test.ts';

test.describe('sections and tags', { tag: ['@reading', '@phone'] }, () => {
  test('a section opens from the navigation and lists its newest stories first', {
    tag: '@smoke',
  }, async ({ page, frontPage, listPage, corpus }) => {
    const section = corpus.sections[0]!;
    const first = await corpus.list('section', section.id);
    await frontPage.goto();
    await markDocument(page);
    await frontPage.openSection(section.name);
    await expect(listPage.heading).toHaveText(section.name);
    await expectSameDocument(page);
    if (first.items[0])
      await expect(listPage.storyLinks.first()).toHaveText(first.items[0].headline);
  });

  test('the oldest story of the biggest tag is reachable page by page', async ({
    page,
    listPage,
    corpus,
  }) => {
    const tag = corpus.biggestTag;
    test.skip(tag.total < 1, 'no tags in the corpus');
    const first = await corpus.list('tag', tag.id);
    const last = await corpus.list('tag', tag.id, first.pageCount);
    const oldest = last.items.at(-1)!;
    await listPage.goto('tag', tag.id);
    await expect(listPage.heading).toHaveText(tag.name);
    for (let n = 2; n <= first.pageCount; n++) {
      await listPage.nextPage.click();
      await expect(page).toHaveURL(new RegExp(`[?&]page=${n}$`));
    }
    await expect(listPage.storyLinks.last()).toHaveText(oldest.headline);
    await page.reload();
    await expect(listPage.storyLinks.last()).toHaveText(oldest.headline);
  });
});
