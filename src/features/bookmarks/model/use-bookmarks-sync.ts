import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onBookmarksChanged } from '#shared/storage/bookmark-sync.ts';
import { bookmarksQueryKey } from '../api/bookmarks-query.ts';

/** Re-reads bookmarks when another tab changes them. Mounted once, in the app shell. */
export function useBookmarksSync(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onBookmarksChanged(() => void queryClient.invalidateQueries({ queryKey: bookmarksQueryKey })),
    [queryClient],
  );
}
