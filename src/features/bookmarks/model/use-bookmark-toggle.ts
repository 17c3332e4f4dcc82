import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { teaserOf } from '#content/teaser.ts';
import { storyQuery } from '#shared/api/story-query.ts';
import {
  getBookmark,
  removeBookmark,
  StorageFullError,
  saveBookmarks,
} from '#shared/storage/bookmark-db.ts';
import type { BookmarkEntry } from '#shared/storage/bookmark-record.ts';
import { announceBookmarksChanged } from '#shared/storage/bookmark-sync.ts';
import { announce } from '#shared/ui/announcer.tsx';
import { bookmarksQuery, bookmarksQueryKey } from '../api/bookmarks-query.ts';

// Writes for one story run one after another, so fast double clicks end in the last state asked for.
const queues = new Map<string, Promise<unknown>>();
function serially<T>(id: string, task: () => Promise<T>): Promise<T> {
  const next = (queues.get(id) ?? Promise.resolve()).then(task, task);
  queues.set(
    id,
    next.catch(() => undefined),
  );
  return next;
}

/** Whether a story is saved, and a toggle that saves the whole story (for offline reading) or removes it. */
export function useBookmarkToggle(id: string) {
  const queryClient = useQueryClient();
  const { data: saved = false } = useQuery({
    ...bookmarksQuery(),
    select: (entries: BookmarkEntry[]) => entries.some((entry) => entry.id === id),
  });

  const toggle = useCallback(async () => {
    // Removal shows at once; storage follows, one write at a time per story.
    queryClient.setQueryData<BookmarkEntry[]>(bookmarksQueryKey, (entries) =>
      entries?.filter((entry) => entry.id !== id),
    );
    try {
      const action = await serially(id, async () => {
        // The stored state decides, not the screen: rapid clicks alternate exactly.
        if (await getBookmark(id)) {
          await removeBookmark(id);
          return 'removed' as const;
        }
        const payload = await queryClient.ensureQueryData(storyQuery(id));
        await saveBookmarks([{ payload, teaser: teaserOf(payload), savedAt: Date.now() }]);
        return 'saved' as const;
      });
      announce(action === 'saved' ? 'تم الحفظ' : 'أزيلت من المحفوظات');
    } catch (error) {
      console.error(error);
      announce(
        error instanceof StorageFullError
          ? 'تعذّر الحفظ: امتلأت مساحة التخزين في المتصفح. احذف بعض المحفوظات ثم أعد المحاولة.'
          : 'تعذّر تحديث المحفوظات. أعد المحاولة.',
      );
    } finally {
      await queryClient.invalidateQueries({ queryKey: bookmarksQueryKey });
      announceBookmarksChanged();
    }
  }, [id, queryClient]);

  return { saved, toggle };
}
