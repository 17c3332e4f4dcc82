// @vitest-environment node
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { apiPaths } from '#content/api-paths.ts';
import {
  FrontPayloadSchema,
  type ListChunk,
  ListChunkSchema,
  type ListHead,
  ListHeadSchema,
  LivePayloadSchema,
  type Rendition,
  type StoryPayload,
  StoryPayloadSchema,
  type Teaser,
} from '#content/api-schema.ts';
import {
  type Article,
  ArticleSchema,
  type Section,
  SectionListSchema,
} from '#content/article-schema.ts';
import { CHUNK_SIZE, chunkOfPage, pageFromChunk, pageFromHead } from '#content/list-paging.ts';
import {
  type ApiFile,
  buildApi,
  buildFront,
  buildLive,
  LATEST_COUNT,
  listPageMarker,
  listPages,
  newestFirst,
  RAIL_COUNT,
} from './build-api.ts';
import type { Corpus } from './load-content.ts';

const SECTIONS: Section[] = [
  { id: 'world', name: 'العالم' },
  { id: 'economy', name: 'اقتصاد' },
  { id: 'sport', name: 'رياضة' },
  { id: 'empty', name: 'فارغ' },
];
const sectionOf = (id: string) => SECTIONS.find((s) => s.id === id) as Section;

/** Story n is published n hours after the start, so a higher n is newer. */
function story(n: number, patch: Record<string, unknown> = {}): Article {
  return v.parse(ArticleSchema, {
    schemaVersion: 1,
    id: `s${n}`,
    headline: `خبر رقم ${n}`,
    section: ['world', 'economy', 'sport'][n % 3],
    publishedAt: new Date(Date.UTC(2026, 0, 1, n)).toISOString(),
    body: [{ type: 'paragraph', content: ['كلمة '.repeat(10).trim()] }],
    ...patch,
  });
}

function teaser(n: number): Teaser {
  return {
    id: `t${n}`,
    headline: `t${n}`,
    section: sectionOf('world'),
    publishedAt: '2026-01-01T00:00:00.000Z',
    readingMinutes: 1,
  };
}

const RENDITION: Rendition = {
  src: '/media/photos/p.abc-800.jpg',
  width: 1600,
  height: 900,
  srcset: '/media/photos/p.abc-480.jpg 480w, /media/photos/p.abc-800.jpg 800w',
  avifSrcset: '/media/photos/p.abc-480.avif 480w, /media/photos/p.abc-800.avif 800w',
};

function corpusOf(articles: Article[]): Corpus {
  return { dir: '/content', sections: SECTIONS, articles, media: new Map(), stamps: new Map() };
}

function build(articles: Article[], renditions = new Map<string, Rendition>()) {
  return new Map([...buildApi(corpusOf(articles), renditions)].map((f) => [f.path, f.payload]));
}

