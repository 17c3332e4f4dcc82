import { queryOptions } from '@tanstack/react-query';
import { apiPaths } from '#content/api-paths.ts';
import type { ListKind } from '#content/api-schema.ts';
import { chunkOfPage, pageFromChunk, pageFromHead } from '#content/list-paging.ts';
import { listChunkSchema, listHeadSchema } from './content-schemas.ts';
import { NotFoundError } from './errors.ts';
import { fetchJson } from './fetch-json.ts';

/** A list's head: page 1's stories and the counts every page of the list needs. */
export const listHeadQuery = (kind: ListKind, id: string) =>
  queryOptions({
    queryKey: ['list', kind, id, 'head'],
    queryFn: ({ signal }) => fetchJson(apiPaths.listHead(kind, id), listHeadSchema, signal),
  });

/**
 * One page (newest first) of a section's or a tag's list: page 1 is the head; a later
 * page is the head's counts and the chunk it maps to (src/content/list-paging.ts).
 */
export const listPageQuery = (kind: ListKind, id: string, page: number) =>
  queryOptions({
    queryKey: ['list', kind, id, page],
    queryFn: async ({ signal, client }) => {
      const head = await client.fetchQuery(listHeadQuery(kind, id));
      if (page === 1) return pageFromHead(head);
      const chunk = chunkOfPage(page, head.total);
      if (chunk === null) throw new NotFoundError(`${kind} ${id} has no page ${page}`);
      const items = await fetchJson(apiPaths.listChunk(kind, id, chunk), listChunkSchema, signal);
      return pageFromChunk(head, items, page);
    },
  });
