import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useId, useState } from 'react';
import { exportBookmarks } from '#shared/storage/bookmark-db.ts';
import { announceBookmarksChanged } from '#shared/storage/bookmark-sync.ts';
import { bookmarksQueryKey } from '../api/bookmarks-query.ts';
import { bookmarkFileContent } from '../model/bookmark-file.ts';
import { runImport } from '../model/run-import.ts';

type Status = { kind: 'ok' | 'error'; text: string } | null;

/**
 * Export to a JSON file, and import from one: all or nothing, adding the stories not saved
 * here and never rewriting one that is.
 */
export function BookmarkTransfer({ hasBookmarks }: { hasBookmarks: boolean }) {
  const queryClient = useQueryClient();
  const inputId = useId();
  const [status, setStatus] = useState<Status>(null);

  const exportFile = async () => {
    const blob = new Blob([bookmarkFileContent(await exportBookmarks())], {
      type: 'application/json',
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `qari-bookmarks-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const outcome = await runImport(file);
    if (!outcome.ok) {
      setStatus({ kind: 'error', text: `لم يُستورد شيء: ${outcome.reason}` });
      return;
    }
    await queryClient.invalidateQueries({ queryKey: bookmarksQueryKey });
    announceBookmarksChanged();
    setStatus({
      kind: 'ok',
      text: `اكتمل الاستيراد: أضيفت ${outcome.added} من ${outcome.total}.${outcome.added < outcome.total ? ' القصص المحفوظة من قبل بقيت كما هي.' : ''}`,
    });
  };

  return (
    <section className="bookmarks__transfer" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`} className="bookmarks__transfer-title">
        نقل المحفوظات
      </h2>
      <div className="bookmarks__transfer-actions">
        <button
          type="button"
          className="button"
          onClick={() => void exportFile()}
          disabled={!hasBookmarks}
        >
          تصدير إلى ملف
        </button>
        <label className="button" htmlFor={inputId}>
          استيراد من ملف
        </label>
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          accept="application/json,.json"
          onChange={(e) => void importFile(e)}
        />
      </div>
      <p
        role={status?.kind === 'error' ? 'alert' : 'status'}
        className={`bookmarks__message bookmarks__message--${status?.kind ?? 'none'}`}
      >
        {status?.text}
      </p>
    </section>
  );
}
