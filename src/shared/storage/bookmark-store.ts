// Bookmark storage itself: IndexedDB (via idb) when the browser has it, memory
// otherwise (private modes), with the reader told which. The app reaches it only
// through bookmark-db.ts, which loads this module on first use.
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import * as v from 'valibot';
import type { StoryPayload } from '#content/api-schema.ts';
import { type NewBookmark, StorageFullError, type StorageKind } from './bookmark-db.ts';
import {
  BOOKMARK_VERSION,
  type BookmarkEntry,
  readBookmark,
  SavedStorySchema,
} from './bookmark-record.ts';

const DB_NAME = 'qari';
const ENTRIES = 'bookmarks';
const STORIES = 'stories';
/** Entries read, and checked, per task. */
const READ_BATCH = 250;

/** Lets the page paint and handle input between two batches of work. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

type StoredStory = { id: string; payload: StoryPayload };
/** What to write, decided from the entries stored when the write begins. */
type Writes = { entries: BookmarkEntry[]; stories: StoredStory[] };

interface Backend {
  kind: StorageKind;
  entries(): Promise<unknown[]>;
  story(id: string): Promise<unknown>;
  entry(id: string): Promise<unknown>;
  put(items: readonly { entry: BookmarkEntry; story: StoredStory }[]): Promise<void>;
  putEntry(entry: BookmarkEntry): Promise<void>;
  remove(id: string): Promise<void>;
  /** Reads the stored entries and writes what `decide` makes of them, in one transaction. */
  update(decide: (stored: unknown[]) => Writes): Promise<void>;
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
  type Track = (request: Promise<unknown>) => void;
  /**
   * One transaction: every write lands, or (aborted at the first failure) none does.
   * `run` hands each request to `track`, so one that fails after the abort is handled.
   */
  const write = async (run: (tx: WriteTx, track: Track) => void | Promise<void>) => {
    const tx = db.transaction([ENTRIES, STORIES], 'readwrite');
    const requests: Promise<unknown>[] = [];
    const track: Track = (request) => {
      request.catch(() => undefined);
      requests.push(request);
    };
    track(tx.done);
    try {
      await run(tx, track);
      await Promise.all(requests);
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already finished, or aborted by the failure itself.
      }
      if (isQuotaError(error)) throw new StorageFullError('Browser storage is full');
      throw error;
    }
  };
  return {
    kind: 'indexeddb',
    // In batches: each is a task of its own, so thousands of entries never block the page.
    entries: async () => {
      const all: unknown[] = [];
      let after: IDBKeyRange | undefined;
      for (;;) {
        const batch = await db.getAll(ENTRIES, after, READ_BATCH);
        all.push(...batch);
        const last = (batch.at(-1) as { id?: IDBValidKey } | undefined)?.id;
        if (batch.length < READ_BATCH || last === undefined) return all;
        after = IDBKeyRange.lowerBound(last, true);
      }
    },
    story: (id) => db.get(STORIES, id),
    entry: (id) => db.get(ENTRIES, id),
    put: (items) =>
      write((tx, track) => {
        for (const { entry, story } of items) {
          track(tx.objectStore(ENTRIES).put(entry));
          track(tx.objectStore(STORIES).put(story));
        }
      }),
    putEntry: (entry) => write((tx, track) => track(tx.objectStore(ENTRIES).put(entry))),
    remove: (id) =>
      write((tx, track) => {
        track(tx.objectStore(ENTRIES).delete(id));
        track(tx.objectStore(STORIES).delete(id));
      }),
    update: (decide) =>
      write(async (tx, track) => {
        const { entries, stories } = decide(await tx.objectStore(ENTRIES).getAll());
        for (const entry of entries) track(tx.objectStore(ENTRIES).put(entry));
        for (const story of stories) track(tx.objectStore(STORIES).put(story));
      }),
  };
}

function memoryBackend(): Backend {
  const entries = new Map<string, BookmarkEntry>();
  const stories = new Map<string, unknown>();
  return {
    kind: 'memory',
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
    update: async (decide) => {
      const writes = decide([...entries.values()]);
      for (const entry of writes.entries) entries.set(entry.id, entry);
      for (const story of writes.stories) stories.set(story.id, story);
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

/** Every readable bookmark, most recently saved first; unreadable records are skipped. */
export async function listBookmarks(): Promise<BookmarkEntry[]> {
  const raw = await (await getBackend()).entries();
  const entries: BookmarkEntry[] = [];
  for (let from = 0; from < raw.length; from += READ_BATCH) {
    if (from > 0) await nextTask();
    for (const record of raw.slice(from, from + READ_BATCH)) {
      const entry = readBookmark(record);
      if (entry) entries.push(entry);
    }
  }
  return entries.sort((a, b) => b.savedAt - a.savedAt);
}

export async function getSavedStory(id: string): Promise<StoryPayload | null> {
  const result = v.safeParse(SavedStorySchema, await (await getBackend()).story(id));
  return result.success ? result.output.payload : null;
}

export async function saveBookmarks(items: readonly NewBookmark[]): Promise<void> {
  await (await getBackend()).put(
    items.map(({ payload, teaser, savedAt }) => ({
      entry: { v: BOOKMARK_VERSION, id: teaser.id, savedAt, teaser },
      story: { id: teaser.id, payload },
    })),
  );
}

/**
 * Bookmarks from a file: stories not saved here are added whole. A story saved here keeps
 * its text, teaser and reading position (the copy came from this site; the file is one
 * anybody can edit); only a later save time moves it up the list.
 */
export async function importBookmarks(
  items: readonly NewBookmark[],
): Promise<{ added: number; total: number }> {
  let added = 0;
  await (await getBackend()).update((stored) => {
    const saved = new Map(
      stored
        .map(readBookmark)
        .filter((entry): entry is BookmarkEntry => entry !== null)
        .map((entry) => [entry.id, entry]),
    );
    const writes: Writes = { entries: [], stories: [] };
    added = 0;
    for (const { payload, teaser, savedAt } of items) {
      const here = saved.get(teaser.id);
      if (!here) {
        added++;
        writes.entries.push({ v: BOOKMARK_VERSION, id: teaser.id, savedAt, teaser });
        writes.stories.push({ id: teaser.id, payload });
      } else if (savedAt > here.savedAt) {
        writes.entries.push({ ...here, savedAt });
      }
    }
    return writes;
  });
  return { added, total: items.length };
}

export async function removeBookmark(id: string): Promise<void> {
  await (await getBackend()).remove(id);
}

export async function getBookmark(id: string): Promise<BookmarkEntry | null> {
  const raw = await (await getBackend()).entry(id);
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
