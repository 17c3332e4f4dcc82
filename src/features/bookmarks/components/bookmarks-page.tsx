import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { memo, useCallback, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { countLabel } from '#shared/lib/count-label.ts';
import { usePageHeadingFocus } from '#shared/lib/page-focus.ts';
import { useProgressiveList } from '#shared/lib/use-progressive-list.ts';
import { useStoryIds } from '#shared/lib/use-story-ids.ts';
import { removeBookmark } from '#shared/storage/bookmark-db.ts';
import type { BookmarkEntry } from '#shared/storage/bookmark-record.ts';
import { announceBookmarksChanged } from '#shared/storage/bookmark-sync.ts';
import { withdrawnStories } from '#shared/storage/story-id-store.ts';
import { announce } from '#shared/ui/announcer.tsx';
import { StoryCard } from '#shared/ui/story-card.tsx';
import { bookmarksQuery, bookmarksQueryKey } from '../api/bookmarks-query.ts';
import { BookmarkTransfer } from './bookmark-transfer.tsx';
import { StorageNotice } from './storage-notice.tsx';
import './bookmarks-page.css';

const SAVED_FORMS = {
  zero: 'لا قصص محفوظة',
  one: 'قصة واحدة محفوظة',
  two: 'قصتان محفوظتان',
  few: '{n} قصص محفوظة',
  many: '{n} قصة محفوظة',
  other: '{n} قصة محفوظة',
};

type Sort = 'saved' | 'published';

/** «المحفوظات»: saved stories, most recently saved first, with sort, filter, remove, export and import. */
export function BookmarksPage() {
  const { data: entries } = useSuspenseQuery(bookmarksQuery());
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  usePageHeadingFocus(heading, 'bookmarks');
  const [sort, setSort] = useState<Sort>('saved');
  const [section, setSection] = useState('');
  const sortId = useId();
  const sectionId = useId();

  const sections = useMemo(
    () => [...new Map(entries.map((e) => [e.teaser.section.id, e.teaser.section])).values()],
    [entries],
  );
  const shown = useMemo(() => {
    const filtered = section ? entries.filter((e) => e.teaser.section.id === section) : entries;
    return sort === 'saved'
      ? filtered
      : [...filtered].sort(
          (a, b) => Date.parse(b.teaser.publishedAt) - Date.parse(a.teaser.publishedAt),
        );
  }, [entries, sort, section]);
  // Thousands of saved stories (a large import) are rendered a few dozen at a time.
  const visible = useProgressiveList(shown);
  // Stories found withdrawn when last opened: the saved copy stays, marked.
  const withdrawn = useStoryIds(withdrawnStories);

  const remove = useCallback(
    async (id: string) => {
      await removeBookmark(id);
      await queryClient.invalidateQueries({ queryKey: bookmarksQueryKey });
      announceBookmarksChanged();
      announce('أزيلت من المحفوظات');
    },
    [queryClient],
  );

  return (
    <div className="bookmarks">
      <header className="bookmarks__header">
        <h1 ref={heading} tabIndex={-1} className="bookmarks__title">
          المحفوظات
        </h1>
        <p className="bookmarks__count">{countLabel(entries.length, SAVED_FORMS)}</p>
        <StorageNotice />
      </header>
      {entries.length === 0 ? (
        <div className="bookmarks__empty">
          <p>لم تحفظ أي قصة بعد.</p>
          <p>
            اضغط زر «حفظ» في أي قصة، أو رمز الحفظ على بطاقتها، أو مفتاح <kbd>s</kbd> وأنت تقرأ،
            فتجدها هنا وتقرؤها لاحقاً حتى دون اتصال بالإنترنت.
          </p>
          <Link to="/" className="button button--primary">
            تصفّح آخر الأخبار
          </Link>
        </div>
      ) : (
        <>
          <div className="bookmarks__controls">
            <label htmlFor={sortId}>الترتيب</label>
            <select id={sortId} value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
              <option value="saved">الأحدث حفظاً</option>
              <option value="published">الأحدث نشراً</option>
            </select>
            <label htmlFor={sectionId}>القسم</label>
            <select id={sectionId} value={section} onChange={(e) => setSection(e.target.value)}>
              <option value="">كل الأقسام</option>
              {sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <ol className="bookmarks__list">
            {visible.map((entry) => (
              <BookmarkRow
                key={entry.id}
                entry={entry}
                withdrawn={withdrawn.includes(entry.id)}
                onRemove={remove}
              />
            ))}
          </ol>
        </>
      )}
      <BookmarkTransfer hasBookmarks={entries.length > 0} />
    </div>
  );
}

type RowProps = {
  entry: BookmarkEntry;
  /** The newsroom withdrew it: the reader keeps the saved copy, told so. */
  withdrawn: boolean;
  onRemove: (id: string) => Promise<void>;
};

/** One saved story; memoised, so a list growing by a few dozen rows re-renders only those. */
const BookmarkRow = memo(function BookmarkRow({ entry, withdrawn, onRemove }: RowProps) {
  return (
    <li>
      {withdrawn && <p className="bookmarks__withdrawn">لم تعد هذه القصة منشورة</p>}
      <StoryCard
        teaser={entry.teaser}
        variant="compact"
        level={2}
        actions={
          <button
            type="button"
            className="button button--quiet"
            aria-label={`إزالة: ${entry.teaser.headline}`}
            onClick={() => void onRemove(entry.id)}
          >
            إزالة
          </button>
        }
      />
    </li>
  );
});
