// The layout of the static JSON API, shared by the build that writes it and the
// browser that fetches it. Ids are percent-encoded so any slug maps to one file.
import type { ListKind } from './api-schema.ts';

/** Results a search page shows. */
export const PAGE_SIZE = 20;

const listFolder = (kind: ListKind, id: string) =>
  `/api/${kind === 'section' ? 'sections' : 'tags'}/${encodeURIComponent(id)}`;

export const apiPaths = {
  sections: () => '/api/sections.json',
  front: () => '/api/front.json',
  /** What open pages watch besides their own content: the breaking story (LivePayloadSchema). */
  live: () => '/api/live.json',
  story: (id: string) => `/api/articles/${encodeURIComponent(id)}.json`,
  /** A list's head: page 1 and the counts (src/content/list-paging.ts). */
  listHead: (kind: ListKind, id: string) => `${listFolder(kind, id)}/head.json`,
  /** A list's full chunk `chunk`, counted from the oldest. */
  listChunk: (kind: ListKind, id: string, chunk: number) =>
    `${listFolder(kind, id)}/chunks/${chunk}.json`,
} as const;
