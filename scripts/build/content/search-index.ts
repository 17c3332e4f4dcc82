// The search index of a checked corpus, written by the content build beside the API
// (docs/search.md); `npm run publish` updates it with updateSearchFiles. The index itself is built in src/content/search-index-build.ts,
// which the browser shares to search saved stories offline.
import { type SearchCorpus, searchCorpusOf, searchFilesOf } from '#content/search-index-build.ts';
import type { ApiFile } from './build-api.ts';
import type { Corpus } from './load-content.ts';

/** A corpus held in memory, as the index reads it (the benches). */
export const searchCorpusFrom = (corpus: Corpus): SearchCorpus =>
  searchCorpusOf(corpus.articles, new Map(corpus.sections.map((s) => [s.id, s])));

/** Every index file for a corpus held in memory. */
export function searchIndexFiles(corpus: Corpus): Generator<ApiFile> {
  return searchFilesOf(searchCorpusFrom(corpus));
}

/**
 * A full build's search index (its 16,896 chunk files whatever the content, a record a
 * story and the long lists' files; docs/search.md), written as the index's generator
 * makes them, not all made first, each story read when its turn comes. One at a time:
 * the site writer writes this phase synchronously (SiteWriter.overlapping), so files
 * side by side gained nothing.
 */
export async function writeSearchIndex(
  corpus: SearchCorpus,
  json: (file: string, payload: unknown) => Promise<void>,
): Promise<void> {
  for (const file of searchFilesOf(corpus)) await json(file.path, file.payload);
}
