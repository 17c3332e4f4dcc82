import { queryOptions } from '@tanstack/react-query';
import { listBookmarks, listSavedIds } from '#shared/storage/bookmark-db.ts';

/** Every bookmark query starts with this key: invalidating it refreshes them all. */
export const bookmarksQueryKey = ['bookmarks'] as const;
export const savedIdsQueryKey = ['bookmarks', 'ids'] as const;

/** The reader's saved stories, from browser storage, most recently saved first. */
export const bookmarksQuery = () =>
  queryOptions({
    queryKey: bookmarksQueryKey,
    queryFn: listBookmarks,
    staleTime: Number.POSITIVE_INFINITY,
  });

/** Only which stories are saved: what every «حفظ» needs, without reading the records. */
export const savedIdsQuery = () =>
  queryOptions({
    queryKey: savedIdsQueryKey,
    queryFn: listSavedIds,
    staleTime: Number.POSITIVE_INFINITY,
  });
