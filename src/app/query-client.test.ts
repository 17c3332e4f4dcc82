import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotFoundError, TimeoutError, UnavailableError } from '#shared/api/errors.ts';
import { retryQuery } from './query-client.ts';

afterEach(() => vi.restoreAllMocks());

describe('retryQuery', () => {
  it('retries a failed request once while online', () => {
    const error = new UnavailableError('HTTP 503', 503);
    expect(retryQuery(0, error)).toBe(true);
    expect(retryQuery(1, error)).toBe(false);
  });

  it('never retries what is missing, or a request that already waited its whole time', () => {
    expect(retryQuery(0, new NotFoundError('gone'))).toBe(false);
    // The reader has waited the full timeout: show the failure and its retry button now.
    expect(retryQuery(0, new TimeoutError('slow'))).toBe(false);
  });

  it('does not retry offline', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    expect(retryQuery(0, new UnavailableError('offline'))).toBe(false);
  });
});
