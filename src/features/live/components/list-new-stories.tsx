import type { QueryClient } from '@tanstack/react-query';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListHead, ListPage } from '#content/api-schema.ts';
import { pageFromHead } from '#content/list-paging.ts';
import { listHeadQuery, listPageQuery } from '#shared/api/list-page-query.ts';
import { latestListHeadQuery } from '../api/latest-queries.ts';
import { listStoryIds } from '../model/new-stories.ts';
import { NewStories } from './new-stories.tsx';

/**
 * Puts a newer head in the cache: page 1 shows it at once, and the later pages, whose
 * numbering may have moved, are fetched afresh when next opened.
 */
function showListHead(client: QueryClient, head: ListHead): void {
  const { kind, id } = head;
  client.setQueryData(listHeadQuery(kind, id).queryKey, head);
  client.setQueryData(listPageQuery(kind, id, 1).queryKey, pageFromHead(head));
  void client.invalidateQueries({
    queryKey: ['list', kind, id],
    refetchType: 'none',
    predicate: ({ queryKey }) => typeof queryKey[3] === 'number' && queryKey[3] > 1,
  });
}

/** Page 1 of a section or tag: checks the list's head and offers the stories it does not show. */
export function ListNewStories({ shown }: { shown: ListPage }) {
  const queryClient = useQueryClient();
  const { data: latest } = useQuery(latestListHeadQuery(shown.kind, shown.id));
  return (
    <NewStories<ListHead | ListPage>
      latest={latest}
      shown={shown}
      storyIds={listStoryIds}
      onShow={() => {
        if (latest) showListHead(queryClient, latest);
      }}
    />
  );
}
