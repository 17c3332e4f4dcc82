import type { QueryClient } from '@tanstack/react-query';
import { type LoaderFunctionArgs, useSearchParams } from 'react-router';
import { queryWords } from '#content/arabic-search-terms.ts';
import { pageMeta } from '#content/page-meta.ts';
import { SearchPage } from '#features/search/components/search-page.tsx';
import { searchResultsQuery } from '#features/search/model/search-results-query.ts';
import { pageNumber } from '#shared/lib/page-number.ts';
import { useDocumentMeta } from '#shared/lib/use-document-meta.ts';
import { NotFoundView } from '#shared/ui/not-found-view.tsx';

/** Starts loading the index and searching as the route loads, without waiting for it. */
export const createSearchLoader =
  (queryClient: QueryClient) =>
  ({ request }: LoaderFunctionArgs) => {
    const params = new URL(request.url).searchParams;
    const query = params.get('q') ?? '';
    const page = pageNumber(params.get('page'));
    if (page && queryWords(query).length > 0) {
      void queryClient.prefetchQuery(searchResultsQuery(queryClient, query, page));
    }
    return null;
  };

/** `/search?q=…&page=N`: the query lives in the URL, so back, forward and refresh keep it. */
export function SearchRoute() {
  const [params] = useSearchParams();
  const query = params.get('q') ?? '';
  const page = pageNumber(params.get('page'));
  useDocumentMeta(pageMeta.search(query.trim()));
  if (page === null) return <NotFoundView />;
  return <SearchPage query={query} page={page} />;
}
