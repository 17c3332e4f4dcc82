// The lists a story is in, its section's and each of its tags', newest first: what the
// list pages are made of (site-plan.ts) and what related picks are made from
// (pick-related.ts). Made once a build or publish, for both.
import type { Tag } from '#content/article-schema.ts';

type Listed = { section: string; tags?: readonly Tag[] };

// Each key made once per section or tag id, not once per story: at 100,000 stories the
// lists are made of some 300,000 keys, and a new string is hashed anew at each lookup.
const sectionKeys = new Map<string, string>();
const tagKeys = new Map<string, string>();
const keyOf = (keys: Map<string, string>, kind: string, id: string): string => {
  let key = keys.get(id);
  if (key === undefined) {
    key = `${kind}:${id}`;
    keys.set(id, key);
  }
  return key;
};

/** The key of tag `id`'s list. */
export const tagListKey = (id: string): string => keyOf(tagKeys, 'tag', id);

/** A list's key: `section:<id>` or `tag:<id>`. */
export function listKeysOf(story: Listed): string[] {
  return [
    keyOf(sectionKeys, 'section', story.section),
    ...(story.tags ?? []).map((t) => keyOf(tagKeys, 'tag', t.id)),
  ];
}

/** Every list of `sorted` (newest first), by key, each newest first. */
export function listsOf<T extends Listed>(sorted: readonly T[]): Map<string, T[]> {
  const lists = new Map<string, T[]>();
  const put = (key: string, story: T) => {
    const list = lists.get(key);
    if (list) list.push(story);
    else lists.set(key, [story]);
  };
  for (const story of sorted) {
    put(keyOf(sectionKeys, 'section', story.section), story);
    for (const tag of story.tags ?? []) put(keyOf(tagKeys, 'tag', tag.id), story);
  }
  return lists;
}
