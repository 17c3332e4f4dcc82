import type { StoryPayload } from '#content/api-schema.ts';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether `latest` is a newer version of the story the page shows: its text, fields or
 * photos differ, and its `updatedAt` (if both have one) has not gone back. Teasers of
 * other stories (read-also, related) change as those stories change: not this story's
 * update.
 */
export function isStoryUpdated(shown: StoryPayload, latest: StoryPayload): boolean {
  if (sameJson(shown.article, latest.article) && sameJson(shown.media, latest.media)) return false;
  const before = shown.article.updatedAt;
  const after = latest.article.updatedAt;
  return !(before && after && Date.parse(after) < Date.parse(before));
}

/** When the newer version was made: its `updatedAt`, else when this page found it. */
export function updateTime(latest: StoryPayload, foundAt: number): string {
  return latest.article.updatedAt ?? new Date(foundAt).toISOString();
}
