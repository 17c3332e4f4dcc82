import type { Teaser } from '../fixtures/api-types.ts';
import { expectSameDocument, markDocument } from '../fixtures/spa.ts';
import { arabic, expect, test } from '../fixtures/test.ts';

// Queries are derived from the corpus under test: a story's own headline, respelled the
// way readers type it, must find that story on the first page of results.

const EASTERN = '٠١٢٣٤٥٦٧٨٩';
const toEastern = (text: string) => text.replace(/[0-9]/g, (d) => EASTERN[Number(d)] as string);
const swapCase = (word: string) =>
  [...word].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
/** A fatha after every letter and a shadda on the second: «كتاب» → «كَّتَاَبَ». */
const vocalize = (word: string) =>
  [...word].map((c, i) => `${c}${i === 1 ? '\u0651' : ''}\u064E`).join('');
const arabicWords = (text: string) => text.match(/[\u0621-\u064A]{4,}/g) ?? [];

function find(sample: readonly Teaser[], test: (t: Teaser) => boolean, what: string): Teaser {
  const story = sample.find(test);
  if (!story) throw new Error(`The corpus under test has no story with ${what}.`);
  return story;
}

test.describe('search', { tag: '@search' }, () => {
  test('a headline typed without hamza finds the story spelled with it', { tag: '@smoke' }, async ({
    corpus,
    searchPage,
  }) => {
    const story = find(corpus.sample, (t) => /[أإآ]/.test(t.headline), 'a hamza in its headline');
    const query = story.headline.replace(/[أإآ]/g, 'ا');
    expect(query).not.toBe(story.headline);
    await searchPage.goto(query);
    await expect(searchPage.heading).toContainText(arabic('نتائج البحث عن'));
    await expect(searchPage.heading.locator('bdi')).toHaveText(query.trim());
    const hit = searchPage.result(story.headline);
    await expect(hit).toHaveCount(1);
    const card = searchPage.results.filter({ hasText: story.headline });
    await expect(card).toContainText(story.section.name);
    await expect(card.locator('time')).toHaveAttribute('datetime', story.publishedAt);
    // The word written with hamza is marked as the story spells it.
    const hamzaWord = story.headline.match(/[\u0621-\u064A]*[أإآ][\u0621-\u064A]*/)?.[0] ?? '';
    await expect(card.locator('mark').filter({ hasText: hamzaWord }).first()).toBeVisible();
    await expect(searchPage.count).toContainText(/نتيج/);
  });

  test('a word typed with diacritics finds the story written without them', async ({
    corpus,
    searchPage,
  }) => {
    const story = find(corpus.sample, (t) => arabicWords(t.headline).length > 0, 'an Arabic word');
    const word = arabicWords(story.headline).sort((a, b) => b.length - a.length)[0] as string;
    const query = story.headline.replace(word, vocalize(word));
    await searchPage.goto(query);
    await expect(searchPage.result(story.headline)).toHaveCount(1);
    await expect(searchPage.marks.filter({ hasText: word }).first()).toBeVisible();
  });

  test('a number typed in Eastern Arabic digits finds the story written in Western ones', async ({
    corpus,
    searchPage,
  }) => {
    const story = corpus.sample.find((t) => /[0-9]{2,}/.test(t.headline));
    test.skip(!story, 'no headline in the corpus under test has a number');
    const headline = (story as Teaser).headline;
    const query = toEastern(headline);
    await searchPage.goto(query);
    await expect(searchPage.result(headline)).toHaveCount(1);
    const number = headline.match(/[0-9]{2,}/)?.[0] ?? '';
    await expect(searchPage.marks.filter({ hasText: number }).first()).toBeVisible();
  });

  test('a Latin word is found whatever its case', async ({ corpus, searchPage }) => {
    const story = corpus.sample.find((t) => /[A-Za-z]{2,}/.test(t.headline));
    test.skip(!story, 'no headline in the corpus under test has a Latin word');
    const headline = (story as Teaser).headline;
    const latin = headline.match(/[A-Za-z]{2,}/)?.[0] as string;
    await searchPage.goto(headline.replace(latin, swapCase(latin)));
    await expect(searchPage.result(headline)).toHaveCount(1);
    await expect(searchPage.marks.filter({ hasText: latin }).first()).toBeVisible();
  });

  test('the header box searches inside the app and holds the query', { tag: '@phone' }, async ({
    page,
    corpus,
    frontPage,
    searchPage,
  }) => {
    const story = corpus.sample[0] as Teaser;
    const word = arabicWords(story.headline)[0] ?? story.headline;
    await frontPage.goto();
    await markDocument(page);
    await searchPage.search(word);
    await expect(page).toHaveURL(`/search?q=${encodeURIComponent(word)}`);
    await expect(searchPage.heading.locator('bdi')).toHaveText(word);
    await expect(searchPage.box).toHaveValue(word);
    await expect(searchPage.resultLinks.first()).toBeVisible();
    await expectSameDocument(page);
    // A result opens the story inside the app too.
    const first = searchPage.resultLinks.first();
    const headline = (await first.textContent()) ?? '';
    await first.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
    await expectSameDocument(page);
  });

  test('an empty query and a query with no results each say what to do', async ({
    page,
    searchPage,
  }) => {
    await searchPage.goto();
    await expect(searchPage.heading).toHaveText('البحث');
    await expect(page.getByRole('main')).toContainText(arabic('اكتب كلمة أو أكثر'));
    await searchPage.search('   ');
    await expect(searchPage.heading).toHaveText('البحث');

    await searchPage.search('زغطلقشخ ظضذثص');
    await expect(searchPage.count).toHaveText('لا نتائج');
    await expect(page.getByRole('main')).toContainText(arabic('لم نجد قصصا'));
    await expect(searchPage.resultLinks).toHaveCount(0);
  });

  test('refresh, back and forward keep the query and its results', async ({
    page,
    corpus,
    searchPage,
  }) => {
    const [a, b] = corpus.sample.filter((t) => arabicWords(t.headline).length > 0) as Teaser[];
    const first = arabicWords(a!.headline)[0] as string;
    const second = arabicWords(b!.headline)[0] as string;
    await searchPage.goto(first);
    await expect(searchPage.resultLinks.first()).toBeVisible();
    const before = await searchPage.resultLinks.allTextContents();
    await page.reload();
    await expect(searchPage.heading.locator('bdi')).toHaveText(first);
    await expect(searchPage.box).toHaveValue(first);
    await expect(searchPage.resultLinks.first()).toBeVisible();
    expect(await searchPage.resultLinks.allTextContents()).toEqual(before);

    await searchPage.search(second);
    await expect(searchPage.heading.locator('bdi')).toHaveText(second);
    await page.goBack();
    await expect(searchPage.heading.locator('bdi')).toHaveText(first);
    await expect(searchPage.box).toHaveValue(first);
    await page.goForward();
    await expect(searchPage.heading.locator('bdi')).toHaveText(second);
    await expect(searchPage.box).toHaveValue(second);
  });

  test('results follow the reader as they type on the search page', async ({
    page,
    corpus,
    searchPage,
  }) => {
    const story = find(corpus.sample, (t) => arabicWords(t.headline).length > 1, 'two words');
    const [one, two] = arabicWords(story.headline) as [string, string];
    await searchPage.goto(one);
    await expect(searchPage.resultLinks.first()).toBeVisible();
    await searchPage.box.fill(`${one} ${two.slice(0, 3)}`);
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(searchPage.heading.locator('bdi')).toHaveText(`${one} ${two.slice(0, 3)}`);
    await expect(searchPage.result(story.headline)).toHaveCount(1);
    await expect(searchPage.box).toBeFocused();
  });
});
