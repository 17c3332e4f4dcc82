import { QueryClient } from '@tanstack/react-query';
import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PostingList } from '#content/api-schema.ts';
import { type Article, ArticleSchema, type Section } from '#content/article-schema.ts';
import { buildSearchFiles } from '#content/search-index-build.ts';
import { searchPaths } from '#content/search-index-layout.ts';
import { memorySource } from './saved-stories-source.ts';
import { runSearch } from './search-engine.ts';
import { searchResultsQuery } from './search-results-query.ts';

const SECTIONS = new Map<string, Section>([['world', { id: 'world', name: 'العالم' }]]);
const SHAPE = { head: 5, slack: 2, block: 4 }; // a head of 5 or a few more, then blocks of 4 on average

const story = (n: number): Article =>
  v.parse(ArticleSchema, {
    schemaVersion: 1,
    id: `s${n}`,
    headline: n % 4 ? 'خبر' : 'المدينة تحتفل',
    section: 'world',
    publishedAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
    body: [{ type: 'paragraph', content: ['نص عن المدينة'] }],
  });

const filesOf = (articles: Article[]) =>
  new Map(
    [...buildSearchFiles(articles, SECTIONS, SHAPE)].map((f) => [
      f.path,
      JSON.stringify(f.payload),
    ]),
  );

/** The server: each index file by its path, a 404 for any other. */
function serve(files: () => Map<string, string>) {
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const path = new URL(String(input), 'http://qari.test').pathname;
    const body = files().get(path);
    return body === undefined
      ? new Response('{"error":"not found"}', {
          status: 404,
          headers: { 'content-type': 'application/json' },
        })
      : new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  });
}

describe('searchResultsQuery', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads the index afresh when a file its cached files name is gone (a publish since)', async () => {
    const before = Array.from({ length: 40 }, (_, i) => story(i));
    const after = before.slice(0, 25); // the list shrinks back into its chunk: its blocks go
    let live = filesOf(before);
    const blocksIn = (files: Map<string, string>) =>
      (JSON.parse(files.get(searchPaths.list('مدينه')) as string) as PostingList).tail ?? [];
    const promised = blocksIn(live);
    serve(() => live);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const first = await queryClient.fetchQuery(searchResultsQuery(queryClient, 'المدينة', 1));
    expect(first.items).toHaveLength(20);
    live = filesOf(after);
    expect(promised.some(([first]) => !live.has(searchPaths.tail('مدينه', first)))).toBe(true);
    // Page 2 needs blocks that are gone, which the cached chunk and head still promise.
    const second = await queryClient.fetchQuery(searchResultsQuery(queryClient, 'المدينة', 2));
    const expected = await runSearch(
      memorySource((path) => {
        const text = live.get(path);
        return text === undefined ? undefined : JSON.parse(text);
      }),
      'المدينة',
      2,
    );
    expect(second.offline).toBe(false);
    expect(second.items.map((h) => h.doc.id)).toEqual(expected.items.map((h) => h.doc.id));
    expect(second.items).toHaveLength(5);
  });
});
