// @vitest-environment node
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '#content/api-paths.ts';
import { type Article, ArticleSchema, type Section } from '#content/article-schema.ts';
import { buildSearchFiles } from '#content/search-index-build.ts';
import { memorySource } from './saved-stories-source.ts';
import { runSearch } from './search-engine.ts';

const SECTIONS = new Map<string, Section>([['world', { id: 'world', name: 'العالم' }]]);

function story(id: string, minute: number, patch: Record<string, unknown>): Article {
  return v.parse(ArticleSchema, {
    schemaVersion: 1,
    id,
    headline: 'خبر',
    section: 'world',
    publishedAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
    body: [{ type: 'paragraph', content: ['نص'] }],
    ...patch,
  });
}

/** A source over these stories that also counts the files a query fetches. */
function sourceOf(articles: Article[], head?: number) {
  // Blocks of 8 postings on average after the head.
  const shape = head === undefined ? undefined : { head, slack: 2, block: 8 };
  const files = new Map(
    [...buildSearchFiles(articles, SECTIONS, shape)].map((f) => [f.path, f.payload]),
  );
  const fetched: string[] = [];
  const source = memorySource((path) => {
    fetched.push(path);
    return files.get(path);
  });
  return { source, fetched, files };
}

const ids = async (articles: Article[], query: string, page = 1) =>
  (await runSearch(sourceOf(articles).source, query, page)).items.map((h) => h.doc.id);

const STORIES = [
  story('exact-old', 1, { headline: 'رقائق الذكاء الاصطناعي', summary: 'نص' }),
  story('exact-new', 9, { body: [{ type: 'paragraph', content: ['سوق الرقائق ينمو'] }] }),
  story('plural', 5, { headline: 'مصنع رقاقة جديد' }),
  story('dateline', 3, { dateline: 'موسكو', headline: 'خبر عاجل' }),
  story('caption', 4, {
    hero: {
      src: 'https://a.example/p.jpg',
      alt: 'قصر',
      caption: 'قصر الكرملين',
      width: 2,
      height: 1,
    },
  }),
  story('name', 6, { headline: 'روسيا تعزز وجودها في قيرغيزستان', authors: ['رنا الأيوبي'] }),
];

