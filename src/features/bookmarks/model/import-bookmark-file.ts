// An import from start to end: read the file, check it, save what it adds. It runs in a
// worker (import-worker.ts), so a 20 MB file never holds up the page; in the page itself
// only where the worker cannot share the page's storage (run-import.ts).
import { importBookmarks, StorageFullError } from '#shared/storage/bookmark-db.ts';
import { MAX_IMPORT_BYTES, parseBookmarkFile } from './bookmark-file.ts';

export type ImportOutcome =
  | { ok: true; added: number; total: number }
  | { ok: false; reason: string };

export async function importBookmarkFile(file: Blob, now: number): Promise<ImportOutcome> {
  const parsed =
    file.size > MAX_IMPORT_BYTES
      ? parseBookmarkFile('', file.size, now)
      : parseBookmarkFile(await file.text(), file.size, now);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, ...(await importBookmarks(parsed.bookmarks)) };
  } catch (error) {
    if (!(error instanceof StorageFullError)) console.error(error);
    return { ok: false, reason: 'تعذّرت الكتابة في مساحة التخزين.' };
  }
}
