import { queryOptions } from '@tanstack/react-query';
import { apiPaths } from '#content/api-paths.ts';
import { getSavedStory } from '../storage/bookmark-db.ts';
import { storySchema } from './content-schemas.ts';
import { UnavailableError } from './errors.ts';
import { fetchJson } from './fetch-json.ts';

/** A story from the network; when the network fails, the copy the reader saved, if any. */
export const storyQuery = (id: string) =>
  queryOptions({
    queryKey: ['story', id],
    queryFn: async ({ signal }) => {
      try {
        return await fetchJson(apiPaths.story(id), storySchema, signal);
      } catch (error) {
        if (!(error instanceof UnavailableError)) throw error;
        const saved = await getSavedStory(id);
        if (saved) return saved;
        throw error;
      }
    },
  });