describe('runSearch', () => {
  it('ranks the word as typed before a root form, by field weight, then newest', async () => {
    expect(await ids(STORIES, 'رقائق')).toEqual(['exact-old', 'exact-new', 'plural']);
  });

  it('finds a dateline, a caption and an author', async () => {
    expect(await ids(STORIES, 'موسكو')).toEqual(['dateline']);
    expect(await ids(STORIES, 'الكرملين')).toEqual(['caption']);
    expect(await ids(STORIES, 'الايوبي')).toEqual(['name']);
  });

  it('says which spelling it found when the stories spell a word otherwise', async () => {
    const results = await runSearch(sourceOf(STORIES).source, 'قرغيزستان روسيا', 1);
    expect(results.items.map((h) => h.doc.id)).toEqual(['name']);
    expect(results.correction).toBe('قيرغيزستان روسيا');
    expect(results.matched).toContain('قيرغيزستان');
    const typo = await runSearch(sourceOf(STORIES).source, 'الكرملبن', 1);
    expect(typo.correction).toBe('الكرملين');
    const plain = await runSearch(sourceOf(STORIES).source, 'روسيا', 1);
    expect(plain.correction).toBeNull();
  });

  it('needs every word (AND), and a word found nowhere finds nothing', async () => {
    expect(await ids(STORIES, 'رقائق موسكو')).toEqual([]);
    const results = await runSearch(sourceOf(STORIES).source, 'زغطلقشخ', 1);
    expect(results).toMatchObject({ total: 0, complete: true, items: [] });
  });

  it('completes the word being typed', async () => {
    expect(await ids(STORIES, 'قيرغ')).toEqual(['name']);
  });

  it('pages stably, and stops widening once exact matches fill the pages asked for', async () => {
    const many = Array.from({ length: 2 * PAGE_SIZE + 5 }, (_, i) =>
      story(`s${i}`, i, { headline: `النفط رقم ${i}` }),
    );
    many.push(story('stem', 999, { headline: 'نفطية' }));
    const { source, fetched } = sourceOf(many);
    const first = await runSearch(source, 'النفط', 1);
    expect(first.items).toHaveLength(PAGE_SIZE);
    expect(first.items[0]?.doc.id).toBe(`s${2 * PAGE_SIZE + 4}`); // newest first among equals
    expect(first.complete).toBe(false);
    expect(fetched.some((f) => f.includes('/lexicon/'))).toBe(false);
    expect(fetched.filter((f) => f.includes('/docs/'))).toHaveLength(PAGE_SIZE);
    // Only the chunks of the word as typed: stems' and roots' chunks wait for their rounds.
    const exactChunks = fetched.filter((f) => f.includes('/terms/')).length;
    expect(exactChunks).toBeLessThanOrEqual(2);
    const third = await runSearch(source, 'النفط', 3);
    expect(third.complete).toBe(true);
    expect(new Set(fetched.filter((f) => f.includes('/terms/'))).size).toBeGreaterThan(exactChunks);
    expect(third.items.map((h) => h.doc.id)).toEqual(['s4', 's3', 's2', 's1', 's0', 'stem']);
    const second = await runSearch(source, 'النفط', 2);
    const all = [...first.items, ...second.items, ...third.items].map((h) => h.doc.id);
    expect(new Set(all).size).toBe(all.length);
  });

  it('reads long lists by their heads and as few blocks as the page needs, and ranks exactly as whole lists would', async () => {
    // A seeded corpus where common words fill every field at random weights.
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const vocabulary = [
      'المدينة',
      'مدن',
      'الحكومة',
      'حكومات',
      'السوق',
      'أسواق',
      'وزير',
      'الوزراء',
      'برلمان',
      'البرلمانية',
    ];
    const words = (n: number) =>
      Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(
        ' ',
      );
    // And a rare word, in 16 stories: in the body, and in every other one's headline too.
    const rare = (i: number, where: number) =>
      i % 25 === 0 && i % where === 0 ? ' قيرغيزستان' : '';
    const corpus = Array.from({ length: 400 }, (_, i) =>
      story(`r${i}`, i, {
        headline: words(2) + rare(i, 50),
        summary: words(3),
        body: [{ type: 'paragraph', content: [words(12) + rare(i, 1)] }],
      }),
    );
    const whole = sourceOf(corpus, Number.POSITIVE_INFINITY);
    const queries = [
      'المدينة',
      'حكومة',
      'الاسواق',
      'وزير السوق',
      'مدينة البرلمان الحكومة',
      'برلمان',
      'قيرغيزستان المدينة',
      'الحكومة قيرغيزستان',
    ];
    let settledByHeads = 0;
    let settledPartway = 0;
    for (const head of [5, 25, 60, 150, 250]) {
      const headed = sourceOf(corpus, head);
      for (const query of queries) {
        for (const page of [1, 2, 4]) {
          const expected = await runSearch(whole.source, query, page);
          headed.fetched.length = 0;
          const found = await runSearch(headed.source, query, page);
          if (!headed.fetched.some((f) => f.includes('/tails/'))) settledByHeads++;
          // Heads of 5: tails of some 50 blocks; some pages need their first few only.
          const tails = headed.fetched.filter((f) => f.includes('/tails/')).length;
          if (head === 5 && tails > 0 && tails < 20) settledPartway++;
          const label = `${query} p${page} head ${head}`;
          expect(
            found.items.map((h) => h.key),
            label,
          ).toEqual(expected.items.map((h) => h.key));
          expect(found.matched, label).toEqual(expected.matched);
          if (found.complete) expect(found.total, label).toBe(expected.total);
          else expect(found.total, label).toBeGreaterThanOrEqual(found.items.length);
        }
      }
    }
    // The heads alone settled some pages, and some more a tail's first blocks (else this
    // test would prove nothing about them).
    expect(settledByHeads).toBeGreaterThan(5);
    expect(settledPartway).toBeGreaterThan(5);
    // One common word, heads longer than a page: the page settles from the heads alone.
    const { source, fetched } = sourceOf(corpus, PAGE_SIZE + 5);
    const one = await runSearch(source, 'المدينة', 1);
    expect(one.items.map((h) => h.key)).toEqual(
      (await runSearch(whole.source, 'المدينة', 1)).items.map((h) => h.key),
    );
    expect(one.complete).toBe(false);
    expect(fetched.some((f) => f.includes('/lists/'))).toBe(true);
    expect(fetched.some((f) => f.includes('/tails/'))).toBe(false);
  });

  it("reads the records of a rare word's stories instead of a common word's tail", async () => {
    // A common word in every story (body, or headline too), a rare one in 12.
    const corpus = Array.from({ length: 200 }, (_, i) =>
      story(`c${i}`, i, {
        headline: i % 3 ? 'خبر' : 'المدينة تحتفل',
        body: [{ type: 'paragraph', content: [i % 16 === 0 ? 'المدينة وقيرغيزستان' : 'المدينة'] }],
      }),
    );
    const whole = sourceOf(corpus, Number.POSITIVE_INFINITY);
    const headed = sourceOf(corpus, 10);
    for (const query of ['قيرغيزستان المدينة', 'المدينة قيرغيزستان']) {
      headed.fetched.length = 0;
      const found = await runSearch(headed.source, query, 1);
      const expected = await runSearch(whole.source, query, 1);
      expect(
        found.items.map((h) => h.key),
        query,
      ).toEqual(expected.items.map((h) => h.key));
      expect(found.total, query).toBe(13);
      expect(found.complete, query).toBe(true);
      expect(
        headed.fetched.filter((f) => f.includes('/tails/')),
        query,
      ).toEqual([]);
      // The records of the 13 stories holding the rare word, and no other (each round
      // asks again; the browser's query cache answers).
      expect(new Set(headed.fetched.filter((f) => f.includes('/docs/'))).size, query).toBe(13);
    }
  });
});
