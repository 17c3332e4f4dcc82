import { queryOptions } from '@tanstack/react-query';
import { apiPaths } from '../../content/api-paths.ts';
import { FrontPayloadSchema } from '../../content/api-schema.ts';
import { fetchJson } from './fetch-json.ts';

export const frontQuery = () =>
  queryOptions({
    queryKey: ['front'],
    queryFn: ({ signal }) => fetchJson(apiPaths.front(), FrontPayloadSchema, signal),
  });
