import { useQuery } from '@tanstack/react-query';
import { storageKind } from '#shared/storage/bookmark-db.ts';

/** Tells the reader when this browser cannot keep bookmarks beyond this visit. */
export function StorageNotice() {
  const { data: kind } = useQuery({
    queryKey: ['bookmarks', 'storage-kind'],
    queryFn: storageKind,
  });
  if (kind !== 'memory') return null;
  return (
    <p className="bookmarks__notice" role="note">
      لا يسمح هذا المتصفح بحفظ القصص بشكل دائم (ربما لأنك في وضع التصفح الخاص)، لذا ستبقى المحفوظات
      حتى إغلاق الصفحة فقط. صدّرها إلى ملف إن أردت الاحتفاظ بها.
    </p>
  );
}
