import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { teaserOf } from '#content/teaser.ts';
import { storyPayload } from '#test/factories.ts';
import { resetBookmarkStorageForTests, saveBookmarks } from '../storage/bookmark-db.ts';
import { NotFoundError, UnavailableError } from './errors.ts';
import { storyQuery } from './story-query.ts';

const saved = storyPayload({ article: { id: 'saved-story', headline: 'قصة محفوظة' } });
const answer = (body: string, status: number, type: string) =>
  vi
    .spyOn(globalThis, 'fetch')
    .mockResolvedValue(new Response(body, { status, headers: { 'content-type': type } }));
const fetchStory = (id: string) =>
  new QueryClient({ defaultOptions: { queries: { retry: false } } }).fetchQuery(storyQuery(id));

describe('storyQuery', () => {
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    await resetBookmarkStorageForTests();
    await saveBookmarks([{ payload: saved, teaser: teaserOf(saved), savedAt: 1_000 }]);
  });
  afterEach(() => vi.restoreAllMocks());

  it.each([
    [
      'a captive portal answers with its page',
      () => answer('<html>login</html>', 200, 'text/html'),
    ],
    ['the server fails', () => answer('', 503, 'text/plain')],
    ['the network is down', () => vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError())],
  ])('opens the saved copy when %s', async (_, respond) => {
    respond();
    await expect(fetchStory('saved-story')).resolves.toEqual(saved);
  });

  it('a story not saved fails with a retry, and a missing one is missing', async () => {
    answer('<html>login</html>', 200, 'text/html');
    await expect(fetchStory('other')).rejects.toBeInstanceOf(UnavailableError);
    answer('{"error":"not found"}', 404, 'application/json');
    await expect(fetchStory('other')).rejects.toBeInstanceOf(NotFoundError);
  });
});
