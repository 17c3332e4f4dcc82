import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FrontPayload } from '#content/api-schema.ts';
import { frontQuery } from '#shared/api/front-query.ts';
import { latestFrontQuery } from '../api/latest-queries.ts';
import { frontStoryIds } from '../model/new-stories.ts';
import { NewStories } from './new-stories.tsx';

/** The front page's watcher: checks front.json and offers the stories it does not show. */
export function FrontNewStories({ shown }: { shown: FrontPayload }) {
  const queryClient = useQueryClient();
  const { data: latest } = useQuery(latestFrontQuery());
  return (
    <NewStories
      latest={latest}
      shown={shown}
      storyIds={frontStoryIds}
      onShow={() => {
        if (latest) queryClient.setQueryData(frontQuery().queryKey, latest);
      }}
    />
  );
}
