import { queryOptions } from '@tanstack/react-query';
import { apiPaths } from '#content/api-paths.ts';
import type { StoryPayload } from '#content/api-schema.ts';
import { getSavedStory } from '../storage/bookmark-db.ts';
import { withdrawnStories } from '../storage/story-id-store.ts';
import { storySchema } from './content-schemas.ts';
import { isNotFound, UnavailableError } from './errors.ts';
import { fetchJson } from './fetch-json.ts';

/** A story from the network; an answer unmarks it withdrawn, should it have come back. */
export async function fetchStory(
  id: string,
  signal?: AbortSignal,
  cache?: RequestCache,
): Promise<StoryPayload> {
  const payload = await fetchJson(apiPaths.story(id), storySchema, signal, cache);
  withdrawnStories.remove(id);
  return payload;
}

/**
 * A story from the network; else the copy the reader saved, when the network fails or
 * the story is no longer published (a 404 marks it withdrawn: its page and
 * «المحفوظات» say so).
 */
export const storyQuery = (id: string) =>
  queryOptions({
    queryKey: ['story', id],
    queryFn: async ({ signal }) => {
      try {
        return await fetchStory(id, signal);
      } catch (error) {
        const withdrawn = isNotFound(error);
        if (!(error instanceof UnavailableError) && !withdrawn) throw error;
        const saved = await getSavedStory(id);
        if (!saved) throw error;
        if (withdrawn) withdrawnStories.add(id);
        return saved;
      }
    },
  });
