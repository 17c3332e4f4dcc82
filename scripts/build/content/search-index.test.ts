// @vitest-environment node
import MiniSearch from 'minisearch';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { apiPaths } from '#content/api-paths.ts';
import {
  type SearchManifest,
  SearchManifestSchema,
  type SearchShard,
  SearchShardSchema,
} from '#content/api-schema.ts';
import { queryWords, searchIndexOptions } from '#content/arabic-search-terms.ts';
import { type Article, ArticleSchema, type Section } from '#content/article-schema.ts';
import { searchShard } from '#features/search/model/search-shard.ts';
import type { Corpus } from './load-content.ts';
import {
  BODY_WORDS,
  bodyText,
  buildSearchIndex,
  firstWords,
  SHARD_STORIES,
  searchIndexFiles,
} from './search-index.ts';

const SECTIONS: Section[] = [
  { id: 'world', name: 'العالم' },
  { id: 'economy', name: 'اقتصاد' },
];

function story(n: number, patch: Record<string, unknown> = {}): Article {
  return v.parse(ArticleSchema, {
    schemaVersion: 1,
    id: `s${n}`,
    headline: `خبر رقم ${n}`,
    section: n % 2 ? 'world' : 'economy',
    publishedAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
    body: [{ type: 'paragraph', content: ['نص قصير عن المدينة'] }],
    ...patch,
  });
}

function filesOf(articles: Article[]) {
  const corpus: Corpus = { dir: '/c', sections: SECTIONS, articles, media: new Map() };
  return new Map([...searchIndexFiles(corpus)].map((f) => [f.path, f.payload]));
}

function load(shard: SearchShard) {
  return {
    index: MiniSearch.loadJS(
      shard.index as Parameters<typeof MiniSearch.loadJS>[0],
      searchIndexOptions,
    ),
    docs: shard.docs,
  };
}

describe('firstWords and bodyText', () => {
  it('keeps the text as written up to the n-th word and marks the cut', () => {
    expect(firstWords('قال الوزير: «الاقتصاد ينمو» اليوم.', 3)).toBe('قال الوزير: «الاقتصاد…');
    expect(firstWords('كلمتان فقط', 3)).toBe('كلمتان فقط');
  });
  it('reads paragraphs, headings, quotes and lists, not captions or read-also', () => {
    const article = story(1, {
      body: [
        { type: 'paragraph', content: ['أول ', { text: 'رابط', href: 'https://a.example' }] },
        { type: 'heading', text: 'عنوان' },
        { type: 'quote', content: ['اقتباس'] },
        { type: 'list', ordered: false, items: [['بند']] },
        {
          type: 'image',
          image: {
            src: 'https://a.example/p.jpg',
            alt: 'صورة',
            caption: 'تعليق',
            width: 2,
            height: 1,
          },
        },
      ],
    });
    expect(bodyText(article)).toBe('أول رابط عنوان اقتباس بند');
  });
});

describe('buildSearchIndex', () => {
  it('writes a manifest and one shard per SHARD_STORIES stories, newest first', () => {
    const articles = Array.from({ length: SHARD_STORIES + 5 }, (_, i) => story(i));
    const files = filesOf(articles);
    const manifest = v.parse(
      SearchManifestSchema,
      files.get(apiPaths.searchManifest()),
    ) as SearchManifest;
    expect(manifest.stories).toBe(SHARD_STORIES + 5);
    expect(manifest.bodyWords).toBe(BODY_WORDS);
    expect(manifest.shards.map((s) => [s.path, s.stories])).toEqual([
      [apiPaths.searchShard(0), SHARD_STORIES],
      [apiPaths.searchShard(1), 5],
    ]);
    const first = v.parse(SearchShardSchema, files.get(apiPaths.searchShard(0)));
    expect(first.docs[0]?.id).toBe(`s${SHARD_STORIES + 4}`);
    expect(manifest.shards[0]?.newest).toBe(articles.at(-1)?.publishedAt);
    const last = v.parse(SearchShardSchema, files.get(apiPaths.searchShard(1)));
    expect(last.docs.map((d) => d.id)).toEqual(['s4', 's3', 's2', 's1', 's0']);
  });

  it('writes an empty manifest for an empty corpus', () => {
    const files = filesOf([]);
    expect(files.get(apiPaths.searchManifest())).toMatchObject({ stories: 0, shards: [] });
  });

  it('indexes headline, summary, tags and the start of the body, and the browser finds them', () => {
    const long = Array.from({ length: BODY_WORDS + 10 }, (_, i) => `كلمة${i}`).join(' ');
    const articles = [
      story(1, { headline: 'الجامعة الإسلامية تفتح أبوابها' }),
      story(2, { summary: 'تراجع الاقتصاد في الربع الأول' }),
      story(3, { tags: [{ id: 'oil', name: 'نفط' }] }),
      story(4, { body: [{ type: 'paragraph', content: [`${long} مخبأة`] }] }),
    ];
    const shard = v.parse(SearchShardSchema, filesOf(articles).get(apiPaths.searchShard(0)));
    const loaded = load(shard);
    const ids = (q: string) => searchShard(loaded, queryWords(q)).map((h) => h.doc.id);
    expect(ids('الاسلامية')).toEqual(['s1']);
    expect(ids('والاقتصاد')).toEqual(['s2']);
    expect(ids('نفط')).toEqual(['s3']);
    expect(ids('كلمة5')).toEqual(['s4']);
    expect(ids('مخبأة')).toEqual([]); // beyond the indexed start of the body
    const doc = shard.docs.find((d) => d.id === 's4');
    expect(doc?.excerpt.endsWith('…')).toBe(true);
    expect(shard.docs.find((d) => d.id === 's2')).toMatchObject({
      summary: 'تراجع الاقتصاد في الربع الأول',
      section: SECTIONS[1],
    });
  });

  it('builds shards from a sorted list it is given', () => {
    const sections = new Map(SECTIONS.map((s) => [s.id, s]));
    const files = [...buildSearchIndex([story(2), story(1)], sections)];
    expect(files.map((f) => f.path)).toEqual([apiPaths.searchShard(0), apiPaths.searchManifest()]);
  });
});
