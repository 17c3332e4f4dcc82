// A page of results for a query, from the index on the server, or, when the network
// is off, from the stories the reader saved (docs/search.md, «Offline»).
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { NotFoundError, UnavailableError } from '#shared/api/errors.ts';
import { networkSource, SEARCH_FILES_KEY } from '../api/search-index-query.ts';
import { savedStoriesSource } from './saved-stories-source.ts';
import { runSearch, type SearchResults } from './search-engine.ts';

export type SearchPageResults = SearchResults & {
  /** True when the network failed and only saved stories were searched. */
  offline: boolean;
};

export const searchResultsQuery = (queryClient: QueryClient, query: string, page: number) =>
  queryOptions({
    queryKey: ['search', 'results', query, page],
    queryFn: async (): Promise<SearchPageResults> => {
      try {
        return { ...(await fromIndex(queryClient, query, page)), offline: false };
      } catch (error) {
        // No network (or something not our server answering): the saved stories. A
        // server error is a failure with its retry: the reader is not offline.
        if (!(error instanceof UnavailableError) || error.status !== undefined) throw error;
        return { ...(await runSearch(await savedStoriesSource(), query, page)), offline: true };
      }
    },
    // Saved-stories results give way to the full index as soon as the network is back.
    staleTime: (query) => (query.state.data?.offline ? 0 : 5 * 60 * 1000),
  });

/**
 * The query over the index on the server. Its files are cached for the visit; when one
 * they name is gone or not as named, the site was published since (a list's tail blocks
 * come, go and change): once more, over files fetched afresh.
 */
async function fromIndex(queryClient: QueryClient, query: string, page: number) {
  try {
    return await runSearch(networkSource(queryClient), query, page);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    queryClient.removeQueries({ queryKey: SEARCH_FILES_KEY });
    return runSearch(networkSource(queryClient), query, page);
  }
}
