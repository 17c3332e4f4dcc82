import { useSuspenseQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { useParams } from 'react-router';
import { pageMeta } from '#content/page-meta.ts';
import { renderCardBookmark } from '#features/bookmarks/components/render-card-bookmark.tsx';
import { StoryBookmarkActions } from '#features/bookmarks/components/story-bookmark-actions.tsx';
import { StorySkeleton } from '#features/stories/components/story-skeleton.tsx';
import { StoryView } from '#features/stories/components/story-view.tsx';
import { storyQuery } from '#shared/api/story-query.ts';
import { usePageHeadingFocus } from '#shared/lib/page-focus.ts';
import { useDocumentMeta } from '#shared/lib/use-document-meta.ts';
import { QueryBoundary } from '#shared/ui/query-boundary.tsx';

export function StoryRoute() {
  const { id = '' } = useParams();
  return (
    <QueryBoundary key={id} fallback={<StorySkeleton />} missing="القصة">
      <LoadedStory id={id} />
    </QueryBoundary>
  );
}

function LoadedStory({ id }: { id: string }) {
  // Changes when the reader moves here (the loader) or asks for a newer version, never on
  // mount: hydration can come after the first live check (docs/live-pages.md).
  const { data } = useSuspenseQuery({ ...storyQuery(id), refetchOnMount: false });
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentMeta(pageMeta.story(data.article));
  usePageHeadingFocus(heading, id);
  return (
    <StoryView
      payload={data}
      headingRef={heading}
      actions={<StoryBookmarkActions id={id} />}
      renderCardActions={renderCardBookmark}
    />
  );
}
