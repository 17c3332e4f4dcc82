import { hashKey } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CHECK_AT_MOST_EVERY,
  CHECK_EVERY,
  checkInterval,
  counted,
  resetFailures,
} from './polling.ts';

afterEach(resetFailures);

const key = ['latest', 'front'] as const;
const query = { queryHash: hashKey(key) };
const context = { queryKey: key, signal: new AbortController().signal } as never;

describe('checkInterval', () => {
  it('checks every minute, twice as late after each failure in a row, at most every 10 minutes', async () => {
    expect(checkInterval(query)).toBe(CHECK_EVERY);
    const failing = counted(() => Promise.reject(new Error('offline')));
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      await failing(context).catch(() => undefined);
      waits.push(checkInterval(query));
    }
    expect(waits).toEqual([120_000, 240_000, 480_000, CHECK_AT_MOST_EVERY, CHECK_AT_MOST_EVERY]);
  });

  it('goes back to every minute after a success, and counts each query apart', async () => {
    await counted(() => Promise.reject(new Error('500')))(context).catch(() => undefined);
    expect(checkInterval({ queryHash: hashKey(['latest', 'story', 'x']) })).toBe(CHECK_EVERY);
    expect(await counted(() => Promise.resolve(7))(context)).toBe(7);
    expect(checkInterval(query)).toBe(CHECK_EVERY);
  });
});
