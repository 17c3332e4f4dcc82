import { BookmarksPage } from '#features/bookmarks/components/bookmarks-page.tsx';
import { useDocumentMeta } from '#shared/lib/use-document-meta.ts';
import { QueryBoundary } from '#shared/ui/query-boundary.tsx';

export function BookmarksRoute() {
  useDocumentMeta('المحفوظات', 'القصص التي حفظتها في قارئ لقراءتها لاحقاً، حتى دون اتصال.');
  return (
    <QueryBoundary fallback={<p role="status">جارٍ تحميل المحفوظات…</p>}>
      <BookmarksPage />
    </QueryBoundary>
  );
}
