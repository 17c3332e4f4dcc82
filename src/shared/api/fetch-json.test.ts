import { afterEach, describe, expect, it, vi } from 'vitest';
import { storyPayload } from '#test/factories.ts';
import { storySchema } from './content-schemas.ts';
import { InvalidContentError, NotFoundError, UnavailableError } from './errors.ts';
import { fetchJson } from './fetch-json.ts';

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
    ['an HTML fallback page', () => answer('<!doctype html>', 200, 'text/html'), NotFoundError],
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
