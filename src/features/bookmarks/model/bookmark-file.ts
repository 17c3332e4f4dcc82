// Export and import of bookmarks as a JSON file. An import is all or nothing:
// one bad entry rejects the file, with the reason in Arabic, and nothing is saved.
import * as v from 'valibot';
import { StoryPayloadSchema } from '#content/api-schema.ts';
import { teaserOf } from '#content/teaser.ts';
import type { NewBookmark } from '#shared/storage/bookmark-db.ts';

const BOOKMARK_FILE_FORMAT = 'qari-bookmarks';
/** Larger files are refused before they are read: a thousand saved stories fit in a few MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ENTRIES = 5000;
/**
 * How far ahead of this browser's clock a save time may be: another device's clock may
 * run a little fast. Anything later would sort above every save made from now on.
 */
export const MAX_CLOCK_SKEW_MS = 60_000;

const bookmarkFileSchema = (now: number) =>
  v.strictObject({
    format: v.literal(BOOKMARK_FILE_FORMAT),
    version: v.literal(1),
    exportedAt: v.string(),
    bookmarks: v.pipe(
      v.array(
        v.strictObject({
          savedAt: v.pipe(
            v.number(),
            v.finite(),
            v.minValue(0),
            v.maxValue(now + MAX_CLOCK_SKEW_MS),
          ),
          story: StoryPayloadSchema,
        }),
      ),
      v.maxLength(MAX_IMPORT_ENTRIES),
    ),
  });

export type ExportEntry = { savedAt: number; story: v.InferInput<typeof StoryPayloadSchema> };

export function bookmarkFileContent(entries: readonly ExportEntry[], now = new Date()): string {
  return JSON.stringify({
    format: BOOKMARK_FILE_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    bookmarks: entries,
  });
}

export type ImportResult = { ok: true; bookmarks: NewBookmark[] } | { ok: false; reason: string };

export function parseBookmarkFile(
  text: string,
  size = text.length,
  now = Date.now(),
): ImportResult {
  if (size > MAX_IMPORT_BYTES) {
    return { ok: false, reason: 'الملف أكبر من الحد المسموح (20 ميغابايت).' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'الملف ليس بصيغة JSON صالحة.' };
  }
  const result = v.safeParse(bookmarkFileSchema(now), json);
  if (!result.success) {
    const issue = result.issues[0];
    const where = issue ? v.getDotPath(issue) : null;
    return {
      ok: false,
      reason: `الملف ليس ملف محفوظات صالحاً من قارئ${where ? ` (الموضع: ${where})` : ''}.`,
    };
  }
  const seen = new Map<string, NewBookmark>();
  for (const { savedAt, story } of result.output.bookmarks) {
    const teaser = teaserOf(story);
    const earlier = seen.get(teaser.id);
    if (!earlier || earlier.savedAt < savedAt)
      seen.set(teaser.id, { payload: story, teaser, savedAt });
  }
  return { ok: true, bookmarks: [...seen.values()] };
}
