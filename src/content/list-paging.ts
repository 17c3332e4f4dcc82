// How a section's or a tag's stories are split into files, for the build that writes
// them and the browser that reads them. Chunks are counted from the oldest story, 20
// each, so a newly published story never moves a story from one chunk to another: it
// changes only the head (the newest stories, what page 1 shows) and, once in 20
// stories, adds one chunk. Pages are counted from the newest: page 1 is the head
// (the last full chunk and the stories after it: 20 to 39 stories), page p ≥ 2 is
// chunk `pageCount - p`. See docs/decisions/009-incremental-publish.md.
import type { ListChunk, ListHead, ListPage } from './api-schema.ts';

export const CHUNK_SIZE = 20;

/** Pages of a list of `total` stories: one per full chunk, at least one. */
export function listPageCount(total: number): number {
  return Math.max(1, Math.floor(total / CHUNK_SIZE));
}

/** Where the head starts, counting from the oldest story (0). */
export function headStart(total: number): number {
  return total < CHUNK_SIZE ? 0 : (listPageCount(total) - 1) * CHUNK_SIZE;
}

/** Full chunks held outside the head: 0 … `olderChunks(total) - 1`, oldest first. */
export function olderChunks(total: number): number {
  return listPageCount(total) - 1;
}

/** The chunk a page past the first shows, or null when the page is not in the list. */
export function chunkOfPage(page: number, total: number): number | null {
  const pages = listPageCount(total);
  return page >= 2 && page <= pages ? pages - page : null;
}

/** Page 1 as the reader's list page. */
export function pageFromHead(head: ListHead): ListPage {
  const { kind, id, name, total, pageCount, items } = head;
  return { kind, id, name, page: 1, pageCount, total, items };
}

/** Page `page` ≥ 2 as the reader's list page, from the head (for the counts) and its chunk. */
export function pageFromChunk(head: ListHead, chunk: ListChunk, page: number): ListPage {
  const { kind, id, name, total, pageCount } = head;
  return { kind, id, name, page, pageCount, total, items: chunk.items };
}
