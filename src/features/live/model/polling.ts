// How an open page checks what it shows, through TanStack Query's own timers: every
// minute while the tab is visible (`refetchIntervalInBackground: false`), at once when
// it becomes visible again or the browser comes back online, not at all while offline
// (`networkMode: 'online'` pauses the request), and after a failure later and later:
// 2, 4, 8 minutes, then every 10 until one succeeds. A request that never reached the
// server is tried once more first, 3 s later (retryCheck).
import type { Query } from '@tanstack/react-query';
import { NetworkError } from '#shared/api/errors.ts';

export const CHECK_EVERY = 60_000;
export const CHECK_AT_MOST_EVERY = 10 * 60_000;
/** A tab that comes back into view checks at once, unless it checked this recently. */
const RECENT = 10_000;

/** What checkInterval reads of a query: its state's times and count of failures. */
export type CheckState = Pick<
  Query['state'],
  'dataUpdatedAt' | 'errorUpdatedAt' | 'errorUpdateCount'
>;

// Each watched query's count of failures when it last succeeded: TanStack counts a
// query's failures over its life, and per fetch, not in a row.
const failuresBefore = new WeakMap<object, number>();

/** The wait before the next check of `query`: a minute, doubled for each failure in a row. */
export function checkInterval(query: { state: CheckState }): number {
  const { dataUpdatedAt, errorUpdatedAt, errorUpdateCount } = query.state;
  if (dataUpdatedAt >= errorUpdatedAt) failuresBefore.set(query, errorUpdateCount);
  const failed = errorUpdateCount - (failuresBefore.get(query) ?? 0);
  return Math.min(CHECK_EVERY * 2 ** failed, CHECK_AT_MOST_EVERY);
}

/**
 * Whether a failed check is tried again before the backoff: once, when the request got no
 * answer at all (a connection coming back often drops its first request). An error
 * status or a timeout says the server is in trouble: the backoff spares it.
 */
export const retryCheck = (failures: number, error: unknown): boolean =>
  failures < 1 && error instanceof NetworkError;
export const RETRY_AFTER = 3_000;

/** The options every watcher shares. */
export const polling = {
  staleTime: RECENT,
  refetchInterval: checkInterval,
  refetchIntervalInBackground: false,
  refetchOnWindowFocus: true,
  refetchOnReconnect: true,
  networkMode: 'online',
  retry: retryCheck,
  retryDelay: RETRY_AFTER,
} as const;
