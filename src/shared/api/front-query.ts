import { queryOptions } from '@tanstack/react-query';
import { apiPaths } from '#content/api-paths.ts';
import { frontSchema } from './content-schemas.ts';
import { fetchJson } from './fetch-json.ts';

export const frontQuery = () =>
  queryOptions({
    queryKey: ['front'],
    queryFn: ({ signal }) => fetchJson(apiPaths.front(), frontSchema, signal),
  });
