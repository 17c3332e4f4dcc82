import { afterEach, describe, expect, it, vi } from 'vitest';
import { storyPayload } from '#test/factories.ts';
import { storySchema } from './content-schemas.ts';
import { InvalidContentError, NotFoundError, TimeoutError, UnavailableError } from './errors.ts';
import { FETCH_TIMEOUT_MS, fetchJson } from './fetch-json.ts';

const answer = (body: string, status = 200, type = 'application/json') =>
  vi
    .spyOn(globalThis, 'fetch')
    .mockResolvedValue(new Response(body, { status, headers: { 'content-type': type } }));

describe('fetchJson', () => {
  afterEach(() => vi.restoreAllMocks());

  it('returns what passes the schema', async () => {
    const payload = storyPayload();
    answer(JSON.stringify(payload));
    await expect(fetchJson('/api/articles/x.json', storySchema)).resolves.toEqual(payload);
  });

  it.each([
    ['a 404', () => answer('', 404), NotFoundError],
    // A captive portal or a proxy answering in the server's place: worth a retry, not "missing".
    ['a 200 HTML page', () => answer('<!doctype html>', 200, 'text/html'), UnavailableError],
    ['a 200 without a content type', () => answer('{}', 200, ''), UnavailableError],
    ['a 200 in text/plain', () => answer('{}', 200, 'text/plain'), UnavailableError],
    ['a 503', () => answer('', 503), UnavailableError],
    [
      'a network failure',
      () => vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('offline')),
      UnavailableError,
    ],
    ['malformed JSON', () => answer('{"article": '), InvalidContentError],
  ])('turns %s into its error', async (_, respond, expected) => {
    respond();
    await expect(fetchJson('/api/articles/x.json', storySchema)).rejects.toBeInstanceOf(expected);
  });

  describe(`after ${FETCH_TIMEOUT_MS / 1000} s without an answer`, () => {
    afterEach(() => vi.useRealTimers());

    /** A fetch that never answers, and rejects as a browser's does when its signal aborts. */
    const stall = () =>
      vi.spyOn(globalThis, 'fetch').mockImplementation(
        (_, init) =>
          new Promise((_resolve, reject) => {
            init?.signal?.addEventListener('abort', () =>
              reject(new DOMException('aborted', 'AbortError')),
            );
          }),
      );

    it('gives up with a TimeoutError, a kind of UnavailableError', async () => {
      vi.useFakeTimers();
      stall();
      const result = fetchJson('/api/articles/x.json', storySchema);
      const settled = expect(result).rejects.toBeInstanceOf(TimeoutError);
      await vi.advanceTimersByTimeAsync(FETCH_TIMEOUT_MS - 1);
      let done = false;
      void result.catch(() => (done = true));
      await Promise.resolve();
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await settled;
      await expect(result).rejects.toBeInstanceOf(UnavailableError);
    });

    it('also when the headers came but the body stalls', async () => {
      vi.useFakeTimers();
      vi.spyOn(globalThis, 'fetch').mockImplementation(async (_, init) => {
        const body = new ReadableStream({
          start(controller) {
            init?.signal?.addEventListener('abort', () =>
              controller.error(new DOMException('aborted', 'AbortError')),
            );
          },
        });
        return new Response(body, { headers: { 'content-type': 'application/json' } });
      });
      const result = fetchJson('/api/articles/x.json', storySchema);
      const settled = expect(result).rejects.toBeInstanceOf(TimeoutError);
      await vi.advanceTimersByTimeAsync(FETCH_TIMEOUT_MS);
      await settled;
    });

    it('a request the caller cancels stays a cancellation', async () => {
      stall();
      const controller = new AbortController();
      const result = fetchJson('/api/articles/x.json', storySchema, controller.signal);
      controller.abort();
      await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    });
  });

  it('rejects content of the wrong shape, and names the problems in the console', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    answer(JSON.stringify({ ...storyPayload(), readingMinutes: 'three' }));
    await expect(fetchJson('/api/articles/x.json', storySchema)).rejects.toBeInstanceOf(
      InvalidContentError,
    );
    expect(error).toHaveBeenCalledWith(
      'Invalid content from /api/articles/x.json',
      expect.objectContaining({
        nested: expect.objectContaining({ readingMinutes: expect.any(Array) }),
      }),
    );
  });
});
