// One query against one shard's MiniSearch index. Each query word must match (AND);
// a word matches by its normalized spelling or by its stems, and the word being typed
// also by its beginning. Stories that match words as spelled rank before stem-only ones.
import type { SearchOptions } from 'minisearch';
import type { SearchDoc } from '#content/api-schema.ts';
import {
  lookupTerms,
  MIN_PREFIX,
  type QueryWord,
  SEARCH_BOOST,
  STEM_MARK,
} from '#content/arabic-search-terms.ts';
import type { LoadedShard } from '../api/search-index-query.ts';

export type Hit = { doc: SearchDoc; score: number; exactWords: number };

/** Weight of a stem match against a match of the word as written. */
const STEM_WEIGHT = 0.35;

const SEARCH_OPTIONS: SearchOptions = {
  // Terms arrive already normalized and stemmed (lookupTerms): pass them through untouched.
  tokenize: (text) => text.split(' '),
  processTerm: (term) => term,
  fuzzy: false,
  boost: SEARCH_BOOST,
};

export function searchShard(shard: LoadedShard, words: readonly QueryWord[]): Hit[] {
  if (words.length === 0) return [];
  const last = words.length - 1;
  const results = shard.index.search(
    {
      combineWith: 'AND',
      queries: words.map((word, i) => ({
        combineWith: 'OR',
        queries: [lookupTerms(word).join(' ')],
        // The last word may be half typed: its spelling and its stems match by their start.
        prefix:
          i === last && word.normalized.length >= MIN_PREFIX
            ? (term: string) => term === word.normalized || term.startsWith(STEM_MARK)
            : false,
        boostTerm: (term: string) => (term === word.normalized ? 1 : STEM_WEIGHT),
      })),
    },
    SEARCH_OPTIONS,
  );
  const hits: Hit[] = [];
  for (const result of results) {
    const doc = shard.docs[result.id as number];
    if (!doc) continue;
    const matched = new Set(result.queryTerms);
    const exactWords = words.filter((w) => matched.has(w.normalized)).length;
    hits.push({ doc, score: result.score, exactWords });
  }
  return hits.sort((a, b) => b.exactWords - a.exactWords || b.score - a.score);
}
