import { describe, expect, it } from 'vitest';
import {
  encodePostings,
  encodeTail,
  packPosting,
  SEARCH_INDEX_VERSION,
} from '#content/search-index-layout.ts';
import { NotFoundError } from '#shared/api/errors.ts';
import { headOf, type ListSource, withNextBlock } from './posting-lists.ts';

const head = [packPosting(900, 8), packPosting(800, 8)];
const block = [packPosting(700, 4), packPosting(600, 4), packPosting(500, 2)];
const candidate = { surface: 'مدينه', level: 0 as const, stored: 5 };

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

  it('takes a block of another size than its head says as gone (published since)', async () => {
    const source = sourceWith(block.slice(0, 2));
    const known = await headOf(source, candidate);
    await expect(withNextBlock(source, candidate, known)).rejects.toBeInstanceOf(NotFoundError);
  });
});
