// The search index of a checked corpus, written by the content build beside the API
// (docs/search.md); `npm run publish` updates it with updateSearchFiles. The index itself is built in src/content/search-index-build.ts,
// which the browser shares to search saved stories offline.
import { buildSearchFiles } from '#content/search-index-build.ts';
import type { ApiFile } from './build-api.ts';
import type { Corpus } from './load-content.ts';

const sectionsOf = (corpus: Corpus) => new Map(corpus.sections.map((s) => [s.id, s]));

/** Every index file for a corpus, for the full build. */
export function searchIndexFiles(corpus: Corpus): Generator<ApiFile> {
  return buildSearchFiles(corpus.articles, sectionsOf(corpus));
}
