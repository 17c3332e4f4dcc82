import { describe, expect, it } from 'vitest';
import { NetworkError, NotFoundError, TimeoutError, UnavailableError } from '#shared/api/errors.ts';
import {
  CHECK_AT_MOST_EVERY,
  CHECK_EVERY,
  type CheckState,
  checkInterval,
  retryCheck,
} from './polling.ts';

/** A query's state as TanStack keeps it, moved along by checks that succeed or fail. */
function watched() {
  const state: CheckState = { dataUpdatedAt: 0, errorUpdatedAt: 0, errorUpdateCount: 0 };
  let now = 1_000;
  return {
    query: { state },
    succeed() {
      state.dataUpdatedAt = now++;
    },
    fail() {
      state.errorUpdatedAt = now++;
      state.errorUpdateCount++;
    },
  };
}

describe('checkInterval', () => {
  it('checks every minute, twice as late after each failure in a row, at most every 10 minutes', () => {
    const { query, fail } = watched();
    expect(checkInterval(query)).toBe(CHECK_EVERY);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      fail();
      waits.push(checkInterval(query));
    }
    expect(waits).toEqual([120_000, 240_000, 480_000, CHECK_AT_MOST_EVERY, CHECK_AT_MOST_EVERY]);
  });

  it('goes back to every minute after a success, and counts failures in a row from there', () => {
    const { query, succeed, fail } = watched();
    succeed();
    fail();
    fail();
    expect(checkInterval(query)).toBe(240_000);
    succeed();
    expect(checkInterval(query)).toBe(CHECK_EVERY);
    fail();
    expect(checkInterval(query)).toBe(120_000);
  });

  it('counts each query apart', () => {
    const failing = watched();
    failing.fail();
    expect(checkInterval(failing.query)).toBe(120_000);
    expect(checkInterval(watched().query)).toBe(CHECK_EVERY);
  });
});

describe('retryCheck', () => {
  it('tries a check that got no answer once more, and leaves answers and timeouts to the backoff', () => {
    const dropped = new NetworkError('Failed to fetch');
    expect(retryCheck(0, dropped)).toBe(true);
    expect(retryCheck(1, dropped)).toBe(false);
    expect(retryCheck(0, new UnavailableError('HTTP 503', 503))).toBe(false);
    expect(retryCheck(0, new UnavailableError('Not JSON (text/html)'))).toBe(false);
    expect(retryCheck(0, new TimeoutError('no answer in 10 s'))).toBe(false);
    expect(retryCheck(0, new NotFoundError('gone'))).toBe(false);
  });
});
