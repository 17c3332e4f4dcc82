// @vitest-environment node
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { chunkKey } from './arabic-search-terms.ts';
import { type Article, ArticleSchema, type Section } from './article-schema.ts';
import {
  buildSearchFiles,
  docRecord,
  type SearchFile,
  type StoryChange,
  searchCorpusOf,
  storyTerms,
  updateSearchFiles,
} from './search-index-build.ts';
import {
  assignStoryKeys,
  byImpact,
  decodePostings,
  decodeTail,
  encodePostings,
  encodeTail,
  INLINE_POSTINGS,
  LEXICON_CHUNKS,
  listBlocks,
  packPosting,
  postingWeight,
  searchPaths,
  storyKeyChanges,
  TERM_CHUNKS,
  termChunkOf,
} from './search-index-layout.ts';
import { recordTexts, termWeights } from './story-terms.ts';

const SECTIONS = new Map<string, Section>([
  ['world', { id: 'world', name: 'العالم' }],
  ['economy', { id: 'economy', name: 'اقتصاد' }],
]);

function story(n: number, patch: Record<string, unknown> = {}): Article {
  return v.parse(ArticleSchema, {
    schemaVersion: 1,
    id: `s${n}`,
    headline: `خبر رقم ${n} عن المدينة`,
    section: n % 2 ? 'world' : 'economy',
    publishedAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
    body: [{ type: 'paragraph', content: [`نص قصير عن السوق والميناء ${n % 7}`] }],
    ...patch,
  });
}

/** Files as the disk holds them: path → the exact JSON text. */
const asText = (files: Iterable<SearchFile>) =>
  new Map([...files].map((f) => [f.path, JSON.stringify(f.payload)]));

/**
 * The disk after an update; `killed`: only the writes it names happen, and no removal
 * (a publish killed after writing those).
 */
function applyUpdate(
  disk: Map<string, string>,
  articles: Article[],
  changes: StoryChange[],
  head?: number,
  killed?: (path: string) => boolean,
): Map<string, string> {
  const next = new Map(disk);
  const read = (path: string) => {
    const text = disk.get(path);
    return text === undefined ? undefined : JSON.parse(text);
  };
  const { write, remove } = updateSearchFiles(
    searchCorpusOf(articles, SECTIONS),
    changes,
    read,
    head,
  );
  if (!killed) for (const path of remove) next.delete(path);
  for (const file of write) {
    if (!killed || killed(file.path)) next.set(file.path, JSON.stringify(file.payload));
  }
  return next;
}

describe('story keys', () => {
  it('orders stories by minute and moves a story on while the minute is taken', () => {
    const keys = assignStoryKeys([
      { id: 'b', publishedAt: '2026-01-01T00:00:30Z' },
      { id: 'a', publishedAt: '2026-01-01T00:00:10Z' },
      { id: 'c', publishedAt: '2026-01-01T00:01:00Z' },
      { id: 'd', publishedAt: '2026-01-01T00:05:00Z' },
    ]);
    const a = keys.get('a') as number;
    expect([keys.get('b'), keys.get('c'), keys.get('d')]).toEqual([a + 1, a + 2, a + 5]);
  });

  it('gives a newest-first list the keys it gives the same stories in any order', () => {
    const stories = timedStories(500, 1);
    const newestFirst = [...stories].sort(
      (x, y) => y.published - x.published || (x.id < y.id ? -1 : 1),
    );
    expect([...assignStoryKeys(newestFirst)].sort()).toEqual([...assignStoryKeys(stories)].sort());
  });

  it('names the keys a change moves as the keys of the whole before and after say', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const random = mulberry(seed);
      const before = timedStories(300, seed);
      const after = new Map(before.map((s) => [s.id, s]));
      const changed = new Set<string>();
      for (let n = 0; n < 1 + Math.floor(random() * 6); n++) {
        const roll = random();
        const id =
          roll < 0.4 ? `new-${n}` : (before[Math.floor(random() * before.length)]?.id as string);
        changed.add(id);
        if (roll > 0.8) after.delete(id);
        else after.set(id, timedStory(id, random));
      }
      // As a publish gives them: newest first (or not, for half the seeds).
      const afterList = [...after.values()].sort((x, y) =>
        seed % 2 ? y.published - x.published || (x.id < y.id ? -1 : 1) : 0,
      );
      const was = before.filter((s) => changed.has(s.id));
      const keys = storyKeyChanges(afterList, was, changed);
      const whole = { before: assignStoryKeys(before), after: assignStoryKeys(afterList) };
      const expected = { before: new Map<string, number>(), after: new Map<string, number>() };
      for (const [id, key] of whole.before) {
        if (changed.has(id) || whole.after.get(id) !== key) expected.before.set(id, key);
      }
      for (const [id, key] of whole.after) {
        if (changed.has(id) || whole.before.get(id) !== key) expected.after.set(id, key);
      }
      const sorted = (m: Map<string, number>) => [...m].sort();
      expect(sorted(keys.before), `seed ${seed}`).toEqual(sorted(expected.before));
      expect(sorted(keys.after), `seed ${seed}`).toEqual(sorted(expected.after));
    }
  });
});

