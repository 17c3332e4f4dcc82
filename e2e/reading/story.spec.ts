import { expectSameDocument, markDocument } from '../fixtures/spa.ts';
import { paragraphTexts } from '../fixtures/story-text.ts';
import { expect, test } from '../fixtures/test.ts';

test.describe('reading a story', { tag: ['@reading', '@phone'] }, () => {
  test('the front page opens a story with every part of the seed layout', {
    tag: '@smoke',
  }, async ({ page, frontPage, storyPage, corpus }) => {
    const lead = corpus.front.lead ?? corpus.front.latest[0];
    test.skip(!lead, 'the corpus has no stories');
    await frontPage.goto();
    await markDocument(page);
    await frontPage.storyLink(lead!.headline).click();
    await expect(storyPage.headline).toHaveText(lead!.headline);
    await expectSameDocument(page);
    await expect(page).toHaveURL(new RegExp(`/article/${lead!.id}$`));
    await expect(page).toHaveTitle(
      new RegExp(lead!.headline.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    );
  });

  test('headline, hero figure, caption, credit, dateline, reading time and all paragraphs', {
    tag: '@smoke',
  }, async ({ page, storyPage, corpus }) => {
    const { article } = corpus.richStory;
    await storyPage.goto(article.id);
    await expect(storyPage.headline).toHaveText(article.headline);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    if (article.hero) {
      await expect(storyPage.heroImage).toHaveAttribute('alt', article.hero.alt);
      await expect(storyPage.heroImage).toHaveJSProperty('complete', true);
      if (article.hero.caption)
        await expect(storyPage.heroCaption).toContainText(article.hero.caption);
      if (article.hero.credit)
        await expect(storyPage.heroCaption).toContainText(article.hero.credit);
    }
    if (article.dateline) await expect(page.getByRole('main')).toContainText(article.dateline);
    await expect(storyPage.readingTime).toBeVisible();
    for (const text of paragraphTexts(article.body))
      await expect(storyPage.article).toContainText(text);
  });

  test('tags link to tag pages and related stories link to stories', async ({
    storyPage,
    corpus,
  }) => {
    const { article, related } = corpus.richStory;
    await storyPage.goto(article.id);
    for (const tag of article.tags ?? []) {
      await expect(
        storyPage.tags.getByRole('link', { name: tag.name, exact: true }),
      ).toHaveAttribute('href', `/tag/${encodeURIComponent(tag.id)}`);
    }
    for (const teaser of related) {
      await expect(
        storyPage.related.getByRole('link', { name: teaser.headline, exact: true }),
      ).toHaveAttribute('href', `/article/${teaser.id}`);
    }
  });

  test('a read-also link and a related story open without a page load, and back restores scroll', async ({
    page,
    storyPage,
    corpus,
  }) => {
    const payload = corpus.richStory;
    const readAlsoId = payload.article.body
      .flatMap((b) => (b.type === 'readAlso' ? b.items : []))
      .flatMap((item) => ('id' in item ? [item.id] : []))[0];
    test.skip(!readAlsoId, 'no story with an in-app read-also link in the sample');
    await storyPage.goto(payload.article.id);
    await markDocument(page);
    const target = payload.readAlso[readAlsoId!]!;
    const link = storyPage.readAlso.getByRole('link', { name: target.headline });
    await link.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => window.scrollY);
    await link.click();
    await expect(storyPage.headline).toHaveText(target.headline);
    await expectSameDocument(page);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await expect(storyPage.headline).toBeFocused();

    const next = await page.request.get(`/api/articles/${target.id}.json`).then((r) => r.json());
    const relatedTeaser = next.related[0];
    if (relatedTeaser) {
      await storyPage.related
        .getByRole('link', { name: relatedTeaser.headline, exact: true })
        .click();
      await expect(storyPage.headline).toHaveText(relatedTeaser.headline);
      await expectSameDocument(page);
      await page.goBack();
      await expect(storyPage.headline).toHaveText(target.headline);
    }
    await page.goBack();
    await expect(storyPage.headline).toHaveText(payload.article.headline);
    // Back lands where the reader was: the link they followed is on screen again.
    await expect(link).toBeInViewport();
    await expect
      .poll(async () => Math.abs((await page.evaluate(() => window.scrollY)) - scrolled))
      .toBeLessThan(80);
    await expectSameDocument(page);
  });
});
