// A page of results for a query. Shards are searched newest first, each only while
// the page is not yet full, so the first query downloads one shard, not the archive;
// results run newest shard first, by relevance within a shard (README, «Search»).
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { PAGE_SIZE } from '#content/api-paths.ts';
import { type QueryWord, queryWords } from '#content/arabic-search-terms.ts';
import { searchManifestQuery, searchShardQuery } from '../api/search-index-query.ts';
import { type Hit, searchShard } from './search-shard.ts';

export type SearchResults = {
  words: QueryWord[];
  items: Hit[];
  /** Results found in the stories searched so far. */
  total: number;
  /** Stories searched; less than `stories` when older shards were not needed yet. */
  searched: number;
  stories: number;
  /** Whether every shard was searched, so `total` is the final count. */
  complete: boolean;
};

export const searchResultsQuery = (queryClient: QueryClient, query: string, page: number) =>
  queryOptions({
    queryKey: ['search', 'results', query, page],
    queryFn: async (): Promise<SearchResults> => {
      const words = queryWords(query);
      const manifest = await queryClient.ensureQueryData(searchManifestQuery());
      const wanted = page * PAGE_SIZE + 1; // one more than the page shows: is there a next?
      const hits: Hit[] = [];
      let searched = 0;
      let shards = 0;
      if (words.length > 0) {
        for (const shard of manifest.shards) {
          if (hits.length >= wanted) break;
          const loaded = await queryClient.ensureQueryData(searchShardQuery(shard.path));
          hits.push(...searchShard(loaded, words));
          searched += shard.stories;
          shards++;
        }
      }
      return {
        words,
        items: hits.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
        total: hits.length,
        searched,
        stories: manifest.stories,
        complete: words.length === 0 || shards === manifest.shards.length,
      };
    },
    staleTime: 5 * 60 * 1000,
  });
