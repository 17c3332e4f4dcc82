import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { StoryPayload } from '#content/api-schema.ts';
import { storyQuery } from '#shared/api/story-query.ts';
import { formatDateTime } from '#shared/lib/format-date.ts';
import { useDigits } from '#shared/lib/locale.ts';
import { announce } from '#shared/ui/announcer.tsx';
import { latestStoryQuery } from '../api/latest-queries.ts';
import { isStoryUpdated, updateTime } from '../model/story-update.ts';
import { PageNotice } from './page-notice.tsx';

type Props = { shown: StoryPayload };

/**
 * An open story's watcher: when the newsroom updates it, «حُدِّثت هذه القصة» with the
 * time, and a button that shows the new version (focus on its headline). A withdrawal
 * (404) marks the story withdrawn, which its page shows.
 */
export function StoryUpdateNotice({ shown }: Props) {
  const queryClient = useQueryClient();
  const digits = useDigits();
  const { data: latest, dataUpdatedAt } = useQuery(latestStoryQuery(shown.article.id));
  const newer = latest && isStoryUpdated(shown, latest) ? latest : null;
  const time = newer && updateTime(newer, dataUpdatedAt);

  useEffect(() => {
    if (time) announce('حُدِّثت هذه القصة');
  }, [time]);

  const focusHeading = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page shows another version
  useLayoutEffect(() => {
    if (!focusHeading.current) return;
    focusHeading.current = false;
    // The story's headline, the page's only h1 (focusable: tabIndex -1).
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [shown]);

  if (!newer || !time) return null;
  const showNewer = () => {
    focusHeading.current = true;
    queryClient.setQueryData(storyQuery(shown.article.id).queryKey, newer);
  };
  return (
    <PageNotice
      action={
        <button type="button" className="button button--primary" onClick={showNewer}>
          اعرض النسخة الجديدة
        </button>
      }
    >
      حُدِّثت هذه القصة <time dateTime={time}>{formatDateTime(time, digits)}</time>
    </PageNotice>
  );
}
