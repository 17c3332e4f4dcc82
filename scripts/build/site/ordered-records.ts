// Every story newest first, and the lists they make (story-lists.ts): what each plan
// starts from (site-plan.ts). Sorting and listing 100,000 records anew cost every
// publish some 0.2 s, so the last order is kept in the process (`--watch` publishes
// again and again) and mended: a record a publish left as it was is the same object
// (content-changes.ts), so one pass comparing identities finds those that are not, and
// only they are taken out and put back in their places. Whatever cannot be mended so
// (the first publish, a full build, many changes) is sorted whole.
import { listKeysOf, listsOf } from '../content/story-lists.ts';
import { newestFirst, type StoryRecord } from './story-record.ts';

export type OrderedRecords = {
  /** Every record, newest first. Not to be changed: the next publish starts from it. */
  sorted: readonly StoryRecord[];
  /** Each list by key, newest first; the `Map` is the caller's, its arrays are not to be changed. */
  lists: Map<string, StoryRecord[]>;
};

/** More records than this changed since the last order: sorting them all costs no more. */
const MOST_MENDED = 2_000;

let last: { sorted: StoryRecord[]; lists: ReadonlyMap<string, StoryRecord[]> } | null = null;

/**
 * `after`'s records in order; `changed`: the ids whose records are new objects (a hint:
 * the identity pass finds the others, and a count checks that nothing was missed).
 */
export function orderRecords(
  after: ReadonlyMap<string, StoryRecord>,
  changed: Iterable<string>,
): OrderedRecords {
  const ordered = (last && mend(last, after, changed)) ?? orderWhole(after);
  last = ordered;
  return { sorted: ordered.sorted, lists: new Map(ordered.lists) };
}

function orderWhole(after: ReadonlyMap<string, StoryRecord>) {
  const sorted = [...after.values()].sort(newestFirst);
  return { sorted, lists: listsOf(sorted) };
}

function mend(
  from: NonNullable<typeof last>,
  after: ReadonlyMap<string, StoryRecord>,
  changed: Iterable<string>,
): NonNullable<typeof last> | null {
  const kept: StoryRecord[] = [];
  const stale: StoryRecord[] = [];
  for (const record of from.sorted) {
    if (after.get(record.id) === record) kept.push(record);
    else if (stale.push(record) > MOST_MENDED) return null;
  }
  // The records not kept: the changed ones and the new objects of stale ids (new stamps,
  // new picks). Every other record of `after` must be a kept one: the count says so.
  const fresh = new Map<string, StoryRecord>();
  for (const id of changed) {
    const record = after.get(id);
    if (record) fresh.set(id, record);
    if (fresh.size > MOST_MENDED) return null;
  }
  for (const { id } of stale) {
    const record = after.get(id);
    if (record) fresh.set(id, record);
  }
  if (kept.length + fresh.size !== after.size) return null;
  const added = [...fresh.values()].sort(newestFirst);

  const lists = new Map(from.lists);
  const gone = new Set(stale);
  const touched = new Set<string>();
  for (const record of [...stale, ...added]) for (const key of listKeysOf(record)) touched.add(key);
  for (const key of touched) {
    const list = merged(
      (from.lists.get(key) ?? []).filter((record) => !gone.has(record)),
      added.filter((record) => listKeysOf(record).includes(key)),
    );
    if (list.length > 0) lists.set(key, list);
    else lists.delete(key);
  }
  return { sorted: merged(kept, added), lists };
}

/** Two newest-first lists as one. */
function merged(a: readonly StoryRecord[], b: readonly StoryRecord[]): StoryRecord[] {
  if (b.length === 0) return a as StoryRecord[];
  const out: StoryRecord[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const takeA =
      j >= b.length || (i < a.length && newestFirst(a[i] as StoryRecord, b[j] as StoryRecord) <= 0);
    out.push((takeA ? a[i++] : b[j++]) as StoryRecord);
  }
  return out;
}
