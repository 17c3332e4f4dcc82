// A section's or a tag's list files: a head, full chunks of 20 (src/content/list-paging.ts)
// and a marker per page for the server.
import { apiPaths } from '#content/api-paths.ts';
import type { ListChunk, ListHead, ListKind, Teaser } from '#content/api-schema.ts';
import { CHUNK_SIZE, headStart, listPageCount, olderChunks } from '#content/list-paging.ts';

export type ApiFile = { path: string; payload: unknown };

/**
 * A list's head and its full chunks of 20 (src/content/list-paging.ts): chunks are
 * counted from the oldest story, so publishing a story rewrites the head, not the archive.
 */
export function* listFiles<T>(
  kind: ListKind,
  id: string,
  name: string,
  newestFirst: readonly T[],
  card: (item: T) => Teaser,
  /** Which chunks to make (a publish makes only those whose stories changed). */
  includeChunk: (chunk: number) => boolean = () => true,
): Generator<ApiFile> {
  const total = newestFirst.length;
  const oldestFirst = [...newestFirst].reverse();
  const newestOf = (from: number, to?: number) => oldestFirst.slice(from, to).reverse().map(card);
  const head: ListHead = {
    kind,
    id,
    name,
    items: newestOf(headStart(total)),
    total,
    pageCount: listPageCount(total),
  };
  yield { path: apiPaths.listHead(kind, id), payload: head };
  for (let chunk = 0; chunk < olderChunks(total); chunk++) {
    if (!includeChunk(chunk)) continue;
    const payload: ListChunk = {
      kind,
      id,
      name,
      items: newestOf(chunk * CHUNK_SIZE, (chunk + 1) * CHUNK_SIZE),
      chunk,
    };
    yield { path: apiPaths.listChunk(kind, id, chunk), payload };
  }
  for (let page = 1; page <= head.pageCount; page++) {
    if (page === 1 || includeChunk(head.pageCount - page)) {
      yield { path: listPageMarker(kind, id, page), payload: page };
    }
  }
}

/**
 * A file for each page a list has, for servers that cannot count (deploy/site.conf
 * answers a page past the last with 404 by looking for it). Not public: nginx refuses
 * dot paths to readers.
 */
export const listPageMarker = (kind: ListKind, id: string, page: number) =>
  `/.qari/list-pages/${kind}s/${encodeURIComponent(id)}/${page}`;