describe('listPages', () => {
  const same = (card: Teaser) => card;
  // teaser(i): a higher i is an older story, as lists are given newest first.
  const newestFirst = (count: number) => Array.from({ length: count }, (_, i) => teaser(i));
  // The list's API files, without the page markers for servers.
  const api = (files: Iterable<ApiFile>) => [...files].filter((f) => f.path.startsWith('/api/'));
  const files = (count: number) =>
    new Map(
      api(listPages('section', 'world', 'العالم', newestFirst(count), same)).map((f) => [
        f.path,
        f.payload,
      ]),
    );

  it('splits 45 stories into a head of 25 (the newest) and one chunk of the 20 oldest', () => {
    const written = files(45);
    expect([...written.keys()]).toEqual([
      apiPaths.listHead('section', 'world'),
      apiPaths.listChunk('section', 'world', 0),
    ]);
    const head = written.get(apiPaths.listHead('section', 'world')) as ListHead;
    const chunk = written.get(apiPaths.listChunk('section', 'world', 0)) as ListChunk;
    expect(head).toMatchObject({
      kind: 'section',
      id: 'world',
      name: 'العالم',
      total: 45,
      pageCount: 2,
    });
    expect(CHUNK_SIZE).toBe(20);
    expect(head.items).toEqual(newestFirst(45).slice(0, 25));
    expect(chunk).toMatchObject({ chunk: 0, items: newestFirst(45).slice(25) });
    // Page 2 is that chunk, page 3 does not exist.
    expect(chunkOfPage(2, 45)).toBe(0);
    expect(chunkOfPage(3, 45)).toBeNull();
  });

  it('makes one empty head for an empty list, and one head for fewer than 40', () => {
    expect(api(listPages('tag', 'oil', 'نفط', [], same))).toEqual([
      {
        path: '/api/tags/oil/head.json',
        payload: { kind: 'tag', id: 'oil', name: 'نفط', items: [], total: 0, pageCount: 1 },
      },
    ]);
    expect([...files(39).keys()]).toHaveLength(1);
    expect([...files(40).keys()]).toHaveLength(2);
    expect([...listPages('tag', 'نفط', 'نفط', newestFirst(21), same)].map((f) => f.path)[0]).toBe(
      '/api/tags/%D9%86%D9%81%D8%B7/head.json',
    );
  });

  it('a new story changes only the head, and once in 20 stories adds one chunk', () => {
    for (let count = 40; count < 200; count++) {
      const before = files(count);
      // The same stories plus a newer one: teaser(i) names shift, so build from ids.
      const older = newestFirst(count);
      const after = new Map(
        api(listPages('section', 'world', 'العالم', [teaser(-1), ...older], same)).map((f) => [
          f.path,
          f.payload,
        ]),
      );
      const changed = [...after].filter(
        ([path, payload]) => JSON.stringify(before.get(path)) !== JSON.stringify(payload),
      );
      const expected = [apiPaths.listHead('section', 'world')];
      if ((count + 1) % CHUNK_SIZE === 0)
        expected.push(apiPaths.listChunk('section', 'world', (count + 1) / CHUNK_SIZE - 2));
      expect(changed.map(([path]) => path)).toEqual(expected);
    }
  });

  it('marks each page a server may answer, and no page past the last', () => {
    const markers = (count: number) =>
      [...listPages('tag', 'نفط', 'نفط', newestFirst(count), same)]
        .filter((f) => !f.path.startsWith('/api/'))
        .map((f) => f.path);
    expect(markers(0)).toEqual([listPageMarker('tag', 'نفط', 1)]);
    expect(markers(45)).toEqual([
      '/.qari/list-pages/tags/%D9%86%D9%81%D8%B7/1',
      '/.qari/list-pages/tags/%D9%86%D9%81%D8%B7/2',
    ]);
  });

  it('marks, for a publish, only the pages a list gained', () => {
    // 59 → 60 stories: page 3 is new (it shows chunk 0, which did not change).
    const unchanged = () => false;
    const written = [...listPages('tag', 'oil', 'نفط', newestFirst(60), same, unchanged, 2)];
    expect(written.map((f) => f.path)).toEqual([
      apiPaths.listHead('tag', 'oil'),
      listPageMarker('tag', 'oil', 3),
    ]);
  });

  it('pages, read newest first, hold every story once, in order', () => {
    for (const count of [0, 1, 19, 20, 39, 40, 41, 99, 100, 101]) {
      const written = files(count);
      const head = written.get(apiPaths.listHead('section', 'world')) as ListHead;
      const pages = [pageFromHead(head)];
      for (let page = 2; page <= head.pageCount; page++) {
        const chunk = written.get(
          apiPaths.listChunk('section', 'world', chunkOfPage(page, count) as number),
        ) as ListChunk;
        pages.push(pageFromChunk(head, chunk, page));
      }
      expect(pages.flatMap((p) => p.items)).toEqual(newestFirst(count));
      expect(pages.map((p) => p.page)).toEqual(pages.map((_, i) => i + 1));
      expect(written.size).toBe(head.pageCount);
    }
  });
});

