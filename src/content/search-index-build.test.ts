// @vitest-environment node
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { PostingList } from './api-schema.ts';
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
  updateStageOf,
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
  packPosting,
  searchPaths,
  startsBlock,
  storyKeyChanges,
  type TailBlock,
  TERM_CHUNKS,
  termChunkOf,
} from './search-index-layout.ts';
import type { ListShape } from './search-list-files.ts';
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

/** An index file on the disk, parsed, as a publish reads it. */
const readOf = (disk: Map<string, string>) => (path: string) => {
  const text = disk.get(path);
  return text === undefined ? undefined : JSON.parse(text);
};

/** Every block file on the disk in a word's tail folder, as a publish completing a killed one lists it. */
const folderOf = (disk: Map<string, string>) => (surface: string) => {
  const dir = searchPaths.tail(surface, 0).replace(/[^/]+$/, '');
  return [...disk.keys()].filter((path) => path.startsWith(dir));
};

/**
 * The disk after an update; `killed`: only the writes it names happen, and no removal
 * (a publish killed after writing those).
 */
function applyUpdate(
  disk: Map<string, string>,
  articles: Article[],
  changes: StoryChange[],
  shape?: ListShape,
  killed?: (path: string) => boolean,
  /** After a killed update: every long list read whole, its tail's folder listed. */
  afterKill = false,
): Map<string, string> {
  const next = new Map(disk);
  const { write, remove } = updateSearchFiles(
    searchCorpusOf(articles, SECTIONS),
    changes,
    readOf(disk),
    { shape, folder: afterKill ? folderOf(disk) : undefined },
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
    // A long list's entry does not change with it: its chunk is left alone.
    expect(paths).not.toContain(chunkOf('رقم'));
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

describe('long lists: a head, and a tail in blocks cut where the postings say', {
  timeout: 60_000,
}, () => {
  // A head of 33 postings or a few more (ended where a posting's key says, one in 2) and
  // blocks of 8 on average: «مدينة» is in every headline, in every third summary and every
  // fourth dateline too (four weights), its tail some 15 blocks.
  const SHAPE: ListShape = { head: INLINE_POSTINGS + 1, slack: 2, block: 8 };
  const A = Array.from({ length: 160 }, (_, i) => cityStory(i, i));
  function cityStory(n: number, seed: number, minute = n): Article {
    return story(n, {
      publishedAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
      ...(seed % 3 ? {} : { summary: 'ملخص عن المدينة' }),
      ...(seed % 4 ? {} : { dateline: 'المدينة' }),
    });
  }
  const full = (articles: Article[]) => asText(buildSearchFiles(articles, SECTIONS, SHAPE));
  const headOf = (files: Map<string, string>) =>
    JSON.parse(files.get(searchPaths.list('مدينه')) ?? 'null') as PostingList;
  const blockOf = (files: Map<string, string>, first: number) => [
    ...decodeTail(
      JSON.parse(files.get(searchPaths.tail('مدينه', first)) ?? '{"postings":"."}').postings,
    ),
  ];
  const expectFull = (patched: Map<string, string>, after: Article[], what: string) => {
    const expected = full(after);
    expect([...patched.keys()].sort(), what).toEqual([...expected.keys()].sort());
    for (const [path, text] of expected) expect(patched.get(path), `${what}: ${path}`).toBe(text);
  };

  it('keeps the heaviest postings in the head, and the rest in blocks it names, each lighter', () => {
    const files = full(A);
    const head = headOf(files);
    const postings = decodePostings(head.postings);
    expect(postings).toHaveLength(SHAPE.head);
    expect(postings).toEqual([...postings].sort(byImpact));
    const blocks = (head.tail ?? []).map(([first, size]) => {
      const block = blockOf(files, first).sort(byImpact);
      expect(block).toHaveLength(size);
      expect(block[0]).toBe(first);
      return block;
    });
    expect(blocks.length).toBeGreaterThan(5);
    expect(blocks.flat()).toHaveLength(A.length - SHAPE.head);
    // In impact order throughout, head first; a block starts at the tail's start or at a
    // posting that starts one, and holds no other such posting.
    const all = [...postings, ...blocks.flat()];
    expect(all).toEqual([...all].sort(byImpact));
    blocks.forEach((block, i) => {
      if (i > 0) expect(startsBlock(block[0] as number, SHAPE.block)).toBe(true);
      expect(block.slice(1).some((p) => startsBlock(p, SHAPE.block))).toBe(false);
    });
    // A block is written newest first (the order that packs best).
    const written = blockOf(files, ((head.tail ?? [])[1] as TailBlock)[0]);
    expect(written).toEqual([...written].sort((x, y) => y - x));
  });

  it('adds a light posting deep in the tail by rewriting its block and the head alone', () => {
    // In the body only: weight 1, the lightest; the newest of them: the tail's last group's first.
    const added = story(900, {
      headline: 'خبر جديد',
      body: [{ type: 'paragraph', content: ['المدينة'] }],
    });
    const before = full(A);
    const patched = applyUpdate(before, [...A, added], [{ id: added.id, after: added }], SHAPE);
    expectFull(patched, [...A, added], 'a light story');
    const tails = searchPaths.tail('مدينه', 0).replace(/[^/]+$/, '');
    const changedTails = [...patched].filter(
      ([path, text]) => path.startsWith(tails) && before.get(path) !== text,
    );
    expect(changedTails).toHaveLength(1);
  });

  it('adds a heavy posting to the head by rewriting the head alone, unless its end moves', () => {
    const list = searchPaths.list('مدينه');
    const tails = searchPaths.tail('مدينه', 0).replace(/[^/]+$/, '');
    const seen = new Set<boolean>();
    for (let size = 150; size <= 160; size++) {
      const base = A.slice(0, size);
      const added = cityStory(900, 0, 900); // the newest, its word in the headline: into the head
      const before = full(base);
      const patched = applyUpdate(
        before,
        [...base, added],
        [{ id: added.id, after: added }],
        SHAPE,
      );
      expectFull(patched, [...base, added], `a heavy story after ${size}`);
      const changed = [...patched]
        .filter(
          ([path, text]) => (path === list || path.startsWith(tails)) && before.get(path) !== text,
        )
        .map(([path]) => path);
      // The head's lightest is pushed past its first `head` postings: it ends the head, and
      // the rest joins the first block, only when it would start a block itself.
      const pushed = decodePostings(headOf(before).postings)[SHAPE.head - 1] as number;
      const moved = startsBlock(pushed, SHAPE.slack);
      seen.add(moved);
      if (moved) expect(changed.length, `${size}`).toBeGreaterThan(1);
      else expect(changed, `${size}`).toEqual([list]);
    }
    expect(seen.size).toBe(2);
  });

  it('completes an update killed inside its tail blocks, a block cut in two included', () => {
    // A story of the lightest weight there (its word in the headline alone), the newest:
    // its posting goes in before the others of its weight, inside a block, and starts a
    // block itself, so it cuts the block in two and the block's rest goes to a new one.
    const light = (minute: number) => cityStory(900, 1, minute);
    const minute = Array.from({ length: 400 }, (_, i) => 200 + i).find((m) => {
      const key = assignStoryKeys([...A, light(m)]).get('s900') as number;
      return startsBlock(packPosting(key, 8), SHAPE.block);
    }) as number;
    const added = light(minute);
    const B = [...A, added];
    const changes = [{ id: added.id, after: added }];
    const before = full(A);
    let seed = 3;
    for (let trial = 0; trial < 30; trial++) {
      // Every stage before the tails written, then some of the new blocks, or all of them
      // and some of the blocks written again; nothing after.
      const stage = 1 + (trial % 2);
      const half = applyUpdate(before, B, changes, SHAPE, (path) => {
        const at = updateStageOf(path, (file) => before.has(file));
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return at < stage || (at === stage && (seed >>> 16) % 2 === 0);
      });
      expectFull(applyUpdate(half, B, changes, SHAPE, undefined, true), B, `trial ${trial}`);
    }
  });

  it('completes a killed update whose new story the newsroom then removed, a moved neighbour included', () => {
    // The new story takes a minute every story after it holds: each of them moves on.
    const added = cityStory(900, 0, 40);
    for (const kept of [(_: string, i: number) => i % 2 === 0, () => true]) {
      const before = full(A);
      const killed = updateSearchFiles(
        searchCorpusOf([...A, added], SECTIONS),
        [{ id: added.id, after: added }],
        readOf(before),
        { shape: SHAPE },
      );
      expect(killed.filed.map((f) => f.id)).toContain(A[41]?.id);
      // Killed before its removals, some or all of its files written; then the story goes.
      const half = new Map(before);
      killed.write.forEach((file, i) => {
        if (kept(file.path, i)) half.set(file.path, JSON.stringify(file.payload));
      });
      const completed = updateSearchFiles(
        searchCorpusOf(A, SECTIONS),
        // The story as the journal has it (new: nothing before), and every other story it
        // filed, filed again (as the publish does).
        [
          { id: added.id },
          ...A.filter((a) => killed.filed.some((f) => f.id === a.id)).map((a) => ({
            id: a.id,
            before: a,
          })),
        ],
        readOf(half),
        { shape: SHAPE, folder: folderOf(half), killedFilings: killed.filed },
      );
      const disk = new Map(half);
      for (const path of completed.remove) disk.delete(path);
      for (const file of completed.write) disk.set(file.path, JSON.stringify(file.payload));
      expectFull(disk, A, 'the new story removed');
    }
  });

  it('completes an edit killed half-way that the newsroom then took back', () => {
    const was = A[3] as Article;
    const now = cityStory(3, 4);
    const B = A.map((a) => (a === was ? now : a));
    let write = 0;
    const half = applyUpdate(full(A), B, [{ id: was.id, before: was, after: now }], SHAPE, () =>
      Boolean(write++ % 2),
    );
    // The next publish finds the story as it was published (the journal's) and as it is now.
    const back = applyUpdate(
      half,
      A,
      [{ id: was.id, before: was, after: was }],
      SHAPE,
      undefined,
      true,
    );
    expectFull(back, A, 'taken back');
  });

  it('updates as a full build writes, over random additions, edits, moves and deletions', () => {
    // A 32-bit LCG, its high bits taken (a product past 2^53 lost the low bits: nearly
    // every number came out even, and every kill wrote its whole stage).
    let random = 7;
    const next = (n: number) => {
      random = (Math.imul(random, 1103515245) + 12345) >>> 0;
      return (random >>> 16) % n;
    };
    let stories = [...A];
    let disk = full(stories);
    let serial = 1000;
    for (let step = 0; step < 40; step++) {
      const changes: StoryChange[] = [];
      const after = [...stories];
      for (let n = 1 + next(4); n > 0; n--) {
        const roll = next(10);
        if (roll < 3 || after.length < 60) {
          const added = cityStory(serial++, next(12), next(400));
          if (after.some((a) => a.publishedAt === added.publishedAt)) continue;
          after.push(added);
          changes.push({ id: added.id, after: added });
        } else {
          const at = next(after.length);
          const was = after[at] as Article;
          if (changes.some((c) => c.id === was.id)) continue;
          if (roll < 6) {
            after.splice(at, 1);
            changes.push({ id: was.id, before: was });
          } else {
            const now = cityStory(
              Number(was.id.slice(1)),
              next(12),
              roll < 8 ? next(400) : undefined,
            );
            after[at] = now;
            changes.push({ id: was.id, before: was, after: now });
          }
        }
      }
      const what = `step ${step}: ${changes.map((c) => `${c.before ? '' : '+'}${c.id}${c.after ? '' : '-'}`).join(' ')}`;
      if (step % 5 === 4) {
        // Killed half-way as a publish writes (updateStages): every file of the stages
        // before one, some of that one, none after, nothing removed. Then run again.
        const stage = next(6);
        const was = disk;
        const half = applyUpdate(disk, after, changes, SHAPE, (path) => {
          const at = updateStageOf(path, (file) => was.has(file));
          return at < stage || (at === stage && next(2) === 0);
        });
        disk = applyUpdate(half, after, changes, SHAPE, undefined, true);
      } else disk = applyUpdate(disk, after, changes, SHAPE);
      expectFull(disk, after, what);
      stories = after;
    }
  });

  it('moves a list back inline, and to its head alone, as a full build writes it', () => {
    for (const keep of [SHAPE.head, SHAPE.head + 3, 8]) {
      const after = A.slice(0, keep);
      const changes = A.slice(keep).map((a) => ({ id: a.id, before: a }));
      expectFull(applyUpdate(full(A), after, changes, SHAPE), after, `down to ${keep}`);
      // Killed after every write and before the removals, then run again.
      const half = applyUpdate(full(A), after, changes, SHAPE, () => true);
      expectFull(
        applyUpdate(half, after, changes, SHAPE, undefined, true),
        after,
        `down to ${keep}, killed`,
      );
    }
  });
});
