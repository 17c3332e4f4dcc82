// Reading and writing bookmark records, over the storage of bookmark-store.ts. Loaded
// when the reader saves, opens the bookmarks page or imports: a first view loads only
// bookmark-store.ts, to ask which stories are saved.
import type { StoryPayload } from '#content/api-schema.ts';
import type { NewBookmark } from './bookmark-db.ts';
import type { BookmarkEntry } from './bookmark-record.ts';
import { getBackend, READ_BATCH, records, type Writes } from './bookmark-store.ts';

/** Entries are checked READ_BATCH per task; this lets the page paint and handle input between two batches of work. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Every readable bookmark, most recently saved first; unreadable records are skipped. */
export async function listBookmarks(): Promise<BookmarkEntry[]> {
  const [raw, { readBookmark }] = await Promise.all([(await getBackend()).entries(), records()]);
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

/**
 * Bookmarks from a file: stories not saved here are added whole. A story saved here keeps
 * its text, teaser and reading position (the copy came from this site; the file is one
 * anybody can edit); only a later save time moves it up the list.
 */
export async function importBookmarks(
  items: readonly NewBookmark[],
): Promise<{ added: number; total: number }> {
  const { readBookmark, BOOKMARK_VERSION } = await records();
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
  const [raw, { readBookmark }] = await Promise.all([(await getBackend()).entry(id), records()]);
  return raw === undefined ? null : readBookmark(raw);
}

export async function setReadingPosition(id: string, position: number): Promise<void> {
  const entry = await getBookmark(id);
  if (!entry) return;
  await (await getBackend()).putEntry({ ...entry, position: Math.min(1, Math.max(0, position)) });
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
