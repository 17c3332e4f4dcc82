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

/**
 * A full build's search index (its 16,896 chunk files whatever the content, a record a
 * story and the long lists' files; docs/search.md),
 * written 16 side by side (one at a time, they were most of a small build's time) as
 * the index's generator makes them, not all made first.
 */
export async function writeSearchIndex(
  corpus: Corpus,
  json: (file: string, payload: unknown) => Promise<void>,
): Promise<void> {
  let batch: Promise<void>[] = [];
  for (const file of searchIndexFiles(corpus)) {
    batch.push(json(file.path, file.payload));
    if (batch.length === 16) {
      await Promise.all(batch);
      batch = [];
    }
  }
  await Promise.all(batch);
}
