import { queryOptions } from '@tanstack/react-query';
import { apiPaths } from '#content/api-paths.ts';
import { getSavedStory } from '../storage/bookmark-db.ts';
import { storySchema } from './content-schemas.ts';
import { isNotFound, UnavailableError } from './errors.ts';
import { fetchJson } from './fetch-json.ts';

/**
 * A story from the network; else the copy the reader saved, when the network fails or
 * the story is no longer published (a 404): the page's live check of the story then
 * marks it withdrawn, on its page and in «المحفوظات» (src/features/live).
 */
export const storyQuery = (id: string) =>
  queryOptions({
    queryKey: ['story', id],
    queryFn: async ({ signal }) => {
      try {
        return await fetchJson(apiPaths.story(id), storySchema, signal);
      } catch (error) {
        if (!(error instanceof UnavailableError) && !isNotFound(error)) throw error;
        const saved = await getSavedStory(id);
        if (!saved) throw error;
        return saved;
      }
    },
  });
