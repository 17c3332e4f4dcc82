// @vitest-environment node
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { apiPaths, PAGE_SIZE } from '#content/api-paths.ts';
import {
  FrontPayloadSchema,
  type ListPage,
  ListPageSchema,
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
import {
  type ApiFile,
  buildApi,
  buildFront,
  LATEST_COUNT,
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
  return { dir: '/content', sections: SECTIONS, articles, media: new Map() };
}

function build(articles: Article[], renditions = new Map<string, Rendition>()) {
  return new Map([...buildApi(corpusOf(articles), renditions)].map((f) => [f.path, f.payload]));
}

describe('listPages', () => {
  it('splits 45 teasers into pages of 20, 20 and 5 that link to each other', () => {
    const items = Array.from({ length: 45 }, (_, i) => teaser(i));
    const pages: ApiFile[] = [...listPages('section', 'world', 'العالم', items)];
    expect(PAGE_SIZE).toBe(20);
    expect(pages.map((p) => p.path)).toEqual([
      '/api/sections/world/1.json',
      '/api/sections/world/2.json',
      '/api/sections/world/3.json',
    ]);
    const payloads = pages.map((p) => p.payload as ListPage);
    expect(payloads.map((p) => p.items.length)).toEqual([20, 20, 5]);
    expect(payloads.map((p) => [p.page, p.pageCount, p.total])).toEqual([
      [1, 3, 45],
      [2, 3, 45],
      [3, 3, 45],
    ]);
    expect(payloads.map((p) => [p.prev, p.next])).toEqual([
      [null, '/api/sections/world/2.json'],
      ['/api/sections/world/1.json', '/api/sections/world/3.json'],
      ['/api/sections/world/2.json', null],
    ]);
    expect(payloads.flatMap((p) => p.items)).toEqual(items);
    expect(payloads[0]).toMatchObject({ kind: 'section', id: 'world', name: 'العالم' });
  });

  it('makes one empty page for an empty list', () => {
    const pages = [...listPages('tag', 'oil', 'نفط', [])];
    expect(pages).toEqual([
      {
        path: '/api/tags/oil/1.json',
        payload: {
          kind: 'tag',
          id: 'oil',
          name: 'نفط',
          page: 1,
          pageCount: 1,
          total: 0,
          items: [],
          next: null,
          prev: null,
        },
      },
    ]);
  });

  it('makes exactly one page for 20 and two for 21, and percent-encodes Arabic ids', () => {
    expect([
      ...listPages(
        'tag',
        'نفط',
        'نفط',
        Array.from({ length: 20 }, (_, i) => teaser(i)),
      ),
    ]).toHaveLength(1);
    const pages = [
      ...listPages(
        'tag',
        'نفط',
        'نفط',
        Array.from({ length: 21 }, (_, i) => teaser(i)),
      ),
    ];
    expect(pages.map((p) => p.path)).toEqual([
      apiPaths.tagPage('نفط', 1),
      apiPaths.tagPage('نفط', 2),
    ]);
    expect(pages[0]?.path).toBe('/api/tags/%D9%86%D9%81%D8%B7/1.json');
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
      if (path.startsWith('/api/articles/')) return StoryPayloadSchema;
      if (/^\/api\/(sections|tags)\/[^/]+\/\d+\.json$/.test(path)) return ListPageSchema;
      throw new Error(`unexpected path ${path}`);
    };
    for (const [path, payload] of files) {
      const result = v.safeParse(schemaFor(path), payload);
      expect(
        result.issues?.map((i) => `${path}: ${v.getDotPath(i)}: ${i.message}`),
      ).toBeUndefined();
    }
    // sections + front + 46 stories + one page per section (16, 16, 15, 0 stories) + tags
    const tagFiles = [...files.keys()].filter((p) => p.startsWith('/api/tags/'));
    expect(tagFiles.sort()).toEqual([
      '/api/tags/gas/1.json',
      '/api/tags/gas/2.json',
      '/api/tags/oil/1.json',
      '/api/tags/oil/2.json',
    ]);
    expect(files.size).toBe(2 + 46 + 4 + 4);
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
    const payload = files.get(apiPaths.story('s0')) as StoryPayload;
    expect(payload.related).toHaveLength(4);
    expect(payload.related.map((t) => t.id)).not.toContain('s0');
    // s0 is in world and tagged oil: stories with both (n % 6 === 0) outrank s50 (oil only).
    expect(payload.related.map((t) => t.id)).toEqual(['s42', 's36', 's30', 's24']);
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

  it('lists section pages newest first', () => {
    const world = [1].map((p) => files.get(apiPaths.sectionPage('world', p)) as ListPage);
    expect(world.map((p) => [p.items.length, p.total, p.next])).toEqual([[16, 16, null]]);
    const ids = world.flatMap((p) => p.items.map((t) => t.id));
    expect(ids.slice(0, 3)).toEqual(['s51', 's42', 's39']);
    const dates = world.flatMap((p) => p.items.map((t) => Date.parse(t.publishedAt)));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(files.get(apiPaths.sectionPage('empty', 1))).toMatchObject({ total: 0, items: [] });
    expect((files.get(apiPaths.tagPage('oil', 1)) as ListPage).name).toBe('نفط');
  });
});