/** A small seeded generator (mulberry32). */
function mulberry(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A story in one of a few hours' minutes, so that minutes collide and keys move on. */
function timedStory(id: string, random: () => number) {
  const published =
    Date.UTC(2026, 0, 1) + Math.floor(random() * 240) * 60_000 + Math.floor(random() * 60_000);
  return { id, publishedAt: new Date(published).toISOString(), published };
}

function timedStories(count: number, seed: number) {
  const random = mulberry(seed);
  return Array.from({ length: count }, (_, i) => timedStory(`s-${i}`, random));
}

describe('postings', () => {
  it('round-trips keys and weights in impact order, in JSON-safe digits, a weight written once', () => {
    const packed = [
      packPosting(66_000_000, 27),
      packPosting(3, 27),
      packPosting(65_999_990, 8),
      packPosting(65_999_000, 8),
      packPosting(0, 1),
    ];
    expect([...packed].sort(byImpact)).toEqual(packed);
    const text = encodePostings(packed);
    expect(text).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(text.split('.')).toHaveLength(3);
    expect(decodePostings(text)).toEqual(packed);
    for (const bad of ['!!', 'b.', 'bA.', 'B-']) expect(() => decodePostings(bad), bad).toThrow();
  });

  it('round-trips a tail newest first, its keys then its weights, whatever order it is given in', () => {
    const packed = [
      packPosting(65_999_000, 8),
      packPosting(3, 1),
      packPosting(66_000_000, 2),
      packPosting(0, 1),
    ];
    const text = encodeTail(packed);
    expect(text).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{4}$/);
    expect([...decodeTail(text)]).toEqual([...packed].sort((a, b) => b - a));
    expect(decodeTail(encodeTail([]))).toHaveLength(0);
    // A weight short, a weight over, a key twice (zero gap), a digit that is none.
    for (const bad of ['BC.b', 'BC.bbb', 'BA.bb', 'B!.b', 'B']) {
      expect(() => decodeTail(bad), bad).toThrow();
    }
  });
});

