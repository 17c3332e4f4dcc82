import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ListPage } from '#content/api-schema.ts';
import { showListHead } from '#shared/api/list-page-query.ts';
import { latestListHeadQuery } from '../api/latest-queries.ts';
import { listStoryIds } from '../model/new-stories.ts';
import { NewStories } from './new-stories.tsx';

/** Page 1 of a section or tag: checks the list's head and offers the stories it does not show. */
export function ListNewStories({ shown }: { shown: ListPage }) {
  const queryClient = useQueryClient();
  const { data: latest } = useQuery(latestListHeadQuery(shown.kind, shown.id));
  const shownIds = useMemo(() => listStoryIds(shown), [shown]);
  const latestIds = useMemo(() => latest && listStoryIds(latest), [latest]);
  return (
    <NewStories
      latest={latestIds}
      shown={shownIds}
      onShow={() => {
        if (latest) showListHead(queryClient, latest);
      }}
    />
  );
}