describe('buildFront', () => {
  const teaserOf = (articles: Article[]) => (id: string) =>
    ({ ...teaser(0), id, headline: articles.find((a) => a.id === id)?.headline ?? '' }) as Teaser;

  it('leads with the newest breaking story of the latest twelve', () => {
    const articles = Array.from({ length: 40 }, (_, i) =>
      story(i, { breaking: i === 35 || i === 10 }),
    ).sort(newestFirst);
    const front = buildFront(articles, SECTIONS, teaserOf(articles));
    expect(front.lead?.id).toBe('s35');
    expect(front.latest).toHaveLength(LATEST_COUNT);
    expect(front.latest.map((t) => t.id)).not.toContain('s35');
    expect(front.latest.map((t) => t.id)).toEqual(
      [39, 38, 37, 36, 34, 33, 32, 31, 30, 29, 28, 27].map((n) => `s${n}`),
    );
  });

  it('ignores a breaking story older than the latest twelve and leads with the newest photo story', () => {
    const hero = { src: 'https://cdn.example.com/p.jpg', alt: 'x', width: 10, height: 10 };
    const articles = Array.from({ length: 30 }, (_, i) =>
      story(i, { breaking: i === 2, ...(i === 25 ? { hero } : {}) }),
    ).sort(newestFirst);
    expect(buildFront(articles, SECTIONS, teaserOf(articles)).lead?.id).toBe('s25');
    const plain = Array.from({ length: 5 }, (_, i) => story(i)).sort(newestFirst);
    expect(buildFront(plain, SECTIONS, teaserOf(plain)).lead?.id).toBe('s4');
    expect(buildFront([], SECTIONS, teaserOf([]))).toEqual({
      lead: null,
      latest: [],
      rails: SECTIONS.map((section) => ({ section, items: [] })),
    });
  });

  it('has one rail per section in sections order, at most six each, without the lead', () => {
    const articles = Array.from({ length: 40 }, (_, i) => story(i, { breaking: i === 39 })).sort(
      newestFirst,
    );
    const front = buildFront(articles, SECTIONS, teaserOf(articles));
    expect(front.rails.map((r) => r.section.id)).toEqual(['world', 'economy', 'sport', 'empty']);
    expect(RAIL_COUNT).toBe(6);
    const ids = (i: number) => front.rails[i]?.items.map((t) => t.id);
    // Story n is in world when n % 3 === 0; s39 (world) is the lead, so its rail starts at s36.
    expect(ids(0)).toEqual([36, 33, 30, 27, 24, 21].map((n) => `s${n}`));
    expect(ids(1)).toEqual([37, 34, 31, 28, 25, 22].map((n) => `s${n}`));
    expect(ids(2)).toEqual([38, 35, 32, 29, 26, 23].map((n) => `s${n}`));
    expect(ids(3)).toEqual([]);
  });
});

describe('buildLive', () => {
  const teaserOf = (id: string) => ({ ...teaser(0), id }) as Teaser;

  it('names the newest breaking story, however far down the list it is', () => {
    const articles = Array.from({ length: 40 }, (_, i) =>
      story(i, { breaking: i === 3 || i === 1 }),
    ).sort(newestFirst);
    expect(buildLive(articles, teaserOf).breaking?.id).toBe('s3');
  });

  it('is null when no story is breaking, and validates against its schema', () => {
    const articles = Array.from({ length: 5 }, (_, i) => story(i)).sort(newestFirst);
    const live = buildLive(articles, teaserOf);
    expect(live).toEqual({ breaking: null });
    expect(v.safeParse(LivePayloadSchema, live).success).toBe(true);
    expect(v.safeParse(LivePayloadSchema, { breaking: null, extra: 1 }).success).toBe(false);
  });
});

