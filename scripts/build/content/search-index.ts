// The search index of a checked corpus, written by the content build beside the API
// (docs/search.md). The index itself is built in src/content/search-index-build.ts,
// which the browser shares to search saved stories offline.
import {
  buildSearchFiles,
  type ReadSearchFile,
  type SearchUpdate,
  type StoryChange,
  updateSearchFiles,
} from '#content/search-index-build.ts';
import type { ApiFile } from './build-api.ts';
import type { Corpus } from './load-content.ts';

const sectionsOf = (corpus: Corpus) => new Map(corpus.sections.map((s) => [s.id, s]));

/** Every index file for a corpus, for the full build. */
export function searchIndexFiles(corpus: Corpus): Generator<ApiFile> {
  return buildSearchFiles(corpus.articles, sectionsOf(corpus));
}

/**
 * For `npm run publish`: what to write and remove in an existing dist/ so that its
 * index equals a full build of `corpus`, given the stories that changed (with their
 * old version) and a reader of the index files already in dist/ (parsed JSON, or
 * undefined for a file that is not there).
 */
export function searchIndexUpdate(
  corpus: Corpus,
  changes: readonly StoryChange[],
  read: ReadSearchFile,
): SearchUpdate {
  return updateSearchFiles(corpus.articles, sectionsOf(corpus), changes, read);
}
