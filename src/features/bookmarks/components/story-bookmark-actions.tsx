import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { BookmarkEntry } from '#shared/storage/bookmark-record.ts';
import { bookmarksQuery } from '../api/bookmarks-query.ts';
import { useBookmarkToggle } from '../model/use-bookmark-toggle.ts';
import { scrollToPosition, useRememberReadingPosition } from '../model/use-reading-position.ts';
import { useSaveShortcut } from '../model/use-save-shortcut.ts';
import { BookmarkButton } from './bookmark-toggle.tsx';

type Props = { id: string };

/** On a story page: the «حفظ» toggle (also on `s`), and «تابع القراءة» for a saved story read partly. */
export function StoryBookmarkActions({ id }: Props) {
  const { saved, toggle } = useBookmarkToggle(id);
  useSaveShortcut(toggle);
  useRememberReadingPosition(id, saved);
  // The position as it was when the story opened: where the reader left off last time
  // (records are read only for a saved story: a first view reads none).
  const { data: entry } = useQuery({
    ...bookmarksQuery(),
    select: (entries: BookmarkEntry[]) => entries.find((e) => e.id === id) ?? null,
    enabled: saved,
  });
  const [resume] = useState(() => entry?.position);
  const position = resume ?? entry?.position;
  const offerResume = saved && position !== undefined && position > 0.05 && position < 0.97;
  return (
    <>
      <BookmarkButton id={id} saved={saved} onToggle={toggle} shortcut />
      {offerResume && (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => scrollToPosition(position)}
        >
          تابع القراءة
        </button>
      )}
    </>
  );
}
