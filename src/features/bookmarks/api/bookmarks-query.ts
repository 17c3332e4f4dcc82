import { queryOptions } from '@tanstack/react-query';
import { listBookmarks } from '#shared/storage/bookmark-db.ts';

export const bookmarksQueryKey = ['bookmarks'] as const;

/** The reader's saved stories, from browser storage, most recently saved first. */
export const bookmarksQuery = () =>
  queryOptions({
    queryKey: bookmarksQueryKey,
    queryFn: listBookmarks,
    staleTime: Number.POSITIVE_INFINITY,
  });
