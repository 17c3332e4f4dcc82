import { useSuspenseQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import type { ListKind } from '#content/api-schema.ts';
import { pageMeta } from '#content/page-meta.ts';
import { renderCardBookmark } from '#features/bookmarks/components/render-card-bookmark.tsx';
import { ListSkeleton } from '#features/lists/components/list-skeleton.tsx';
import { StoryListPage } from '#features/lists/components/story-list-page.tsx';
import { listPageQuery } from '#shared/api/list-page-query.ts';
import { pageNumber } from '#shared/lib/page-number.ts';
import { useDocumentMeta } from '#shared/lib/use-document-meta.ts';
import { NotFoundView } from '#shared/ui/not-found-view.tsx';
import { QueryBoundary } from '#shared/ui/query-boundary.tsx';
import { useLiveFeature } from '../layout/use-live-feature.ts';

const LABELS: Record<ListKind, { label: string; missing: string }> = {
  section: { label: 'قسم', missing: 'الصفحة' },
  tag: { label: 'تصنيف', missing: 'الصفحة' },
};

/** A section's or a tag's list of stories at `?page=N`. */
export function ListRoute({ kind }: { kind: ListKind }) {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const page = pageNumber(params.get('page'));
  if (page === null) return <NotFoundView />;
  return (
    <QueryBoundary key={`${id}:${page}`} fallback={<ListSkeleton />} missing={LABELS[kind].missing}>
      <LoadedList kind={kind} id={id} page={page} />
    </QueryBoundary>
  );
}

function LoadedList({ kind, id, page }: { kind: ListKind; id: string; page: number }) {
  // Changes when the reader moves here (the loader) or asks for a newer version, never on
  // mount: hydration can come after the first live check (docs/live-pages.md).
  const { data } = useSuspenseQuery({ ...listPageQuery(kind, id, page), refetchOnMount: false });
  // Page 1 learns of new stories; later pages hold older ones, which a new story never moves.
  const checks = useLiveFeature();
  const live = page === 1 ? checks : undefined;
  useDocumentMeta(pageMeta.list(data));
  return (
    <StoryListPage
      list={data}
      label={LABELS[kind].label}
      renderCardActions={renderCardBookmark}
      notice={live && <live.ListNewStories shown={data} />}
    />
  );
}
