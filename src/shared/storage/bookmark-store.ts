// Bookmark storage itself: IndexedDB (via idb) when the browser has it, memory
// otherwise (private modes), with the reader told which. The app reaches it only
// through bookmark-db.ts, which loads this module on first use. Reading records
// checks them (bookmark-record.ts, with valibot), which loads only then: a first view
// asks only which stories are saved (savedIds).
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { StoryPayload } from '#content/api-schema.ts';
import { StorageFullError, type StorageKind } from './bookmark-db.ts';
import type { BookmarkEntry } from './bookmark-record.ts';

/** The records' checks (valibot): loaded when a record is read or written. */
export const records = () => import('./bookmark-record.ts');

const DB_NAME = 'qari';
const ENTRIES = 'bookmarks';
const STORIES = 'stories';
/** Entries read per request. */
export const READ_BATCH = 250;

type StoredStory = { id: string; payload: StoryPayload };
/** What to write, decided from the entries stored when the write begins. */
export type Writes = { entries: BookmarkEntry[]; stories: StoredStory[] };

interface Backend {
  kind: StorageKind;
  ids(): Promise<string[]>;
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
    ids: async () => (await db.getAllKeys(ENTRIES)).map(String),
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
    update: async (decide) => {
      const writes = decide([...entries.values()]);
      for (const entry of writes.entries) entries.set(entry.id, entry);
      for (const story of writes.stories) stories.set(story.id, story);
    },
  };
}

let backend: Promise<Backend> | null = null;

export function getBackend(): Promise<Backend> {
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

/** For tests: forget the open connection so the next call opens afresh. */
export function resetBackend(): void {
  backend = null;
}
