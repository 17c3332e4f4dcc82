import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { storyQuery } from '../api/story-query.ts';

/**
 * Handlers that start fetching a story's JSON when the reader shows intent
 * (hover, focus, touch), so the move usually paints with no network wait.
 */
export function useStoryPrefetch(id: string) {
  const queryClient = useQueryClient();
  return useMemo(() => {
    const prefetch = () => {
      void queryClient.prefetchQuery({ ...storyQuery(id), staleTime: 60_000 });
    };
    return { onMouseEnter: prefetch, onFocus: prefetch, onTouchStart: prefetch };
  }, [queryClient, id]);
}
