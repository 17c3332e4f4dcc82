import type { StoryPayload } from '../../src/content/api-schema.ts';
import { storyTexts } from '../../src/content/story-text.ts';
import { expect, test } from '../fixtures/test.ts';

// Words a reader remembers from anywhere in a story, and words spelled otherwise than
// the story spells them. Queries come from the corpus under test: a word is chosen only
// where it says something about one story (found in its dateline, or its captions only).

const STORIES_TO_READ = 40;
const arabicWords = (text: string) => text.match(/[\u0621-\u064A]+/g) ?? [];
const textsOf = (payload: StoryPayload, fields?: string[]) =>
  storyTexts(payload.article, payload.section.name)
    .filter((t) => !fields || fields.includes(t.field))
    .map((t) => t.text);
const allWords = (payload: StoryPayload) => new Set(textsOf(payload).flatMap(arabicWords));

// Singular → broken plural, as readers type the one and stories write the other.
const PLURALS: [string, string][] = [
  ['رقاقة', 'رقائق'],
  ['قاعدة', 'قواعد'],
  ['سفينة', 'سفن'],
  ['مدرسة', 'مدارس'],
  ['مشروع', 'مشاريع'],
  ['رسالة', 'رسائل'],
  ['حديقة', 'حدائق'],
  ['جزيرة', 'جزر'],
  ['طفل', 'أطفال'],
  ['فيلم', 'أفلام'],
];

test.describe('search reads every field and every spelling', { tag: '@search' }, () => {
  let stories: StoryPayload[] = [];
  test.beforeEach(async ({ corpus }) => {
    if (stories.length === 0) {
      stories = await Promise.all(
        corpus.sample.slice(0, STORIES_TO_READ).map((t) => corpus.story(t.id)),
      );
    }
  });

  test('a dateline finds the story datelined there', async ({ searchPage }) => {
    const count = (place: string) => stories.filter((s) => s.article.dateline === place).length;
    const story = stories
      .filter((s) => {
        const place = s.article.dateline ?? '';
        const elsewhere = textsOf(s, ['headline', 'summary']).join(' ');
        return /^[\u0621-\u064A]+$/.test(place) && !elsewhere.includes(place);
      })
      .sort((a, b) => count(a.article.dateline ?? '') - count(b.article.dateline ?? ''))[0];
    test.skip(!story, 'no story in the corpus under test has a one-word dateline');
    const { article } = story as StoryPayload;
    await searchPage.goto(article.dateline);
    await expect(searchPage.result(article.headline)).toHaveCount(1);
  });

  test('a word found only in a photo caption finds the story, marked in the passage', async ({
    searchPage,
  }) => {
    let found: { story: StoryPayload; word: string } | null = null;
    for (const story of stories) {
      const text = new Set(
        textsOf(story, ['headline', 'summary', 'body', 'headings']).flatMap(arabicWords),
      );
      for (const word of textsOf(story, ['captions']).flatMap(arabicWords)) {
        if (word.length < 5 || text.has(word)) continue;
        const others = stories.filter((s) => s !== story && allWords(s).has(word));
        if (others.length === 0) {
          found = { story, word };
          break;
        }
      }
      if (found) break;
    }
    test.skip(!found, 'no caption word of the corpus under test is its own');
    const { story, word } = found as { story: StoryPayload; word: string };
    await searchPage.goto(word);
    await expect(searchPage.result(story.article.headline)).toHaveCount(1);
    await expect(searchPage.marks.filter({ hasText: word }).first()).toBeVisible();
  });

  test('a name spelled without its ي finds the story and says which spelling it used', async ({
    searchPage,
  }) => {
    const known = new Set(stories.flatMap((s) => [...allWords(s)]));
    let found: { story: StoryPayload; word: string; typed: string } | null = null;
    for (const story of stories) {
      for (const word of arabicWords(story.article.headline)) {
        const at = word.indexOf('ي', 2);
        if (word.length < 6 || at < 0 || at >= word.length - 2) continue;
        const typed = word.slice(0, at) + word.slice(at + 1);
        if (![...known].some((w) => w.endsWith(typed))) {
          found = { story, word, typed };
          break;
        }
      }
      if (found) break;
    }
    test.skip(!found, 'no headline word of the corpus under test has a ي inside');
    const { story, word, typed } = found as { story: StoryPayload; word: string; typed: string };
    await searchPage.goto(typed);
    await expect(searchPage.result(story.article.headline)).toHaveCount(1);
    await expect(searchPage.correction).toContainText('نتائج عن:');
    await expect(searchPage.correction.locator('bdi')).not.toHaveText(typed);
    await expect(searchPage.marks.filter({ hasText: word }).first()).toBeVisible();
  });

  test('a singular finds the story that writes its broken plural', async ({ searchPage }) => {
    const known = new Set(stories.flatMap((s) => [...allWords(s)]));
    const plural = PLURALS.find(
      ([one, many]) =>
        ![...known].some((w) => w.endsWith(one)) && [...known].some((w) => w.endsWith(many)),
    );
    test.skip(!plural, 'no broken plural of the table is in the corpus under test');
    const [singular, many] = plural as [string, string];
    const story = stories.find((s) => [...allWords(s)].some((w) => w.endsWith(many)));
    await searchPage.goto(singular);
    await expect(searchPage.result((story as StoryPayload).article.headline)).toHaveCount(1);
    await expect(searchPage.marks.filter({ hasText: many }).first()).toBeVisible();
  });
});
