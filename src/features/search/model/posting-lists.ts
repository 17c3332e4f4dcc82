// What a query has read of a form's posting list: inline in its chunk, or its head and
// as many blocks of its tail as the page needed (docs/search.md, «Ranking»). Blocks come
// in impact order, so whatever is still unread is no heavier than the lightest posting
// read.

import type { PostingList, TermEntry } from '#content/api-schema.ts';
import type { MatchLevel } from '#content/arabic-search-terms.ts';
import {
  byImpact,
  decodePostings,
  decodeTail,
  listCount,
  nextTailRead,
  type TailBlock,
} from '#content/search-index-layout.ts';
import { NotFoundError } from '#shared/api/errors.ts';

/** A form of a query word found in the index, how it matched, and its postings inline or IN_LIST_FILE. */
export type Candidate = { surface: string; level: MatchLevel; stored: TermEntry[1] };

export type Postings = {
  /** The head: the heaviest postings, impact order. */
  head: number[];
  /** The tail blocks read so far, merged newest first. */
  tail: Float64Array;
  /** The tail's blocks, as the head names them. */
  blocks: readonly TailBlock[];
  /** How many of them are read. */
  read: number;
  /**
   * The lightest posting read, by impact: nothing unread is heavier, nor as heavy and
   * newer. Undefined for an empty list.
   */
  last: number | undefined;
  /** Whether tail blocks are still unread. */
  more: boolean;
};

export type ListSource = {
  /** A long list's head file. */
  list(surface: string): Promise<PostingList>;
  /** The postings of a tail block, by its first posting (TailBlock). */
  tail(surface: string, first: number): Promise<string>;
};

const NONE = new Float64Array(0);

export async function headOf(source: ListSource, c: Candidate): Promise<Postings> {
  const file = typeof c.stored === 'string' ? null : await source.list(c.surface);
  const head = decodePostings(file ? file.postings : (c.stored as string));
  const blocks = file?.tail ?? [];
  return { head, tail: NONE, blocks, read: 0, last: head.at(-1), more: blocks.length > 0 };
}

/** The blocks the next read of a list takes: about TAIL_GROWTH times as deep as what is read. */
const nextBlocks = (known: Postings): readonly TailBlock[] =>
  known.blocks.slice(
    known.read,
    known.read + nextTailRead(known.blocks, known.read, known.head.length + known.tail.length),
  );

/** How many postings the next read of a list takes (0 when none is left). */
export function nextBlockSize(known: Postings): number {
  return nextBlocks(known).reduce((sum, [, size]) => sum + size, 0);
}

/** How many stories the list holds, read or not (its head says). */
export const storiesIn = (known: Postings): number => listCount(known.head.length, known.blocks);

/** How many postings of the list are still unread. */
export const unreadOf = (known: Postings): number =>
  storiesIn(known) - known.head.length - known.tail.length;

/** The list with its next tail blocks read too. */
export async function withNextBlock(
  source: ListSource,
  c: Candidate,
  known: Postings,
): Promise<Postings> {
  const next = nextBlocks(known);
  if (next.length === 0) return known;
  // Side by side: one round trip. Each block is newest first; the read's lightest is the last block's.
  const fetched = await Promise.all(
    next.map(async ([first, size]) => {
      const block = decodeTail(await source.tail(c.surface, first));
      // A block keeps its name when a posting in it comes or goes: one of another size
      // than the cached head says was published since, as a missing one would be.
      if (block.length !== size)
        throw new NotFoundError(`${c.surface}: tail block ${first} changed`);
      return block;
    }),
  );
  const block = fetched.reduce(mergeDescending);
  const read = known.read + next.length;
  return {
    head: known.head,
    tail: mergeDescending(known.tail, block),
    blocks: known.blocks,
    read,
    last: lightest(fetched.at(-1) as Float64Array) ?? known.last,
    more: read < known.blocks.length,
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
