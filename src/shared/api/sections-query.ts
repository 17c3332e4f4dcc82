import { queryOptions } from '@tanstack/react-query';
import { apiPaths } from '../../content/api-paths.ts';
import { SectionListSchema } from '../../content/article-schema.ts';
import { fetchJson } from './fetch-json.ts';

export const sectionsQuery = () =>
  queryOptions({
    queryKey: ['sections'],
    queryFn: ({ signal }) => fetchJson(apiPaths.sections(), SectionListSchema, signal),
    staleTime: 60 * 60 * 1000,
  });
