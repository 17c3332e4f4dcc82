import { useSuspenseQuery } from '@tanstack/react-query';
import { lazy, Suspense, useRef } from 'react';
import { useParams } from 'react-router';
import { pageMeta } from '#content/page-meta.ts';
import { renderCardBookmark } from '#features/bookmarks/components/render-card-bookmark.tsx';
import { StoryBookmarkActions } from '#features/bookmarks/components/story-bookmark-actions.tsx';
import { StorySkeleton } from '#features/stories/components/story-skeleton.tsx';
import { StoryView } from '#features/stories/components/story-view.tsx';
import { storyQuery } from '#shared/api/story-query.ts';
import { useLiveChecks } from '#shared/lib/live-checks.ts';
import { usePageHeadingFocus } from '#shared/lib/page-focus.ts';
import { useDocumentMeta } from '#shared/lib/use-document-meta.ts';
import { useStoryIds } from '#shared/lib/use-story-ids.ts';
import { withdrawnStories } from '#shared/storage/story-id-store.ts';
import { PageNotice } from '#shared/ui/page-notice.tsx';
import { QueryBoundary } from '#shared/ui/query-boundary.tsx';

const StoryUpdateNotice = lazy(() =>
  import('#features/live/components/story-update-notice.tsx').then((m) => ({
    default: m.StoryUpdateNotice,
  })),
);

/** A story withdrawn by the newsroom answers 404 like one that never was. */
const STORY_GONE = 'لم تعد هذه القصة متاحة: ربما سُحبت أو نُقلت، أو أن الرابط غير صحيح.';

export function StoryRoute() {
  const { id = '' } = useParams();
  return (
    <QueryBoundary key={id} fallback={<StorySkeleton />} missing="القصة" missingDetail={STORY_GONE}>
      <LoadedStory id={id} />
    </QueryBoundary>
  );
}

function LoadedStory({ id }: { id: string }) {
  const { data } = useSuspenseQuery(storyQuery(id));
  const heading = useRef<HTMLHeadingElement>(null);
  const withdrawn = useStoryIds(withdrawnStories).includes(id);
  const live = useLiveChecks();
  useDocumentMeta(pageMeta.story(data.article));
  usePageHeadingFocus(heading, id);
  return (
    <StoryView
      payload={data}
      headingRef={heading}
      actions={<StoryBookmarkActions id={id} />}
      renderCardActions={renderCardBookmark}
      notice={
        <>
          {withdrawn && <PageNotice>لم تعد هذه القصة منشورة</PageNotice>}
          {live && !withdrawn && (
            <Suspense fallback={null}>
              <StoryUpdateNotice shown={data} headingRef={heading} />
            </Suspense>
          )}
        </>
      }
    />
  );
}
