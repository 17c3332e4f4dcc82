// All bookmark storage goes through this module. It is small on purpose: the storage
// itself (bookmark-store.ts: IndexedDB through idb, the memory fallback, and the
// records' validation) loads on first use, after the page has painted and hydrated,
// so it never weighs on the first view.
import type { StoryPayload, Teaser } from '#content/api-schema.ts';
import type { BookmarkEntry } from './bookmark-record.ts';

export type StorageKind = 'indexeddb' | 'memory';
export type NewBookmark = { payload: StoryPayload; teaser: Teaser; savedAt: number };

export class StorageFullError extends Error {
  override name = 'StorageFullError';
}

const store = () => import('./bookmark-store.ts');

/** Where bookmarks are kept in this browser: IndexedDB, or memory for this visit only. */
export const storageKind = async (): Promise<StorageKind> => (await store()).storageKind();

/** Every readable bookmark, most recently saved first; unreadable records are skipped. */
export const listBookmarks = async (): Promise<BookmarkEntry[]> => (await store()).listBookmarks();

/** The story as saved, for reading offline; null when not saved or no longer readable. */
export const getSavedStory = async (id: string): Promise<StoryPayload | null> =>
  (await store()).getSavedStory(id);

/** Saves whole stories in one transaction (a StorageFullError when the browser is full). */
export const saveBookmarks = async (items: readonly NewBookmark[]): Promise<void> =>
  (await store()).saveBookmarks(items);

/**
 * Imports bookmarks in one transaction: stories not saved here are added; a story saved
 * here keeps its text, and only a later save time moves it up (bookmark-store.ts).
 */
export const importBookmarks = async (
  items: readonly NewBookmark[],
): Promise<{ added: number; total: number }> => (await store()).importBookmarks(items);

export const removeBookmark = async (id: string): Promise<void> =>
  (await store()).removeBookmark(id);

export const getBookmark = async (id: string): Promise<BookmarkEntry | null> =>
  (await store()).getBookmark(id);

/** How far the reader got in a saved story, 0–1; nothing for a story not saved. */
export const setReadingPosition = async (id: string, position: number): Promise<void> =>
  (await store()).setReadingPosition(id, position);

/** Every saved story with the time it was saved, for export. */
export const exportBookmarks = async (): Promise<{ savedAt: number; story: StoryPayload }[]> =>
  (await store()).exportBookmarks();

/** For tests: forget the open connection so the next call opens afresh. */
export const resetBookmarkStorageForTests = async (): Promise<void> =>
  (await store()).resetBackend();
