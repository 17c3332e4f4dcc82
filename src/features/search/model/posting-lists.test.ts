import { describe, expect, it } from 'vitest';
import {
  encodePostings,
  encodeTail,
  IN_LIST_FILE,
  packPosting,
  SEARCH_INDEX_VERSION,
} from '#content/search-index-layout.ts';
import { NotFoundError } from '#shared/api/errors.ts';
import {
  type Candidate,
  headOf,
  type ListSource,
  storiesIn,
  unreadOf,
  withNextBlock,
} from './posting-lists.ts';

const head = [packPosting(900, 8), packPosting(800, 8)];
const block = [packPosting(700, 4), packPosting(600, 4), packPosting(500, 2)];
const candidate: Candidate = { surface: 'مدينه', level: 0, stored: IN_LIST_FILE };

function sourceWith(tail: number[]): ListSource {
  return {
    list: async () => ({
      v: SEARCH_INDEX_VERSION,
      postings: encodePostings(head),
      tail: [[block[0] as number, block.length]],
    }),
    tail: async () => encodeTail(tail),
  };
}

describe('posting lists', () => {
  it('reads a tail block the head names, in one more read', async () => {
    const source = sourceWith(block);
    const known = await headOf(source, candidate);
    expect(known.more).toBe(true);
    const read = await withNextBlock(source, candidate, known);
    expect([...read.tail]).toEqual([...block].sort((a, b) => b - a));
    expect(read.more).toBe(false);
    expect(read.last).toBe(block[2]);
  });

  it('counts the stories of a list from its head: its postings and its blocks, read or not', async () => {
    const source = sourceWith(block);
    const known = await headOf(source, candidate);
    expect([storiesIn(known), unreadOf(known)]).toEqual([5, 3]);
    const read = await withNextBlock(source, candidate, known);
    expect([storiesIn(read), unreadOf(read)]).toEqual([5, 0]);
    const inline = await headOf(source, { ...candidate, stored: encodePostings(block) });
    expect([storiesIn(inline), unreadOf(inline)]).toEqual([3, 0]);
  });

  it('takes a block of another size than its head says as gone (published since)', async () => {
    const source = sourceWith(block.slice(0, 2));
    const known = await headOf(source, candidate);
    await expect(withNextBlock(source, candidate, known)).rejects.toBeInstanceOf(NotFoundError);
  });
});
