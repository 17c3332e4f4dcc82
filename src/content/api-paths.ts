// The layout of the static JSON API, shared by the build that writes it and the
// browser that fetches it. Ids are percent-encoded so any slug maps to one file.
import type { ListKind } from './api-schema.ts';

export const PAGE_SIZE = 20;

export const apiPaths = {
  sections: () => '/api/sections.json',
  front: () => '/api/front.json',
  story: (id: string) => `/api/articles/${encodeURIComponent(id)}.json`,
  sectionPage: (id: string, page: number) => `/api/sections/${encodeURIComponent(id)}/${page}.json`,
  tagPage: (id: string, page: number) => `/api/tags/${encodeURIComponent(id)}/${page}.json`,
  listPage: (kind: ListKind, id: string, page: number) =>
    kind === 'section' ? apiPaths.sectionPage(id, page) : apiPaths.tagPage(id, page),
  /** The search index: a manifest naming the shards, newest stories first. */
  searchManifest: () => '/api/search/manifest.json',
  searchShard: (n: number) => `/api/search/shard-${n}.json`,
} as const;
