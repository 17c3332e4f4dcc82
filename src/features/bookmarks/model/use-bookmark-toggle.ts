import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { teaserOf } from '#content/teaser.ts';
import { storyQuery } from '#shared/api/story-query.ts';
import {
  firstTapSaved,
  serverFirstTapSaved,
  settleFirstTapSave,
  subscribeFirstTaps,
  takeFirstTapSaves,
  whenAppReady,
} from '#shared/lib/first-taps.ts';
import {
  getBookmark,
  removeBookmark,
  StorageFullError,
  saveBookmarks,
} from '#shared/storage/bookmark-db.ts';
import type { BookmarkEntry } from '#shared/storage/bookmark-record.ts';
import { announceBookmarksChanged } from '#shared/storage/bookmark-sync.ts';
import { announce } from '#shared/ui/announcer.tsx';
import { bookmarksQueryKey, savedIdsQuery, savedIdsQueryKey } from '../api/bookmarks-query.ts';

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

/**
 * Saves the whole story (for offline reading) or removes it, after any write for it
 * still under way, and tells the reader. `want` is the state asked for; without it,
 * the opposite of what storage holds (the stored state decides, not the screen, so
 * rapid clicks alternate exactly). Asking for the state storage holds writes nothing.
 */
async function setBookmark(queryClient: QueryClient, id: string, want?: boolean): Promise<void> {
  try {
    const saved = await serially(id, async () => {
      const stored = (await getBookmark(id)) !== null;
      const next = want ?? !stored;
      if (next === stored) return next;
      if (next) {
        const payload = await queryClient.ensureQueryData(storyQuery(id));
        await saveBookmarks([{ payload, teaser: teaserOf(payload), savedAt: Date.now() }]);
      } else {
        await removeBookmark(id);
      }
      return next;
    });
    announce(saved ? 'تم الحفظ' : 'أزيلت من المحفوظات');
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
}

/**
 * Whether a story is saved, and a toggle that saves the whole story or removes it. A
 * «حفظ» tapped before the app ran shows as the reader left it until it is carried out.
 */
export function useBookmarkToggle(id: string) {
  const queryClient = useQueryClient();
  const { data: stored = false } = useQuery({
    ...savedIdsQuery(),
    select: (ids: string[]) => ids.includes(id),
  });
  const firstTap = useSyncExternalStore(
    subscribeFirstTaps,
    () => firstTapSaved(id),
    serverFirstTapSaved,
  );

  const toggle = useCallback(async () => {
    // A tap now supersedes one made before the app ran. It asks for the opposite of what
    // the button shows: the wish's state, when the wish is not carried out yet (the app
    // has hydrated but is not ready: a double tap across the two must leave nothing
    // saved), else what storage holds once the wish's write, queued before it, is done.
    const shown = firstTapSaved(id);
    settleFirstTapSave(id);
    // Removal shows at once; storage follows, one write at a time per story.
    queryClient.setQueryData<string[]>(savedIdsQueryKey, (ids) => ids?.filter((x) => x !== id));
    queryClient.setQueryData<BookmarkEntry[]>(bookmarksQueryKey, (entries) =>
      entries?.filter((entry) => entry.id !== id),
    );
    await setBookmark(queryClient, id, shown == null ? shown : !shown);
  }, [id, queryClient]);

  return { saved: firstTap ?? stored, toggle };
}

/**
 * Carries out, once the app is ready, each «حفظ» tapped before it ran: the story ends
 * in the state the reader left the button in. Mounted once, in the app shell.
 */
export function useFirstTapSaves(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      whenAppReady(() => {
        for (const [id, want] of takeFirstTapSaves()) {
          void setBookmark(queryClient, id, want).finally(() => settleFirstTapSave(id));
        }
      }),
    [queryClient],
  );
}
