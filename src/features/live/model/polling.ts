// How an open page checks what it shows, through TanStack Query's own timers: every
// minute while the tab is visible (`refetchIntervalInBackground: false`), at once when
// it becomes visible again or the browser comes back online, not at all while offline
// (`networkMode: 'online'` pauses the request), and after a failure later and later:
// 2, 4, 8 minutes, then every 10 until one succeeds.
import {
  hashKey,
  type Query,
  type QueryFunction,
  type QueryFunctionContext,
  type QueryKey,
} from '@tanstack/react-query';

export const CHECK_EVERY = 60_000;
export const CHECK_AT_MOST_EVERY = 10 * 60_000;
/** A tab that comes back into view checks at once, unless it checked this recently. */
const RECENT = 10_000;

// Consecutive failures of each watched query, by its hash: TanStack counts a query's
// failures per fetch only.
const failures = new Map<string, number>();

/** The wait before the next check of `query`: a minute, doubled for each failure in a row. */
export function checkInterval(query: Pick<Query, 'queryHash'>): number {
  const failed = failures.get(query.queryHash) ?? 0;
  return Math.min(CHECK_EVERY * 2 ** failed, CHECK_AT_MOST_EVERY);
}

/** `check` with its failures counted, for checkInterval. */
export function counted<T, TKey extends QueryKey>(
  check: (context: QueryFunctionContext<TKey>) => Promise<T>,
): QueryFunction<T, TKey> {
  return async (context) => {
    const hash = hashKey(context.queryKey);
    try {
      const result = await check(context);
      failures.delete(hash);
      return result;
    } catch (error) {
      failures.set(hash, (failures.get(hash) ?? 0) + 1);
      throw error;
    }
  };
}

/** The options every watcher shares. */
export const polling = {
  staleTime: RECENT,
  refetchInterval: checkInterval,
  refetchIntervalInBackground: false,
  refetchOnWindowFocus: true,
  refetchOnReconnect: true,
  networkMode: 'online',
  // The next check is the retry.
  retry: false,
} as const;

/** For tests. */
export function resetFailures(): void {
  failures.clear();
}
