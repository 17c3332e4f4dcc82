import { useSuspenseQuery } from '@tanstack/react-query';
import { pageMeta } from '#content/page-meta.ts';
import { renderCardBookmark } from '#features/bookmarks/components/render-card-bookmark.tsx';
import { FrontPage } from '#features/front/components/front-page.tsx';
import { FrontSkeleton } from '#features/front/components/front-skeleton.tsx';
import { frontQuery } from '#shared/api/front-query.ts';
import { useDocumentMeta } from '#shared/lib/use-document-meta.ts';
import { QueryBoundary } from '#shared/ui/query-boundary.tsx';
import { useLiveFeature } from '../layout/use-live-feature.ts';

export function FrontRoute() {
  return (
    <QueryBoundary fallback={<FrontSkeleton />}>
      <LoadedFront />
    </QueryBoundary>
  );
}

function LoadedFront() {
  // Changes when the reader moves here (the loader) or asks for a newer version, never on
  // mount: hydration can come after the first live check (docs/live-pages.md).
  const { data } = useSuspenseQuery({ ...frontQuery(), refetchOnMount: false });
  const live = useLiveFeature();
  useDocumentMeta(pageMeta.front());
  return (
    <FrontPage
      front={data}
      renderCardActions={renderCardBookmark}
      notice={live && <live.FrontNewStories shown={data} />}
    />
  );
}
