import { queryOptions } from '@tanstack/react-query';
import { apiPaths } from '#content/api-paths.ts';
import type { LivePayload } from '#content/api-schema.ts';
import { liveSchema } from './content-schemas.ts';
import { fetchJson } from './fetch-json.ts';

/** `/api/live.json`: only ever checked for a change, so asked of the server each time. */
export const fetchLive = (signal?: AbortSignal): Promise<LivePayload> =>
  fetchJson(apiPaths.live(), liveSchema, signal, 'no-cache');

/** The breaking story (LivePayloadSchema). */
export const liveQuery = () =>
  queryOptions({
    queryKey: ['live'],
    queryFn: ({ signal }) => fetchLive(signal),
  });
