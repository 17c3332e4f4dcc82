// The search index, fetched only by the search page: a small manifest, then shards
// (newest stories first) each loaded into MiniSearch, which is itself imported here
// on demand so it never weighs on the first view.
import { queryOptions } from '@tanstack/react-query';
import type MiniSearch from 'minisearch';
import { apiPaths } from '#content/api-paths.ts';
import type { SearchDoc } from '#content/api-schema.ts';
import { searchIndexOptions } from '#content/arabic-search-terms.ts';
import { searchManifestSchema, searchShardSchema } from '#shared/api/content-schemas.ts';
import { InvalidContentError } from '#shared/api/errors.ts';
import { fetchJson } from '#shared/api/fetch-json.ts';

export type LoadedShard = { index: MiniSearch; docs: SearchDoc[] };

export const searchManifestQuery = () =>
  queryOptions({
    queryKey: ['search', 'manifest'],
    queryFn: ({ signal }) => fetchJson(apiPaths.searchManifest(), searchManifestSchema, signal),
    staleTime: 10 * 60 * 1000,
  });

export const searchShardQuery = (path: string) =>
  queryOptions({
    queryKey: ['search', 'shard', path],
    queryFn: async ({ signal }): Promise<LoadedShard> => {
      const [shard, { default: MiniSearchClass }] = await Promise.all([
        fetchJson(path, searchShardSchema, signal),
        import('minisearch'),
      ]);
      try {
        const index = MiniSearchClass.loadJS(
          shard.index as Parameters<typeof MiniSearchClass.loadJS>[0],
          searchIndexOptions,
        );
        if (index.documentCount !== shard.docs.length) throw new Error('index and docs disagree');
        return { index, docs: shard.docs };
      } catch (error) {
        console.error(`Unusable search index ${path}`, error);
        throw new InvalidContentError(`Unusable search index ${path}`);
      }
    },
    // A loaded index is a class instance: never compared or refetched within a visit.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 30 * 60 * 1000,
    structuralSharing: false,
  });
