import { queryOptions } from '@tanstack/react-query';
import { apiPaths } from '#content/api-paths.ts';
import type { ListKind } from '#content/api-schema.ts';
import { listPageSchema } from './content-schemas.ts';
import { fetchJson } from './fetch-json.ts';

/** One page (20 stories, newest first) of a section's or a tag's list. */
export const listPageQuery = (kind: ListKind, id: string, page: number) =>
  queryOptions({
    queryKey: ['list', kind, id, page],
    queryFn: ({ signal }) => fetchJson(apiPaths.listPage(kind, id, page), listPageSchema, signal),
  });
