// What an open page checks: the same files its own queries read, asked of the server
// each time (`cache: 'no-cache'`: a 304 when unchanged) and kept apart from what the
// page shows, so nothing moves until the reader asks for it.
import { queryOptions } from '@tanstack/react-query';
import { apiPaths } from '#content/api-paths.ts';
import type { ListKind, StoryPayload } from '#content/api-schema.ts';
import { frontSchema, listHeadSchema, storySchema } from '#shared/api/content-schemas.ts';
import { isNotFound } from '#shared/api/errors.ts';
import { fetchJson } from '#shared/api/fetch-json.ts';
import { withdrawnStories } from '#shared/storage/story-id-store.ts';
import { polling } from '../model/polling.ts';

const liveSchema = () => import('#content/api-schema.ts').then((m) => m.LivePayloadSchema);

export const latestFrontQuery = () =>
  queryOptions({
    queryKey: ['latest', 'front'],
    queryFn: ({ signal }) => fetchJson(apiPaths.front(), frontSchema, signal, 'no-cache'),
    ...polling,
  });

export const latestListHeadQuery = (kind: ListKind, id: string) =>
  queryOptions({
    queryKey: ['latest', 'list', kind, id],
    queryFn: ({ signal }) =>
      fetchJson(apiPaths.listHead(kind, id), listHeadSchema, signal, 'no-cache'),
    ...polling,
  });

/** The story as published now; null once it is withdrawn (its JSON answers 404). */
export const latestStoryQuery = (id: string) =>
  queryOptions({
    queryKey: ['latest', 'story', id],
    queryFn: async ({ signal }): Promise<StoryPayload | null> => {
      try {
        const story = await fetchJson(apiPaths.story(id), storySchema, signal, 'no-cache');
        // Published again: no longer withdrawn.
        withdrawnStories.remove(id);
        return story;
      } catch (error) {
        if (!isNotFound(error)) throw error;
        withdrawnStories.add(id);
        return null;
      }
    },
    ...polling,
  });

/** `/api/live.json`: the breaking story, checked on every page. */
export const breakingQuery = () =>
  queryOptions({
    queryKey: ['latest', 'live'],
    queryFn: ({ signal }) => fetchJson(apiPaths.live(), liveSchema, signal, 'no-cache'),
    ...polling,
  });
