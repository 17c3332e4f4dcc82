// With the network off, search still finds the stories the reader saved: they are in
// IndexedDB whole, so the browser indexes them with the build's own code and the same
// query runs over that small index in memory.

import type { PostingList } from '#content/api-schema.ts';
import type { Section } from '#content/article-schema.ts';
import { buildSearchFiles } from '#content/search-index-build.ts';
import { SEARCH_INDEX_VERSION, searchPaths } from '#content/search-index-layout.ts';
import { exportBookmarks } from '#shared/storage/bookmark-db.ts';
import type { SearchSource } from './search-engine.ts';

export async function savedStoriesSource(): Promise<SearchSource> {
  const saved = await exportBookmarks();
  const sections = new Map<string, Section>(
    saved.map(({ story }) => [story.section.id, story.section]),
  );
  const files = new Map<string, unknown>();
  for (const file of buildSearchFiles(
    saved.map(({ story }) => story.article),
    sections,
  )) {
    files.set(file.path, file.payload);
  }
  return memorySource((path) => files.get(path));
}

/** A source over index files held in memory (also what the benchmark and tests read). */
export function memorySource(read: (path: string) => unknown): SearchSource {
  const get = <T>(path: string, fallback?: T): Promise<T> => {
    const payload = read(path) ?? fallback;
    return payload === undefined
      ? Promise.reject(new Error(`No search file ${path}`))
      : Promise.resolve(payload as T);
  };
  const none = { v: SEARCH_INDEX_VERSION } as const;
  const listAt = (path: string) => get<PostingList>(path);
  const postingsAt = async (path: string) => (await listAt(path)).postings;
  return {
    terms: (chunk) => get(searchPaths.terms(chunk), { ...none, terms: [] }),
    list: (surface) => listAt(searchPaths.list(surface)),
    tail: (surface, first) => postingsAt(searchPaths.tail(surface, first)),
    lexicon: (chunk) => get(searchPaths.lexicon(chunk), { ...none, words: [] }),
    doc: (key) => get(searchPaths.doc(key)),
  };
}
