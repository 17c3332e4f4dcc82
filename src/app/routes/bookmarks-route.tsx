import { pageMeta } from '#content/page-meta.ts';
import { BookmarksPage } from '#features/bookmarks/components/bookmarks-page.tsx';
import { useDocumentMeta } from '#shared/lib/use-document-meta.ts';
import { QueryBoundary } from '#shared/ui/query-boundary.tsx';

export function BookmarksRoute() {
  useDocumentMeta(pageMeta.bookmarks());
  return (
    <QueryBoundary fallback={<p role="status">جارٍ تحميل المحفوظات…</p>}>
      <BookmarksPage />
    </QueryBoundary>
  );
}
