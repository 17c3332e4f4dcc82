import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { storyQuery } from '../api/story-query.ts';
import { isSavingData } from '../lib/data-saver.ts';
import { preloadRoute } from '../lib/route-preload.ts';

/**
 * Handlers that start fetching a story's JSON (and the story page's code) when the
 * reader shows intent (hover, focus, touch), so the move paints with no network wait;
 * not for a reader who saves data, who pays for what they did not open.
 */
export function useStoryPrefetch(id: string) {
  const queryClient = useQueryClient();
  return useMemo(() => {
    const prefetch = () => {
      if (isSavingData()) return;
      void queryClient.prefetchQuery({ ...storyQuery(id), staleTime: 60_000 });
      preloadRoute('story');
    };
    return { onMouseEnter: prefetch, onFocus: prefetch, onTouchStart: prefetch };
  }, [queryClient, id]);
}
