// What a query has read of a form's posting list: inline in its chunk, or its head and
// as many blocks of its tail as the page needed (docs/search.md, «Ranking»). Blocks come
// in impact order, so whatever is still unread is no heavier than the lightest posting
// read.
import type { MatchLevel } from '#content/arabic-search-terms.ts';
import { byImpact, decodePostings, decodeTail, listBlocks } from '#content/search-index-layout.ts';

/** A form of a query word found in the index, and how it matched. */
export type Candidate = { surface: string; level: MatchLevel; stored: string | number };

export type Postings = {
  /** The head: the heaviest postings, impact order. */
  head: number[];
  /** The tail blocks read so far, merged newest first. */
  tail: Float64Array;
  /** Files read: 1 for the head, and one more for each tail block. */
  files: number;
  /**
   * The lightest posting read, by impact: nothing unread is heavier, nor as heavy and
   * newer. Undefined for an empty list.
   */
  last: number | undefined;
  /** Whether tail blocks are still unread. */
  more: boolean;
};

export type ListSource = {
  list(surface: string): Promise<string>;
  tail(surface: string, block: number): Promise<string>;
};

const NONE = new Float64Array(0);

export async function headOf(source: ListSource, c: Candidate): Promise<Postings> {
  const head = decodePostings(
    typeof c.stored === 'string' ? c.stored : await source.list(c.surface),
  );
  const more = typeof c.stored === 'number' && head.length < c.stored;
  return { head, tail: NONE, files: 1, last: head.at(-1), more };
}

/** How many postings the next tail block holds (0 when none is left). */
export function nextBlockSize(c: Candidate, known: Postings): number {
  if (!known.more || typeof c.stored !== 'number') return 0;
  const block = listBlocks(c.stored, known.head.length)[known.files];
  return block ? block[1] - block[0] : 0;
}

/** How many postings of the list are still unread. */
export const unreadOf = (c: Candidate, known: Postings): number =>
  typeof c.stored === 'number' ? c.stored - known.head.length - known.tail.length : 0;

/** The list with its next tail block read too. */
export async function withNextBlock(
  source: ListSource,
  c: Candidate,
  known: Postings,
): Promise<Postings> {
  if (!known.more || typeof c.stored !== 'number') return known;
  const blocks = listBlocks(c.stored, known.head.length);
  const block = decodeTail(await source.tail(c.surface, known.files));
  return {
    head: known.head,
    tail: mergeDescending(known.tail, block),
    files: known.files + 1,
    last: lightest(block) ?? known.last,
    more: known.files + 1 < blocks.length,
  };
}

/** The lightest posting of a block: the last in impact order. */
function lightest(block: Float64Array): number | undefined {
  let found: number | undefined;
  for (const packed of block)
    if (found === undefined || byImpact(found, packed) < 0) found = packed;
  return found;
}

/** Two runs sorted largest first, as one. */
export function mergeDescending(a: Float64Array, b: Float64Array): Float64Array {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    out[k++] = (a[i] as number) >= (b[j] as number) ? (a[i++] as number) : (b[j++] as number);
  }
  while (i < a.length) out[k++] = a[i++] as number;
  while (j < b.length) out[k++] = b[j++] as number;
  return out;
}
