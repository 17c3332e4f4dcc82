// A saved story as stored in the browser. Records carry a version `v`: a later
// change of shape adds a step to MIGRATIONS, and old records are upgraded on read.
import * as v from 'valibot';
import { type StoryPayload, StoryPayloadSchema, TeaserSchema } from '#content/api-schema.ts';

export const BOOKMARK_VERSION = 1;

const BookmarkEntrySchema = v.strictObject({
  v: v.literal(BOOKMARK_VERSION),
  id: v.string(),
  savedAt: v.pipe(v.number(), v.finite()),
  teaser: TeaserSchema,
  /** How far the reader got, 0–1, when they last read the saved story. */
  position: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
});

export const SavedStorySchema = v.strictObject({ id: v.string(), payload: StoryPayloadSchema });

export type BookmarkEntry = v.InferOutput<typeof BookmarkEntrySchema>;

type Migration = (record: Record<string, unknown>) => Record<string, unknown>;

/** Steps from version N to N+1. Version 0 was the unversioned prototype: savedAt as an ISO string. */
const MIGRATIONS: Record<number, Migration> = {
  0: (record) => ({
    ...record,
    v: 1,
    savedAt: typeof record.savedAt === 'string' ? Date.parse(record.savedAt) : record.savedAt,
  }),
};

export function migrateBookmark(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  let record = raw as Record<string, unknown>;
  let version = typeof record.v === 'number' ? record.v : 0;
  while (version < BOOKMARK_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) break;
    record = step(record);
    version++;
  }
  return record;
}

/** An entry read from storage, upgraded and checked; null (and a console report) if unusable. */
export function readBookmark(raw: unknown): BookmarkEntry | null {
  const result = v.safeParse(BookmarkEntrySchema, migrateBookmark(raw));
  if (result.success) return result.output;
  console.warn('Skipping an unreadable bookmark record', raw, v.flatten(result.issues).nested);
  return null;
}

/** A saved story read from storage, checked; null if unusable. */
export function readSavedStory(raw: unknown): StoryPayload | null {
  const result = v.safeParse(SavedStorySchema, raw);
  return result.success ? result.output.payload : null;
}
