import { QueryClient } from '@tanstack/react-query';
import { isNotFound, TimeoutError } from '#shared/api/errors.ts';

/**
 * A failed query is retried once, and not at all while offline, so the reader sees why at
 * once; never when the content is missing, nor after a timeout (the reader has already
 * waited; the failure view offers «إعادة المحاولة»).
 */
export function retryQuery(failures: number, error: unknown): boolean {
  return !isNotFound(error) && !(error instanceof TimeoutError) && failures < 1 && navigator.onLine;
}

/** The one cache for the app: loaders fill it, components read it. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A story already seen opens at once and is revalidated in the background.
        staleTime: 30_000,
        gcTime: 30 * 60_000,
        // Queries run offline too (saved stories answer from the browser).
        networkMode: 'always',
        retry: retryQuery,
        refetchOnWindowFocus: false,
      },
    },
  });
}
