// Bookmark storage itself: IndexedDB (via idb) when the browser has it, memory
// otherwise (private modes), with the reader told which. The app reaches it only
// through bookmark-db.ts, which loads this module on first use. Reading records
// checks them (bookmark-record.ts, with valibot), which loads only then: a first view
// asks only which stories are saved (savedIds).
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { StoryPayload } from '#content/api-schema.ts';
import { type NewBookmark, StorageFullError, type StorageKind } from './bookmark-db.ts';
import type { BookmarkEntry } from './bookmark-record.ts';

const records = () => import('./bookmark-record.ts');

const DB_NAME = 'qari';
const ENTRIES = 'bookmarks';
const STORIES = 'stories';

interface Backend {
  kind: StorageKind;
  ids(): Promise<string[]>;
  entries(): Promise<unknown[]>;
  story(id: string): Promise<unknown>;
  entry(id: string): Promise<unknown>;
  put(
    items: readonly { entry: BookmarkEntry; story: { id: string; payload: StoryPayload } }[],
  ): Promise<void>;
  putEntry(entry: BookmarkEntry): Promise<void>;
  remove(id: string): Promise<void>;
}

function createStores(db: IDBPDatabase) {
  if (!db.objectStoreNames.contains(ENTRIES)) db.createObjectStore(ENTRIES, { keyPath: 'id' });
  if (!db.objectStoreNames.contains(STORIES)) db.createObjectStore(STORIES, { keyPath: 'id' });
}

/** Opens the database; if something else left it without our stores, adds them in a new version. */
async function openDatabase(): Promise<IDBPDatabase> {
  // Loaded on first use, after the page has painted: storage is never on the critical path.
  const { openDB } = await import('idb');
  let db = await openDB(DB_NAME, undefined, { upgrade: createStores });
  if (!db.objectStoreNames.contains(ENTRIES) || !db.objectStoreNames.contains(STORIES)) {
    const version = db.version + 1;
    db.close();
    db = await openDB(DB_NAME, version, { upgrade: createStores });
  }
  return db;
}

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22)
  );
}

function indexedDbBackend(db: IDBPDatabase): Backend {
  type WriteTx = IDBPTransaction<unknown, string[], 'readwrite'>;
  const write = async (run: (tx: WriteTx) => Promise<unknown>[]) => {
    const tx = db.transaction([ENTRIES, STORIES], 'readwrite');
    try {
      await Promise.all([...run(tx), tx.done]);
    } catch (error) {
      if (isQuotaError(error)) throw new StorageFullError('Browser storage is full');
      throw error;
    }
  };
  return {
    kind: 'indexeddb',
    ids: async () => (await db.getAllKeys(ENTRIES)).map(String),
    entries: () => db.getAll(ENTRIES),
    story: (id) => db.get(STORIES, id),
    entry: (id) => db.get(ENTRIES, id),
    put: (items) =>
      write((tx) =>
        items.flatMap(({ entry, story }) => [
          tx.objectStore(ENTRIES).put(entry),
          tx.objectStore(STORIES).put(story),
        ]),
      ),
    putEntry: (entry) => write((tx) => [tx.objectStore(ENTRIES).put(entry)]),
    remove: (id) =>
      write((tx) => [tx.objectStore(ENTRIES).delete(id), tx.objectStore(STORIES).delete(id)]),
  };
}

function memoryBackend(): Backend {
  const entries = new Map<string, BookmarkEntry>();
  const stories = new Map<string, unknown>();
  return {
    kind: 'memory',
    ids: async () => [...entries.keys()],
    entries: async () => [...entries.values()],
    story: async (id) => stories.get(id),
    entry: async (id) => entries.get(id),
    put: async (items) => {
      for (const { entry, story } of items) {
        entries.set(entry.id, entry);
        stories.set(story.id, story);
      }
    },
    putEntry: async (entry) => {
      entries.set(entry.id, entry);
    },
    remove: async (id) => {
      entries.delete(id);
      stories.delete(id);
    },
  };
}

let backend: Promise<Backend> | null = null;

function getBackend(): Promise<Backend> {
  backend ??= (async () => {
    try {
      if (typeof indexedDB === 'undefined') throw new Error('No IndexedDB');
      return indexedDbBackend(await openDatabase());
    } catch (error) {
      console.warn('IndexedDB is not available; bookmarks are kept for this visit only.', error);
      return memoryBackend();
    }
  })();
  return backend;
}

export async function storageKind(): Promise<StorageKind> {
  return (await getBackend()).kind;
}

/** The ids of the saved stories, unchecked: enough to show which «حفظ» is pressed. */
export async function savedIds(): Promise<string[]> {
  return (await getBackend()).ids();
}

/** Every readable bookmark, most recently saved first; unreadable records are skipped. */
export async function listBookmarks(): Promise<BookmarkEntry[]> {
  const [raw, { readBookmark }] = await Promise.all([(await getBackend()).entries(), records()]);
  return raw
    .map(readBookmark)
    .filter((entry): entry is BookmarkEntry => entry !== null)
    .sort((a, b) => b.savedAt - a.savedAt);
}

export async function getSavedStory(id: string): Promise<StoryPayload | null> {
  const [raw, { readSavedStory }] = await Promise.all([(await getBackend()).story(id), records()]);
  return readSavedStory(raw);
}

export async function saveBookmarks(items: readonly NewBookmark[]): Promise<void> {
  const { BOOKMARK_VERSION } = await records();
  await (await getBackend()).put(
    items.map(({ payload, teaser, savedAt }) => ({
      entry: { v: BOOKMARK_VERSION, id: teaser.id, savedAt, teaser },
      story: { id: teaser.id, payload },
    })),
  );
}

export async function removeBookmark(id: string): Promise<void> {
  await (await getBackend()).remove(id);
}

export async function getBookmark(id: string): Promise<BookmarkEntry | null> {
  const [raw, { readBookmark }] = await Promise.all([(await getBackend()).entry(id), records()]);
  return raw === undefined ? null : readBookmark(raw);
}

export async function setReadingPosition(id: string, position: number): Promise<void> {
  const entry = await getBookmark(id);
  if (!entry) return;
  await (await getBackend()).putEntry({ ...entry, position: Math.min(1, Math.max(0, position)) });
}

/** For tests: forget the open connection so the next call opens afresh. */
export function resetBackend(): void {
  backend = null;
}

/** Every saved story with the time it was saved, for export. */
export async function exportBookmarks(): Promise<{ savedAt: number; story: StoryPayload }[]> {
  const entries = await listBookmarks();
  const stories = await Promise.all(entries.map((entry) => getSavedStory(entry.id)));
  return entries.flatMap((entry, i) => {
    const story = stories[i];
    return story ? [{ savedAt: entry.savedAt, story }] : [];
  });
}
