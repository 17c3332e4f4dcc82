// The lists a story is in, its section's and each of its tags', newest first: what the
// list pages are made of (site-plan.ts) and what related picks are made from
// (pick-related.ts). Made once a build or publish, for both.
import type { Tag } from '#content/article-schema.ts';

/** A list's key: `section:<id>` or `tag:<id>`. */
export function listKeysOf(story: { section: string; tags?: readonly Tag[] }): string[] {
  return [`section:${story.section}`, ...(story.tags ?? []).map((t) => `tag:${t.id}`)];
}

/** Every list of `sorted` (newest first), by key, each newest first. */
export function listsOf<T extends { section: string; tags?: readonly Tag[] }>(
  sorted: readonly T[],
): Map<string, T[]> {
  const lists = new Map<string, T[]>();
  for (const story of sorted) {
    for (const key of listKeysOf(story)) {
      const list = lists.get(key);
      if (list) list.push(story);
      else lists.set(key, [story]);
    }
  }
  return lists;
}
