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
  /** Pages whose markers are there already (a publish: the pages the list had). */
  pagesBefore = 0,
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
  for (let page = pagesBefore + 1; page <= head.pageCount; page++) {
    yield { path: listPageMarker(kind, id, page), payload: page };
  }
}

/** Every file a list of `total` stories has: its head, its chunks and its page markers. */
export function listFilePaths(kind: ListKind, id: string, total: number): string[] {
  const paths = [apiPaths.listHead(kind, id)];
  for (let chunk = 0; chunk < olderChunks(total); chunk++)
    paths.push(apiPaths.listChunk(kind, id, chunk));
  for (let page = 1; page <= listPageCount(total); page++)
    paths.push(listPageMarker(kind, id, page));
  return paths;
}

/** The pages a list of `total` stories has markers for (undefined: the list is not there). */
export const markedPages = (total: number | undefined) =>
  total === undefined ? 0 : listPageCount(total);

/**
 * A file for each page a list has, for servers that cannot count (deploy/site.conf
 * answers a page past the last with 404 by looking for it). Not public: nginx refuses
 * dot paths to readers.
 */
export const listPageMarker = (kind: ListKind, id: string, page: number) =>
  `/.qari/list-pages/${kind}s/${encodeURIComponent(id)}/${page}`;