describe('buildApi', () => {
  const hero = { src: 'media/photos/p.jpg', alt: 'صورة' };
  const remoteHero = { src: 'https://cdn.example.com/r.jpg', alt: 'r', width: 640, height: 480 };
  const articles = [
    ...Array.from({ length: 44 }, (_, i) =>
      story(i, {
        tags: i % 2 === 0 ? [{ id: 'oil', name: 'نفط' }] : [{ id: 'gas', name: 'غاز' }],
      }),
    ),
    story(50, {
      section: 'economy',
      summary: 'ملخص',
      breaking: true,
      hero,
      tags: [{ id: 'oil', name: 'نفط' }],
      body: [
        { type: 'paragraph', content: ['كلمة '.repeat(200).trim()] },
        { type: 'image', image: { src: 'media/photos/p.jpg', alt: 'x' } },
        { type: 'image', image: { src: 'media/photos/q.jpg', alt: 'no rendition' } },
        {
          type: 'readAlso',
          items: [{ id: 's3' }, { url: 'https://example.com', title: 'خارج' }, { id: 's7' }],
        },
        { type: 'readAlso', items: [{ id: 's3' }] },
      ],
      related: ['s1', 's2'],
    }),
    story(51, { hero: remoteHero }),
  ];
  const renditions = new Map([['media/photos/p.jpg', RENDITION]]);
  const files = build(articles, renditions);

  it('writes every payload so it validates against its schema', () => {
    const schemaFor = (path: string): v.GenericSchema => {
      if (path === apiPaths.sections()) return SectionListSchema;
      if (path === apiPaths.front()) return FrontPayloadSchema;
      if (path === apiPaths.live()) return LivePayloadSchema;
      if (path.startsWith('/api/articles/')) return StoryPayloadSchema;
      if (/^\/api\/(sections|tags)\/[^/]+\/head\.json$/.test(path)) return ListHeadSchema;
      if (/^\/api\/(sections|tags)\/[^/]+\/chunks\/\d+\.json$/.test(path)) return ListChunkSchema;
      if (/^\/\.qari\/list-pages\/(sections|tags)\/[^/]+\/[1-9]\d*$/.test(path))
        return v.pipe(v.number(), v.integer(), v.minValue(1));
      throw new Error(`unexpected path ${path}`);
    };
    for (const [path, payload] of files) {
      const result = v.safeParse(schemaFor(path), payload);
      expect(
        result.issues?.map((i) => `${path}: ${v.getDotPath(i)}: ${i.message}`),
      ).toBeUndefined();
    }
    // sections + front + live + 46 stories + one page per section (16, 16, 15, 0 stories) + tags
    const tagFiles = [...files.keys()].filter((p) => p.startsWith('/api/tags/'));
    const tagTotals = tagFiles
      .filter((p) => p.endsWith('/head.json'))
      .map((p) => [p, (files.get(p) as ListHead).total]);
    expect(tagTotals.sort()).toEqual([
      ['/api/tags/gas/head.json', 22],
      ['/api/tags/oil/head.json', 23],
    ]);
    // Fewer than 40 stories each: a head and no chunk.
    expect(tagFiles).toHaveLength(2);
    // …and one page marker for each of those six one-page lists.
    expect(files.size).toBe(3 + 46 + 4 + 2 + 6);
    expect(files.get(apiPaths.sections())).toEqual(SECTIONS);
  });

  it('resolves read-also ids to teasers, and gives the section and chosen related stories', () => {
    const payload = files.get(apiPaths.story('s50')) as StoryPayload;
    expect(payload.section).toEqual(sectionOf('economy'));
    expect(Object.keys(payload.readAlso)).toEqual(['s3', 's7']);
    expect(payload.readAlso.s3).toEqual({
      id: 's3',
      headline: 'خبر رقم 3',
      section: sectionOf('world'),
      publishedAt: articles[3]?.publishedAt,
      readingMinutes: 1,
    });
    expect(payload.related.map((t) => t.id)).toEqual(['s1', 's2']);
    // headline 3 + summary 1 + paragraph 200; the read-also title is not read as text.
    expect(payload.wordCount).toBe(204);
    expect(payload.readingMinutes).toBe(2);
    expect(payload.media).toEqual({ 'media/photos/p.jpg': RENDITION });
    expect(payload.article).toBe(articles[44]);
  });

  it('picks related stories where the article has none', () => {
    const payload = files.get(apiPaths.story('s42')) as StoryPayload;
    expect(payload.related).toHaveLength(4);
    // s42 is in world and tagged oil: earlier stories with both (n % 6 === 0) come first;
    // s50, newer, is never a candidate.
    expect(payload.related.map((t) => t.id)).toEqual(['s36', 's30', 's24', 's18']);
    // The oldest story has nothing earlier to point to.
    expect((files.get(apiPaths.story('s0')) as StoryPayload).related).toEqual([]);
    expect(payload.readAlso).toEqual({});
  });

  it('gives teasers a rendition for a local photo and the declared size for a remote one', () => {
    const front = files.get(apiPaths.front()) as v.InferOutput<typeof FrontPayloadSchema>;
    expect(front.lead).toMatchObject({
      id: 's50',
      breaking: true,
      summary: 'ملخص',
      image: { ...RENDITION, alt: 'صورة' },
    });
    expect(front.latest[0]).toMatchObject({
      id: 's51',
      image: { src: remoteHero.src, width: 640, height: 480, alt: 'r' },
    });
    expect(front.latest[1]).not.toHaveProperty('image');
    expect(front.latest[1]).not.toHaveProperty('breaking');
  });

  it('writes /api/live.json naming the breaking story as its teaser', () => {
    expect(files.get(apiPaths.live())).toEqual({
      breaking: (files.get(apiPaths.front()) as v.InferOutput<typeof FrontPayloadSchema>).lead,
    });
  });

  it('lists section pages newest first', () => {
    const world = files.get(apiPaths.listHead('section', 'world')) as ListHead;
    expect([world.items.length, world.total, world.pageCount]).toEqual([16, 16, 1]);
    const ids = world.items.map((t) => t.id);
    expect(ids.slice(0, 3)).toEqual(['s51', 's42', 's39']);
    const dates = world.items.map((t) => Date.parse(t.publishedAt));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(files.get(apiPaths.listHead('section', 'empty'))).toMatchObject({ total: 0, items: [] });
    expect((files.get(apiPaths.listHead('tag', 'oil')) as ListHead).name).toBe('نفط');
  });
});
