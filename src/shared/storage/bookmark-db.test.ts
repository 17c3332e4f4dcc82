import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { teaserOf } from '#content/teaser.ts';
import { storyPayload, teaser } from '#test/factories.ts';
import {
  exportBookmarks,
  getBookmark,
  getSavedStory,
  importBookmarks,
  listBookmarks,
  listSavedIds,
  type NewBookmark,
  removeBookmark,
  resetBookmarkStorageForTests,
  StorageFullError,
  saveBookmarks,
  setReadingPosition,
  storageKind,
} from './bookmark-db.ts';

// Real IndexedDB semantics in memory (fake-indexeddb): a fresh database for every test.
const originalPut = IDBObjectStore.prototype.put;
const bookmark = (id: string, savedAt: number): NewBookmark => {
  const payload = storyPayload({ article: { id, headline: `قصة ${id}` } });
  return { payload, teaser: teaserOf(payload), savedAt };
};

/** Puts a record straight into a store, as another version of the app (or a bug) might have. */
async function putRaw(store: string, record: unknown) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('qari');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite');
    tx.objectStore(store).put(record);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

describe('bookmark storage', () => {
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    await resetBookmarkStorageForTests();
  });
  afterEach(() => vi.restoreAllMocks());

  it('saves whole stories and lists them most recently saved first', async () => {
    await saveBookmarks([bookmark('older-save', 1_000), bookmark('newer-save', 2_000)]);
    await saveBookmarks([bookmark('middle-save', 1_500)]);
    expect((await listBookmarks()).map((entry) => entry.id)).toEqual([
      'newer-save',
      'middle-save',
      'older-save',
    ]);
    expect(await storageKind()).toBe('indexeddb');
    const saved = await getSavedStory('middle-save');
    expect(saved?.article.headline).toBe('قصة middle-save');
    expect((await getBookmark('middle-save'))?.teaser).toEqual(teaserOf(saved!));
  });

  it('lists which stories are saved without reading their records', async () => {
    expect(await listSavedIds()).toEqual([]);
    await saveBookmarks([bookmark('first', 1_000), bookmark('second', 2_000)]);
    await removeBookmark('first');
    expect(await listSavedIds()).toEqual(['second']);
  });

  it('saving a story again replaces it, never duplicates it', async () => {
    await saveBookmarks([bookmark('same-story', 1_000)]);
    await saveBookmarks([bookmark('same-story', 3_000)]);
    const list = await listBookmarks();
    expect(list).toHaveLength(1);
    expect(list[0]?.savedAt).toBe(3_000);
  });

  it('removes the entry and the stored story together', async () => {
    await saveBookmarks([bookmark('keep-me', 1_000), bookmark('drop-me', 2_000)]);
    await removeBookmark('drop-me');
    expect((await listBookmarks()).map((entry) => entry.id)).toEqual(['keep-me']);
    expect(await getBookmark('drop-me')).toBeNull();
    expect(await getSavedStory('drop-me')).toBeNull();
    await expect(removeBookmark('never-saved')).resolves.toBeUndefined();
  });

  it('keeps the reading position of a saved story, between 0 and 1, and none for others', async () => {
    await saveBookmarks([bookmark('long-read', 1_000)]);
    await setReadingPosition('long-read', 0.42);
    expect((await getBookmark('long-read'))?.position).toBe(0.42);
    await setReadingPosition('long-read', 7);
    expect((await getBookmark('long-read'))?.position).toBe(1);
    await setReadingPosition('long-read', -3);
    expect((await getBookmark('long-read'))?.position).toBe(0);
    await setReadingPosition('not-saved', 0.5);
    expect(await getBookmark('not-saved')).toBeNull();
  });

  it('skips records that fail validation, reports them, and still lists the rest', async () => {
    await saveBookmarks([bookmark('good-one', 1_000)]);
    await putRaw('bookmarks', { id: 'broken', v: 1, savedAt: 'soon', teaser: 42 });
    await putRaw('bookmarks', { id: 'from-the-future', v: 99, savedAt: 5, teaser: teaser() });
    await putRaw('stories', { id: 'good-one', payload: { article: 'not a story' } });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await listBookmarks()).map((entry) => entry.id)).toEqual(['good-one']);
    expect(warn).toHaveBeenCalledTimes(2);
    // A stored story that no longer validates is not served (the network or a new save is).
    expect(await getSavedStory('good-one')).toBeNull();
  });

  it('reads records of an older version through the migrations', async () => {
    await saveBookmarks([bookmark('current', 1_000)]);
    await putRaw('bookmarks', {
      id: 'from-the-prototype',
      savedAt: '2026-11-20T08:00:00.000Z',
      teaser: teaser({ id: 'from-the-prototype' }),
    });
    const list = await listBookmarks();
    expect(list.map((entry) => [entry.id, entry.v, entry.savedAt])).toEqual([
      ['from-the-prototype', 1, Date.parse('2026-11-20T08:00:00.000Z')],
      ['current', 1, 1_000],
    ]);
  });

  it('adds its stores to a database something else created without them', async () => {
    await new Promise<void>((resolve) => {
      const request = indexedDB.open('qari', 3);
      request.onupgradeneeded = () => request.result.createObjectStore('other');
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
    await saveBookmarks([bookmark('after-upgrade', 1_000)]);
    expect((await listBookmarks()).map((entry) => entry.id)).toEqual(['after-upgrade']);
  });

  it('keeps bookmarks in memory, and says so, where the browser has no IndexedDB', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // @ts-expect-error: a private-mode browser without IndexedDB
    delete globalThis.indexedDB;
    await saveBookmarks([bookmark('for-this-visit', 1_000)]);
    expect(await storageKind()).toBe('memory');
    expect((await listBookmarks()).map((entry) => entry.id)).toEqual(['for-this-visit']);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('turns a full storage into StorageFullError and loses nothing saved before', async () => {
    await saveBookmarks([bookmark('saved-before', 1_000)]);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(saveBookmarks([bookmark('one-too-many', 2_000)])).rejects.toBeInstanceOf(
      StorageFullError,
    );
    put.mockRestore();
    expect((await listBookmarks()).map((entry) => entry.id)).toEqual(['saved-before']);
  });

  describe('importing', () => {
    /** The same story as `bookmark(id)`, with a headline and text a file could carry instead. */
    const edited = (id: string, savedAt: number): NewBookmark => {
      const payload = storyPayload({
        article: {
          id,
          headline: 'عنوان من ملف',
          body: [{ type: 'paragraph', content: ['نص من ملف'] }],
        },
      });
      return { payload, teaser: teaserOf(payload), savedAt };
    };

    it('adds the stories not saved here, whole', async () => {
      expect(await importBookmarks([bookmark('new-a', 1_000), bookmark('new-b', 2_000)])).toEqual({
        added: 2,
        total: 2,
      });
      expect((await listBookmarks()).map((e) => e.id)).toEqual(['new-b', 'new-a']);
      expect((await getSavedStory('new-a'))?.article.headline).toBe('قصة new-a');
    });

    it('never rewrites the text of a story saved here; a later save time only moves it up', async () => {
      await saveBookmarks([bookmark('saved-here', 1_000), bookmark('saved-later', 5_000)]);
      await setReadingPosition('saved-here', 0.5);
      expect(
        await importBookmarks([edited('saved-here', 3_000), edited('saved-later', 4_000)]),
      ).toEqual({ added: 0, total: 2 });
      for (const id of ['saved-here', 'saved-later']) {
        const story = await getSavedStory(id);
        expect(story?.article.headline).toBe(`قصة ${id}`);
        expect(JSON.stringify(story)).not.toContain('من ملف');
        expect((await getBookmark(id))?.teaser.headline).toBe(`قصة ${id}`);
      }
      expect((await getBookmark('saved-here'))?.savedAt).toBe(3_000);
      expect((await getBookmark('saved-here'))?.position).toBe(0.5);
      expect((await getBookmark('saved-later'))?.savedAt).toBe(5_000);
    });

    it('writes all or nothing', async () => {
      await saveBookmarks([bookmark('saved-before', 1_000)]);
      // The third write fails: the first two (one story, whole) must not stay.
      let puts = 0;
      const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
        this: IDBObjectStore,
        ...args
      ) {
        if (++puts === 3) throw new DOMException('The quota is exceeded.', 'QuotaExceededError');
        return originalPut.apply(this, args);
      });
      await expect(
        importBookmarks([bookmark('new-a', 2_000), bookmark('new-b', 3_000)]),
      ).rejects.toBeInstanceOf(StorageFullError);
      put.mockRestore();
      expect((await listBookmarks()).map((e) => e.id)).toEqual(['saved-before']);
    });
  });

  it('exports every saved story with the time it was saved, newest first', async () => {
    await saveBookmarks([bookmark('first-saved', 1_000), bookmark('last-saved', 2_000)]);
    const exported = await exportBookmarks();
    expect(exported.map(({ savedAt, story }) => [story.article.id, savedAt])).toEqual([
      ['last-saved', 2_000],
      ['first-saved', 1_000],
    ]);
  });
});
