// The search index, built with the content so the browser only downloads and loads
// it. Stories are split by recency into shards of SHARD_STORIES: the search page
// fetches the newest shard first and older ones only while a page of results is not
// yet full, so the first query never pays for the whole archive.
import MiniSearch from 'minisearch';
import { apiPaths } from '#content/api-paths.ts';
import type { SearchDoc, SearchManifest, SearchShard } from '#content/api-schema.ts';
import { searchIndexOptions, wordSpans } from '#content/arabic-search-terms.ts';
import type { Article, Inline, Section } from '#content/article-schema.ts';
import { type ApiFile, newestFirst } from './build-api.ts';
import type { Corpus } from './load-content.ts';

/** Stories per shard: ≈ 1 MB of JSON (≈ 200 KB gzip) and ≈ 5 ms a query each (README, «Search»). */
export const SHARD_STORIES = 2000;
/** Words of the body indexed after headline, summary and tags: a news story's lede. */
export const BODY_WORDS = 40;

type IndexedDoc = { n: number; headline: string; summary: string; tags: string; body: string };

const inlineText = (runs: readonly Inline[]) =>
  runs.map((run) => (typeof run === 'string' ? run : run.text)).join('');

/** The running text of the body (paragraphs, headings, quotes, lists), without captions. */
export function bodyText(article: Article): string {
  const parts: string[] = [];
  for (const block of article.body) {
    if (block.type === 'paragraph' || block.type === 'quote') parts.push(inlineText(block.content));
    else if (block.type === 'heading') parts.push(block.text);
    else if (block.type === 'list') parts.push(...block.items.map(inlineText));
  }
  return parts.join(' ');
}

/** The text up to the end of its `count`-th word, as written (punctuation and marks kept). */
export function firstWords(text: string, count: number): string {
  let end = 0;
  let seen = 0;
  for (const span of wordSpans(text)) {
    end = span.end;
    if (++seen === count) break;
  }
  return seen < count ? text.trim() : `${text.slice(0, end).trim()}…`;
}

/**
 * The index files for a corpus sorted newest first: a manifest and the shards it
 * names. Each shard is built, serialized and dropped before the next, so memory
 * stays that of one shard.
 */
export function* buildSearchIndex(
  articles: readonly Article[],
  sections: ReadonlyMap<string, Section>,
): Generator<ApiFile> {
  const manifest: SearchManifest = {
    version: 1,
    stories: articles.length,
    bodyWords: BODY_WORDS,
    shards: [],
  };
  for (let from = 0, n = 0; from < articles.length; from += SHARD_STORIES, n++) {
    const slice = articles.slice(from, from + SHARD_STORIES);
    const index = new MiniSearch<IndexedDoc>(searchIndexOptions);
    const docs: SearchDoc[] = [];
    slice.forEach((article, position) => {
      const excerpt = firstWords(bodyText(article), BODY_WORDS);
      const section = sections.get(article.section) ?? {
        id: article.section,
        name: article.section,
      };
      const doc: SearchDoc = {
        id: article.id,
        headline: article.headline,
        section,
        publishedAt: article.publishedAt,
        excerpt,
      };
      if (article.summary) doc.summary = article.summary;
      docs.push(doc);
      index.add({
        n: position,
        headline: article.headline,
        summary: article.summary ?? '',
        tags: (article.tags ?? []).map((tag) => tag.name).join(' '),
        body: excerpt,
      });
    });
    const payload: SearchShard = { version: 1, docs, index: index.toJSON() };
    const path = apiPaths.searchShard(n);
    yield { path, payload };
    manifest.shards.push({
      path,
      stories: slice.length,
      newest: slice[0]?.publishedAt ?? '',
      oldest: slice.at(-1)?.publishedAt ?? '',
    });
  }
  yield { path: apiPaths.searchManifest(), payload: manifest };
}

/** The index files for a checked corpus: what the content build writes beside the API. */
export function searchIndexFiles(corpus: Corpus): Generator<ApiFile> {
  const sections = new Map(corpus.sections.map((s) => [s.id, s]));
  return buildSearchIndex([...corpus.articles].sort(newestFirst), sections);
}
