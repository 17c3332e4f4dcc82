import { readFile, writeFile } from 'node:fs/promises';
import { arabic, expect, test } from '../fixtures/test.ts';

test.describe('export and import', { tag: '@bookmarks' }, () => {
  test('an exported file imports into a fresh browser, merging without duplicates', async ({
    page,
    browser,
    corpus,
    saveStories,
    bookmarksPage,
  }) => {
    const [first, second] = corpus.sample;
    await saveStories([first!.id, second!.id]);
    await bookmarksPage.goto();
    const downloading = page.waitForEvent('download');
    await bookmarksPage.exportButton.click();
    const file = await (await downloading).path();
    const exported = JSON.parse(await readFile(file, 'utf8'));
    expect(exported.format).toBe('qari-bookmarks');
    expect(exported.bookmarks).toHaveLength(2);

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    const { BookmarksPage } = await import('../pages/bookmarks-page.ts');
    const otherBookmarks = new BookmarksPage(other);
    await otherBookmarks.goto();
    await otherBookmarks.importInput.setInputFiles(file);
    await expect(otherBookmarks.storyLinks).toHaveText([second!.headline, first!.headline]);
    await otherBookmarks.importInput.setInputFiles(file);
    await expect(
      other.getByRole('status').filter({ hasText: arabic('اكتمل الاستيراد') }),
    ).toBeVisible();
    await expect(otherBookmarks.storyLinks).toHaveCount(2);
    await fresh.close();
  });

  test('a file never rewrites a saved story, nor puts one above every later save', async ({
    page,
    corpus,
    saveStories,
    bookmarksPage,
  }) => {
    const [saved, other] = corpus.sample;
    await saveStories([saved!.id]);
    const story = await corpus.story(saved!.id);
    const rewritten = {
      ...story,
      article: { ...story.article, headline: 'عنوان كتبه الملف' },
    };
    const file = (savedAt: number) => ({
      name: 'edited.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          format: 'qari-bookmarks',
          version: 1,
          exportedAt: new Date().toISOString(),
          bookmarks: [{ savedAt, story: rewritten }],
        }),
      ),
    });
    await bookmarksPage.goto();
    // A save time far in the future would sort above every save to come: refused.
    await bookmarksPage.importInput.setInputFiles(file(1e300));
    await expect(bookmarksPage.alert).toContainText('bookmarks.0.savedAt');
    // A plausible one is taken, but the story saved here keeps its own text.
    await bookmarksPage.importInput.setInputFiles(file(Date.now()));
    await expect(page.getByRole('status').filter({ hasText: 'اكتمل الاستيراد' })).toContainText(
      'بقيت كما هي',
    );
    await expect(bookmarksPage.storyLinks).toHaveText([saved!.headline]);
    await bookmarksPage.storyLinks.first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(saved!.headline);
    // A later save still goes to the top.
    await saveStories([other!.id]);
    await bookmarksPage.goto();
    await expect(bookmarksPage.storyLinks).toHaveText([other!.headline, saved!.headline]);
  });

  // One flow per file: each is read whole (the huge one is 21 MB), so each gets its own time.
  for (const name of ['hostile.json', 'broken.json', 'wrong-types.json', 'huge.json']) {
    test(`a hostile or malformed file saves nothing and says why: ${name}`, async ({
      page,
      corpus,
      bookmarksPage,
    }, testInfo) => {
      const story = await corpus.story(corpus.sample[0]!.id);
      const hostile = {
        format: 'qari-bookmarks',
        version: 1,
        exportedAt: new Date().toISOString(),
        bookmarks: [
          {
            savedAt: Date.now(),
            story: {
              ...story,
              article: {
                ...story.article,
                body: [
                  { type: 'paragraph', content: [{ text: 'x', href: 'javascript:alert(1)' }] },
                ],
              },
            },
          },
        ],
      };
      await bookmarksPage.goto();
      const files = [
        {
          name: 'hostile.json',
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify(hostile)),
        },
        {
          name: 'broken.json',
          mimeType: 'application/json',
          buffer: Buffer.from('{"format": "qari-bookm'),
        },
        {
          name: 'wrong-types.json',
          mimeType: 'application/json',
          buffer: Buffer.from(
            JSON.stringify({ ...hostile, bookmarks: [{ savedAt: 'soon', story: 5 }] }),
          ),
        },
        {
          name: 'huge.json',
          mimeType: 'application/json',
          buffer: Buffer.alloc(21 * 1024 * 1024, ' '),
        },
      ];
      const file = files.find((f) => f.name === name)!;
      // Chosen from disk, as a reader picks a file: a local browser reads it there, where a
      // buffer would cross the protocol (21 MB took most of a minute).
      const chosen = testInfo.outputPath(file.name);
      await writeFile(chosen, file.buffer);
      await bookmarksPage.importInput.setInputFiles(chosen);
      await expect(bookmarksPage.alert).toContainText(arabic('لم يستورد شيء'));
      await expect(bookmarksPage.emptyState).toBeVisible();
      await page.reload();
      await expect(bookmarksPage.emptyState).toBeVisible();
    });
  }
});
