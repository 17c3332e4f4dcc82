import { queryOptions } from '@tanstack/react-query';
import { apiPaths } from '../../content/api-paths.ts';
import { StoryPayloadSchema } from '../../content/api-schema.ts';
import { fetchJson } from './fetch-json.ts';

export const storyQuery = (id: string) =>
  queryOptions({
    queryKey: ['story', id],
    queryFn: ({ signal }) => fetchJson(apiPaths.story(id), StoryPayloadSchema, signal),
  });
