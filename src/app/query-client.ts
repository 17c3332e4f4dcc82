import { QueryClient } from '@tanstack/react-query';
import { isNotFound } from '#shared/api/errors.ts';

/** The one cache for the app: loaders fill it, components read it. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A story already seen opens at once and is revalidated in the background.
        staleTime: 30_000,
        gcTime: 30 * 60_000,
        // Queries run offline too (saved stories answer from the browser); a failed one is
        // retried once, and not at all while offline, so the reader sees why at once.
        networkMode: 'always',
        retry: (failures, error) => !isNotFound(error) && failures < 1 && navigator.onLine,
        refetchOnWindowFocus: false,
      },
    },
  });
}
