import { describe, expect, it } from 'vitest';
import { PostingPool } from './posting-pool.ts';

describe('PostingPool', () => {
  it('keeps many lists apart, each in the order pushed, over many pages', () => {
    const pool = new PostingPool();
    const expected: number[][] = [];
    // Lists of every length from 0 to a few thousand, pushed to in turn, as a build does.
    for (let i = 0; i < 3000; i++) {
      expect(pool.add()).toBe(i);
      expected.push([]);
    }
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let step = 0; step < 600_000; step++) {
      const list = next() % (1 + (step % 3000));
      // 32-bit numbers, then (half-way, the pages widened) numbers past 32 bits, as a
      // posting of a story of 2200 would be.
      const value = step < 300_000 ? next() * 2 + (step % 2) : next() * 64 + (step % 5);
      pool.push(list, value);
      expected[list]?.push(value);
    }
    expect(pool.count).toBe(3000);
    for (let list = 0; list < 3000; list++) {
      expect(pool.size(list)).toBe(expected[list]?.length);
      expect(pool.values(list)).toEqual(expected[list]);
    }
  });

  it('gives an empty list as empty', () => {
    const pool = new PostingPool();
    const list = pool.add();
    expect(pool.size(list)).toBe(0);
    expect(pool.values(list)).toEqual([]);
  });
});