describe('what a story says', () => {
  it('indexes every field with its boost, whatever block holds it', () => {
    const article = story(1, {
      headline: 'روسيا تعلن خطة',
      summary: 'ملخص عن الكرملين',
      dateline: 'موسكو',
      authors: ['رنا الأيوبي'],
      tags: [{ id: 'ru', name: 'روسيا' }],
      hero: { src: 'https://a.example/p.jpg', alt: 'قصر', caption: 'مبنى', width: 2, height: 1 },
      body: [
        { type: 'paragraph', content: ['أول ', { text: 'رابط', href: 'https://a.example' }] },
        { type: 'heading', text: 'عنوان فرعي' },
        { type: 'quote', content: ['اقتباس'], cite: 'قائل' },
        { type: 'list', ordered: false, items: [['بند']] },
        {
          type: 'image',
          image: {
            src: 'https://a.example/q.jpg',
            alt: 'بديل',
            caption: 'تعليق',
            width: 2,
            height: 1,
          },
        },
        { type: 'readAlso', items: [{ url: 'https://a.example', title: 'رابط خارجي' }] },
      ],
    });
    const terms = storyTerms(article, SECTIONS);
    expect(terms.get('روسيا')).toBe(8 + 4); // headline + tag
    expect(terms.get('كرملين')).toBe(4);
    expect(terms.get('موسكو')).toBe(3);
    expect(terms.get('ايوبي')).toBe(2);
    expect(terms.get('عالم')).toBe(2); // the section's name
    for (const word of ['رابط', 'اقتباس', 'قايل', 'بند']) expect(terms.get(word)).toBe(1);
    expect(terms.get('فرعي')).toBe(2);
    for (const word of ['قصر', 'مبني', 'بديل', 'تعليق']) expect(terms.get(word)).toBe(1);
    expect(terms.has('خارجي')).toBe(false); // read-also titles describe other pages
    expect(docRecord(article, SECTIONS).passages).toEqual([
      'موسكو',
      'مبنى',
      'قصر',
      'أول رابط',
      'عنوان فرعي',
      'اقتباس',
      'قائل',
      'بند',
      'تعليق',
      'بديل',
      'روسيا',
      'رنا الأيوبي',
    ]);
    // Each passage's field, a letter each: the browser weighs a story from its record alone.
    const record = docRecord(article, SECTIONS);
    expect(record.fields).toBe('dccbhbbbccta');
    expect(termWeights(recordTexts(record))).toEqual(terms);
  });
});

// Each full build writes all 16,896 chunk files: slow on a machine shared with other builds.
describe('buildSearchFiles', { timeout: 30_000 }, () => {
  it('writes every chunk, a record per story, and long posting lists apart', () => {
    const articles = Array.from({ length: INLINE_POSTINGS + 3 }, (_, i) => story(i));
    const files = asText(buildSearchFiles(articles, SECTIONS));
    const paths = [...files.keys()];
    expect(paths.filter((p) => p.includes('/terms/'))).toHaveLength(TERM_CHUNKS);
    expect(paths.filter((p) => p.includes('/lexicon/'))).toHaveLength(LEXICON_CHUNKS);
    expect(paths.filter((p) => p.includes('/docs/'))).toHaveLength(articles.length);
    // «مدينة» is in every headline: more postings than a chunk inlines.
    expect(files.has(searchPaths.list('مدينه'))).toBe(true);
    expect(files.has(searchPaths.list('ميناء'))).toBe(true);
  });

  it('gives the same bytes whatever order the stories come in', () => {
    const articles = Array.from({ length: 40 }, (_, i) => story(i));
    const forward = asText(buildSearchFiles(articles, SECTIONS));
    const backward = asText(buildSearchFiles([...articles].reverse(), SECTIONS));
    expect([...backward.keys()].sort()).toEqual([...forward.keys()].sort());
    for (const [path, text] of forward) expect(backward.get(path)).toBe(text);
  });
});

