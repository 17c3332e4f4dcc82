import { queryOptions } from '@tanstack/react-query';
import { apiPaths } from '#content/api-paths.ts';
import { sectionListSchema } from './content-schemas.ts';
import { fetchJson } from './fetch-json.ts';

export const sectionsQuery = () =>
  queryOptions({
    queryKey: ['sections'],
    queryFn: ({ signal }) => fetchJson(apiPaths.sections(), sectionListSchema, signal),
    staleTime: 60 * 60 * 1000,
  });
