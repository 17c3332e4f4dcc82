// @vitest-environment node
import { QueryClient } from '@tanstack/react-query';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import type { SearchDoc, SearchManifest } from '#content/api-schema.ts';
import { searchIndexOptions } from '#content/arabic-search-terms.ts';
import { searchManifestQuery, searchShardQuery } from '../api/search-index-query.ts';
import { searchResultsQuery } from './search-results-query.ts';

const section = { id: 'world', name: 'العالم' };

/** Shards of `size` stories each whose headline holds «نفط»; shard n is older than n-1. */
function seed(shardSizes: number[]) {
  const client = new QueryClient();
  const manifest: SearchManifest = { version: 1, stories: 0, bodyWords: 40, shards: [] };
  shardSizes.forEach((size, s) => {
    const index = new MiniSearch(searchIndexOptions);
    const docs: SearchDoc[] = [];
    for (let n = 0; n < size; n++) {
      const headline = `نفط رقم ${s}-${n}`;
      index.add({ n, headline, summary: '', tags: '', body: '' });
      docs.push({
        id: `s${s}-${n}`,
        headline,
        section,
        publishedAt: '2026-01-01T00:00:00Z',
        excerpt: '',
      });
    }
    const path = `/api/search/shard-${s}.json`;
    client.setQueryData(searchShardQuery(path).queryKey, { index, docs });
    manifest.shards.push({ path, stories: size, newest: '', oldest: '' });
    manifest.stories += size;
  });
  client.setQueryData(searchManifestQuery().queryKey, manifest);
  return client;
}

const run = (client: QueryClient, query: string, page: number) =>
  client.fetchQuery(searchResultsQuery(client, query, page));

describe('searchResultsQuery', () => {
  it('searches only the newest shard while it fills the page', async () => {
    const client = seed([30, 30, 30]);
    const results = await run(client, 'النفط', 1);
    expect(results.items).toHaveLength(20);
    expect(results.items[0]?.doc.id.startsWith('s0-')).toBe(true);
    expect(results).toMatchObject({ total: 30, searched: 30, stories: 90, complete: false });
  });

  it('goes on to older shards for later pages, newest shard first', async () => {
    const client = seed([30, 30, 30]);
    const page2 = await run(client, 'نفط', 2);
    expect(page2.items.map((h) => h.doc.id.slice(0, 3))).toEqual([
      ...Array(10).fill('s0-'),
      ...Array(10).fill('s1-'),
    ]);
    const page5 = await run(client, 'نفط', 5);
    expect(page5).toMatchObject({ total: 90, complete: true });
    expect(page5.items).toHaveLength(10);
  });

  it('searches every shard for a word found nowhere, and says so', async () => {
    const results = await run(seed([5, 5]), 'قمح', 1);
    expect(results).toMatchObject({ total: 0, searched: 10, complete: true, items: [] });
  });
});