describe('updateSearchFiles', { timeout: 30_000 }, () => {
  const A = Array.from({ length: INLINE_POSTINGS + 6 }, (_, i) => story(i));
  const full = (articles: Article[]) => asText(buildSearchFiles(articles, SECTIONS));

  function expectSameAsFull(before: Article[], after: Article[], changes: StoryChange[]) {
    const patched = applyUpdate(full(before), after, changes);
    const expected = full(after);
    expect([...patched.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [path, text] of expected) expect(patched.get(path), path).toBe(text);
  }

  it('adds a story: only its words’ chunks and its record are written', () => {
    const added = story(900, { headline: 'قيرغيزستان توقع اتفاقاً', dateline: 'بشكيك' });
    const B = [...A, added];
    expectSameAsFull(A, B, [{ id: added.id, after: added }]);
    const before = full(A);
    const { write } = updateSearchFiles(
      searchCorpusOf(B, SECTIONS),
      [{ id: added.id, after: added }],
      (p) => {
        const text = before.get(p);
        return text && JSON.parse(text);
      },
    );
    expect(write.length).toBeLessThan(3 * storyTerms(added, SECTIONS).size + 2);
  });

  it('edits a story, deletes one, and moves one in time', () => {
    const edited = { ...(A[3] as Article), headline: 'عنوان جديد تماماً عن الرقائق' };
    const moved = { ...(A[5] as Article), publishedAt: (A[9] as Article).publishedAt };
    const B = A.filter((a) => a.id !== 's7').map((a) =>
      a.id === edited.id ? edited : a.id === moved.id ? moved : a,
    );
    expectSameAsFull(A, B, [
      { id: edited.id, before: A[3], after: edited },
      { id: 's7', before: A[7] },
      { id: moved.id, before: A[5], after: moved },
    ]);
  });

  it('refiles only the words an edit changed: a word kept at its weight keeps its list', () => {
    // «المدينة» stays in the headline (its list, long, is left alone); «رقم» goes, «احتفال» comes.
    const before = A[3] as Article;
    const edited = { ...before, headline: before.headline.replace('رقم', 'احتفال') };
    const B = A.map((a) => (a.id === edited.id ? edited : a));
    const changes = [{ id: edited.id, before, after: edited }];
    expectSameAsFull(A, B, changes);
    const { write } = updateSearchFiles(
      searchCorpusOf(B, SECTIONS),
      changes,
      (path) => JSON.parse(full(A).get(path) ?? 'null') ?? undefined,
    );
    const paths = write.map((f) => f.path);
    const chunkOf = (word: string) => searchPaths.terms(termChunkOf(chunkKey(word)));
    expect(paths).toContain(chunkOf('احتفال'));
    expect(paths).toContain(searchPaths.list('رقم')); // in every headline: a long list
    expect(paths).not.toContain(searchPaths.list('مدينه'));
    expect(paths).not.toContain(searchPaths.list('خبر'));
    expect(paths).not.toContain(chunkOf('مدينه'));
  });

  it('moves a long list back inline, and drops a word nobody uses any more', () => {
    // Remove enough stories that «مدينة» falls under the inline limit.
    const B = A.slice(0, INLINE_POSTINGS - 1);
    const changes = A.slice(INLINE_POSTINGS - 1).map((a) => ({ id: a.id, before: a }));
    expectSameAsFull(A, B, changes);
    const patched = applyUpdate(full(A), B, changes);
    expect(patched.has(searchPaths.list('مدينه'))).toBe(false);
  });
});

describe('long lists: a head, and a tail in blocks beyond it', { timeout: 30_000 }, () => {
  const HEAD = INLINE_POSTINGS + 1;
  const [, first, second] = listBlocks(Number.POSITIVE_INFINITY, HEAD);
  // «مدينة» is in every headline, in every third summary and every fourth dateline too:
  // four weights, and a tail of two blocks (the second not full).
  const A = Array.from({ length: (second?.[0] ?? 0) + 20 }, (_, i) =>
    story(i, {
      ...(i % 3 ? {} : { summary: 'ملخص عن المدينة' }),
      ...(i % 4 ? {} : { dateline: 'المدينة' }),
    }),
  );
  const full = (articles: Article[]) => asText(buildSearchFiles(articles, SECTIONS, HEAD));
  const postingsIn = (files: Map<string, string>, path: string) =>
    decodePostings(JSON.parse(files.get(path) ?? '{"postings":""}').postings);
  const tailIn = (files: Map<string, string>, path: string) =>
    decodeTail(JSON.parse(files.get(path) ?? '{"postings":"."}').postings);

  it('keeps the heaviest postings in the list file, and the rest in blocks, each lighter', () => {
    const files = full(A);
    const head = postingsIn(files, searchPaths.list('مدينه'));
    const blocks = [1, 2].map((block) => [...tailIn(files, searchPaths.tail('مدينه', block))]);
    expect(files.has(searchPaths.tail('مدينه', 3))).toBe(false);
    expect(head).toHaveLength(HEAD);
    expect(blocks.map((b) => b.length)).toEqual([(first?.[1] ?? 0) - HEAD, 20]);
    expect(head).toEqual([...head].sort(byImpact));
    // Every posting of a block is lighter, by impact, than every one of the files before it.
    const lightest = (postings: number[]) => [...postings].sort(byImpact).at(-1) as number;
    const heaviest = (postings: number[]) => [...postings].sort(byImpact)[0] as number;
    const [one, two] = blocks as [number[], number[]];
    expect(byImpact(lightest(head), heaviest(one))).toBeLessThan(0);
    expect(byImpact(lightest(one), heaviest(two))).toBeLessThan(0);
    expect(postingWeight(head[0] as number)).toBeGreaterThan(postingWeight(lightest(two)));
    // A block is written newest first (the order that packs best).
    expect(one).toEqual([...one].sort((x, y) => y - x));
  });

  it('updates heads and blocks as a full build writes them: blocks that go, a list back inline', () => {
    const check = (before: Article[], after: Article[], changes: StoryChange[]) => {
      const patched = applyUpdate(full(before), after, changes, HEAD);
      const expected = full(after);
      expect([...patched.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [path, text] of expected) expect(patched.get(path), path).toBe(text);
      return patched;
    };
    const added = story(900, { headline: 'المدينة تحتفل', summary: 'المدينة' });
    check(A, [...A, added], [{ id: added.id, after: added }]);
    // Down to one block: the second block's file goes.
    const oneBlock = A.slice(0, HEAD + 10);
    const shortened = check(
      A,
      oneBlock,
      A.slice(oneBlock.length).map((a) => ({ id: a.id, before: a })),
    );
    expect(shortened.has(searchPaths.tail('مدينه', 2))).toBe(false);
    expect(shortened.has(searchPaths.tail('مدينه', 1))).toBe(true);
    // Down to the head's size: every block goes, the list file stays.
    const short = A.slice(0, HEAD);
    const headOnly = check(
      A,
      short,
      A.slice(short.length).map((a) => ({ id: a.id, before: a })),
    );
    expect(headOnly.has(searchPaths.tail('مدينه', 1))).toBe(false);
    expect(headOnly.has(searchPaths.list('مدينه'))).toBe(true);
    // Under the inline limit: all go.
    const few = A.slice(0, 8);
    const inline = check(
      A,
      few,
      A.slice(few.length).map((a) => ({ id: a.id, before: a })),
    );
    expect(inline.has(searchPaths.list('مدينه'))).toBe(false);
  });

  it('completes an update killed after the list files and before the chunks', () => {
    // The publish writes the search files in stages (lists, then chunks) and removes
    // last: a re-run reads the new list files beside the old chunk's count.
    const listsOnly = (path: string) => path.includes('/lists/') || path.includes('/tails/');
    const rerun = (before: Article[], after: Article[], changes: StoryChange[]) => {
      const half = applyUpdate(full(before), after, changes, HEAD, listsOnly);
      const done = applyUpdate(half, after, changes, HEAD);
      const expected = full(after);
      expect([...done.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [path, text] of expected) expect(done.get(path), path).toBe(text);
    };
    const end = first?.[1] ?? 0; // a head and a full first block
    const atEdge = A.slice(0, end);
    // One more story: a second block appears that the old count does not know.
    const added = story(900, { headline: 'المدينة تحتفل' });
    rerun(atEdge, [...atEdge, added], [{ id: added.id, after: added }]);
    // Two fewer, from the head: the second block goes, its stories move up a block.
    const longer = A.slice(0, end + 2);
    const gone = longer.filter((_, i) => i % 3 === 0).slice(0, 2);
    rerun(
      longer,
      longer.filter((a) => !gone.includes(a)),
      gone.map((a) => ({ id: a.id, before: a })),
    );
    // Back inline: the chunk says inline, the list files are still there.
    const few = A.slice(0, 8);
    const half = applyUpdate(
      full(A),
      few,
      A.slice(few.length).map((a) => ({ id: a.id, before: a })),
      HEAD,
      (path) => path.includes('/terms/'),
    );
    const done = applyUpdate(
      half,
      few,
      A.slice(few.length).map((a) => ({ id: a.id, before: a })),
      HEAD,
    );
    expect(done.has(searchPaths.list('مدينه'))).toBe(false);
    expect(done.has(searchPaths.tail('مدينه', 1))).toBe(false);
  });
});
