// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mapLimit } from './map-limit.ts';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapLimit', () => {
  it('keeps at most `limit` in flight and gives the results in order', async () => {
    let inFlight = 0;
    let most = 0;
    const got = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
      most = Math.max(most, ++inFlight);
      await tick(n);
      inFlight--;
      return n * 10;
    });
    expect(got).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });

  it('starts nothing after a failure, and rejects only once those in flight have ended', async () => {
    const started: number[] = [];
    const ended: number[] = [];
    const run = mapLimit([0, 1, 2, 3, 4, 5], 3, async (n) => {
      started.push(n);
      if (n === 0) throw new Error('disk full');
      await tick(20);
      ended.push(n);
      return n;
    });
    await expect(run).rejects.toThrow('disk full');
    // 1 and 2 were in flight when 0 failed: they ended before the rejection; 3 and on never began.
    expect(started).toEqual([0, 1, 2]);
    expect(ended.sort()).toEqual([1, 2]);
  });
});
