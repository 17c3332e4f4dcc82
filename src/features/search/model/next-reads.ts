// When what a round has read cannot settle its page, what to read next, by bytes
// (docs/search.md, «Ranking»): the records of the few stories that could still take a
// place on it — each record holds every text of its story with its field, and the
// build's own rule (termWeights) gives the story's weight for every word — or the next
// block of each list whose unread postings could. A rare word beside a very common one
// then costs a few records, most of them shown anyway, and two common words a block or
// two of one list, not their whole tails.
import { PAGE_SIZE } from '#content/api-paths.ts';
import type { SearchDocRecord } from '#content/search-index-layout.ts';
import { recordTexts, termWeights } from '#content/story-terms.ts';
import type { Candidate } from './posting-lists.ts';
import type { Ranked } from './rank-stories.ts';

/**
 * Bytes gzip, measured on the 100,000-story corpus: a record 1,441 on average; a posting
 * 1.3 in a tail's first blocks (4,096 and 16,384 postings: sparse, so larger gaps) and
 * 1.12 over a whole tail. Records are read when they cost less than the blocks they stand
 * for, counting only those beyond the page (the page's own records are fetched anyway).
 */
const RECORD_BYTES = 1441;
const NEXT_BLOCK_POSTING_BYTES = 1.3;
const TAIL_POSTING_BYTES = 1.12;
/** At most this many records a round, whatever the blocks weigh: each is a request. */
const MAX_RECORDS = 200;

export type NextReads = { records: number[] } | { blocks: Candidate[] };

export function nextReads(ranked: Ranked): NextReads | null {
  const { blockers, unseen, extend } = ranked;
  // Once the page's places are all taken, a block may settle it by its lighter postings
  // alone; before that, a block settles only the stories it holds, so knowing every
  // blocker would take every unread posting.
  const blockBytes = ranked.full
    ? ranked.extendPostings * NEXT_BLOCK_POSTING_BYTES
    : ranked.unreadPostings * TAIL_POSTING_BYTES;
  const recordBytes = Math.max(0, blockers.length - PAGE_SIZE) * RECORD_BYTES;
  // Records settle only the stories they name: not while a story in no list read could rank.
  if (
    !unseen &&
    blockers.length > 0 &&
    blockers.length <= MAX_RECORDS &&
    (recordBytes <= blockBytes || extend.length === 0)
  ) {
    return { records: blockers };
  }
  return extend.length > 0 ? { blocks: extend } : null;
}

/** Each story's weight for every word it holds, from its record. */
export async function recordWeights(
  keys: readonly number[],
  doc: (key: number) => Promise<SearchDocRecord>,
): Promise<[number, Map<string, number>][]> {
  const records = await Promise.all(keys.map(doc));
  return records.map((record, i) => [keys[i] as number, termWeights(recordTexts(record))]);
}
