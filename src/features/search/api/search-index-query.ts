// The search index over the network: every file a query needs (term chunks, long
// posting lists' heads and tails, word lists, story records) is one small JSON fetch,
// checked against its schema and cached for the visit, so a later query pays only for
// what is new.
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type * as v from 'valibot';
import { searchPaths } from '#content/search-index-layout.ts';
import {
  searchDocRecordSchema,
  searchLexiconSchema,
  searchPostingListSchema,
  searchTermChunkSchema,
} from '#shared/api/content-schemas.ts';
import { fetchJson } from '#shared/api/fetch-json.ts';
import type { SearchSource } from '../model/search-engine.ts';

/** The query keys of every index file start so: drop them all to read the index afresh. */
export const SEARCH_FILES_KEY = ['search', 'file'] as const;

export const searchFileQuery = <TSchema extends v.GenericSchema>(
  path: string,
  schema: () => Promise<TSchema>,
) =>
  queryOptions({
    queryKey: [...SEARCH_FILES_KEY, path],
    queryFn: ({ signal }) => fetchJson(path, schema, signal),
    // Index files change only when the site is published again.
    staleTime: 10 * 60 * 1000,
  });

/** The index as the server has it, through the query cache. */
export function networkSource(queryClient: QueryClient): SearchSource {
  const listAt = (path: string) =>
    queryClient.ensureQueryData(searchFileQuery(path, searchPostingListSchema));
  const postingsAt = async (path: string) => (await listAt(path)).postings;
  return {
    terms: (chunk) =>
      queryClient.ensureQueryData(searchFileQuery(searchPaths.terms(chunk), searchTermChunkSchema)),
    list: (surface) => listAt(searchPaths.list(surface)),
    tail: (surface, first) => postingsAt(searchPaths.tail(surface, first)),
    lexicon: (chunk) =>
      queryClient.ensureQueryData(searchFileQuery(searchPaths.lexicon(chunk), searchLexiconSchema)),
    doc: (key) =>
      queryClient.ensureQueryData(searchFileQuery(searchPaths.doc(key), searchDocRecordSchema)),
  };
}
