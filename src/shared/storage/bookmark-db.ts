// All bookmark storage goes through this module. It is small on purpose: the storage
// itself (bookmark-store.ts: IndexedDB through idb and the memory fallback) loads on
// first use, after the page has painted and hydrated; reading and writing records
// (bookmark-collection.ts) and their validation later still, when a record is read or
// written, so none of it weighs on the first view.
import type { StoryPayload, Teaser } from '#content/api-schema.ts';
import type { BookmarkEntry } from './bookmark-record.ts';

export type StorageKind = 'indexeddb' | 'memory';
export type NewBookmark = { payload: StoryPayload; teaser: Teaser; savedAt: number };

export class StorageFullError extends Error {
  override name = 'StorageFullError';
}

const store = () => import('./bookmark-store.ts');
const collection = () => import('./bookmark-collection.ts');

/** Where bookmarks are kept in this browser: IndexedDB, or memory for this visit only. */
export const storageKind = async (): Promise<StorageKind> => (await store()).storageKind();

/** The ids of the saved stories (their records unread): which «حفظ» shows pressed. */
export const listSavedIds = async (): Promise<string[]> => (await store()).savedIds();

/** Every readable bookmark, most recently saved first; unreadable records are skipped. */
export const listBookmarks = async (): Promise<BookmarkEntry[]> =>
  (await collection()).listBookmarks();

/** The story as saved, for reading offline; null when not saved or no longer readable. */
export const getSavedStory = async (id: string): Promise<StoryPayload | null> =>
  (await collection()).getSavedStory(id);

/** Saves whole stories in one transaction (a StorageFullError when the browser is full). */
export const saveBookmarks = async (items: readonly NewBookmark[]): Promise<void> =>
  (await collection()).saveBookmarks(items);

/**
 * Imports bookmarks in one transaction: stories not saved here are added; a story saved
 * here keeps its text, and only a later save time moves it up (bookmark-store.ts).
 */
export const importBookmarks = async (
  items: readonly NewBookmark[],
): Promise<{ added: number; total: number }> => (await collection()).importBookmarks(items);

export const removeBookmark = async (id: string): Promise<void> =>
  (await collection()).removeBookmark(id);

export const getBookmark = async (id: string): Promise<BookmarkEntry | null> =>
  (await collection()).getBookmark(id);

/** How far the reader got in a saved story, 0–1; nothing for a story not saved. */
export const setReadingPosition = async (id: string, position: number): Promise<void> =>
  (await collection()).setReadingPosition(id, position);

/** Every saved story with the time it was saved, for export. */
export const exportBookmarks = async (): Promise<{ savedAt: number; story: StoryPayload }[]> =>
  (await collection()).exportBookmarks();

/** For tests: forget the open connection so the next call opens afresh. */
export const resetBookmarkStorageForTests = async (): Promise<void> =>
  (await store()).resetBackend();
