// Every story newest first, and the lists they make (story-lists.ts): what each plan
// starts from (site-plan.ts). Sorting and listing 100,000 records anew cost every
// publish some 0.2 s, and so did any pass that merely looked at each record (100,000
// objects scattered over the heap), so a process that publishes again and again
// (`--watch`) keeps the last order and mends it: when a publish starts from the very
// records the last one ended with (the state it wrote, still in memory), the records
// that differ are those the change names, and only they are taken out and put back in
// their places. Anything else (the first publish, a state read again from disk, a full
// build, many changes) is sorted whole.
import { getOrAdd } from '#content/get-or-add.ts';
import { listKeysOf, listsOf, tagListKey } from '../content/story-lists.ts';
import { newestFirst, type StoryRecord } from './story-record.ts';

export type OrderedRecords = {
  /** Every record, newest first. Not to be changed: the next publish starts from it. */
  sorted: readonly StoryRecord[];
  /** Each list by key, newest first; the `Map` is the caller's, its arrays are not to be changed. */
  lists: Map<string, StoryRecord[]>;
};

type Kept = {
  /** The records (by id) this order is of: the `Map` object itself, as the state holds it. */
  records: ReadonlyMap<string, StoryRecord>;
  sorted: StoryRecord[];
  lists: Map<string, StoryRecord[]>;
  /** Who names whom in its read-also or its own related list (null: not made yet). */
  namedBy: Map<string, Set<string>> | null;
};

/** More records than this changed: sorting them all costs no more. */
const MOST_MENDED = 2_000;

let last: Kept | null = null;
/** The order handed to the plan under way, kept once the plan says what it restated. */
let pending: Omit<Kept, 'records'> | null = null;
/** What the plan under way was given: to mend the references, when asked for. */
let asked: {
  from: Kept | null;
  before: ReadonlyMap<string, StoryRecord> | null;
  after: ReadonlyMap<string, StoryRecord>;
  named: ReadonlySet<string>;
} | null = null;
/** Whether this process will publish again (`--watch`): see willPublishAgain. */
let again = false;

/**
 * Said by a process that will publish again (`--watch`, or a test playing one): each
 * publish then keeps who names whom, made whole at its first publish, so that its
 * first change does not wait for it. A process that publishes once (`npm run publish`)
 * makes it only if its plan asks: made whole for nothing, it cost ~0.2 s at 100,000.
 */
export function willPublishAgain(value = true): void {
  again = value;
}

/**
 * `after`'s records in order. `before`: the records the publish started from (null: a
 * full build); `named`: every id whose record in `after` is not `before`'s object (added,
 * edited, removed, or the same story with a new file stamp).
 */
export function orderRecords(
  after: ReadonlyMap<string, StoryRecord>,
  before: ReadonlyMap<string, StoryRecord> | null,
  named: Iterable<string>,
): OrderedRecords {
  const from = last && before && last.records === before ? last : null;
  last = null;
  const names = new Set(named);
  const mended = from && mend(from, before as typeof after, after, names);
  pending = mended || orderWhole(after);
  // An order that could not be mended says the change is not what `named` says: the
  // references are then made whole too.
  asked = { from: mended ? from : null, before, after, named: names };
  return { sorted: pending.sorted, lists: new Map(pending.lists) };
}

/**
 * The stories whose read-also or own related list names `id`, after the change given to
 * orderRecords: what a plan needs when a story's card changes, without a pass over every
 * story. Made whole once in a process (at its first publish, or when first asked), then
 * mended from the stories each change names.
 */
export function namedBy(id: string): ReadonlySet<string> {
  if (!pending || !asked) throw new Error('namedBy: no order asked for');
  pending.namedBy ??= mendedNames(asked) ?? wholeNames(asked.after);
  return pending.namedBy.get(id) ?? NONE;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The stories of `records` that carry tag `id`, newest first (one may stand twice: a
 * story naming the tag twice), from the order kept since the last publish when it is of
 * these very records; null when none is (then each record must be looked at).
 */
export function keptTagged(
  records: ReadonlyMap<string, StoryRecord>,
  id: string,
): readonly StoryRecord[] | null {
  if (last?.records !== records) return null;
  return last.lists.get(tagListKey(id)) ?? [];
}

/**
 * The stories of `records` whose read-also or own related list names `id`, from the
 * references kept since the last publish when they are of these very records; null when
 * none are (then each record must be looked at).
 */
export function keptNamedBy(
  records: ReadonlyMap<string, StoryRecord>,
  id: string,
): ReadonlySet<string> | null {
  if (last?.records !== records || !last.namedBy) return null;
  return last.namedBy.get(id) ?? NONE;
}

function wholeNames(records: ReadonlyMap<string, StoryRecord>): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const record of records.values()) name(index, record);
  return index;
}

function name(index: Map<string, Set<string>>, record: StoryRecord | undefined): void {
  if (!record) return;
  for (const target of [...record.readAlso, ...(record.related ?? [])])
    getOrAdd(index, target, () => new Set<string>()).add(record.id);
}

/**
 * The last publish's references with the stories this change names put right, in place
 * (a copy would cost what a pass does; the last order is not used again either way);
 * null if it made none.
 */
function mendedNames({ from, before, after, named }: NonNullable<typeof asked>) {
  if (!from?.namedBy || !before) return null;
  const index = from.namedBy;
  from.namedBy = null;
  for (const id of named) {
    const was = before.get(id);
    for (const target of [...(was?.readAlso ?? []), ...(was?.related ?? [])])
      index.get(target)?.delete(id);
    name(index, after.get(id));
  }
  return index;
}

/**
 * Keeps the order for the next publish: `records` is the `Map` the state is written from
 * (the plan's records with `restated`, the plan's new objects, put in; site-plan.ts),
 * `sorted` the plan's stories, in the same order with those objects in place.
 */
export function keepOrder(
  records: ReadonlyMap<string, StoryRecord>,
  sorted: StoryRecord[],
  restated: readonly StoryRecord[],
): void {
  const kept = pending;
  const given = asked;
  pending = null;
  asked = null;
  // A full build restates every story: its process publishes no more, or starts whole.
  if (!kept || restated.length > MOST_MENDED) return;
  const lists = new Map(kept.lists);
  const copied = new Set<string>();
  for (const story of restated) {
    for (const key of new Set(listKeysOf(story))) {
      let list = lists.get(key) ?? [];
      if (!copied.has(key)) {
        list = [...list];
        lists.set(key, list);
        copied.add(key);
      }
      let at = insertionPoint(list, story);
      if (list[at]?.id !== story.id) return;
      // A story that names a tag twice stands twice in its list, as listsOf puts it.
      while (list[at]?.id === story.id) list[at++] = story;
    }
  }
  // The references as the plan mended them (restated stories have new picks, not new names).
  // Made whole here the first time (a pass over every record) in a process that will
  // publish again (willPublishAgain), so that its first change does not wait for it.
  last = {
    records,
    sorted,
    lists,
    namedBy: kept.namedBy ?? (given && mendedNames(given)) ?? (again ? wholeNames(records) : null),
  };
}

function orderWhole(after: ReadonlyMap<string, StoryRecord>): Omit<Kept, 'records'> {
  const sorted = [...after.values()].sort(newestFirst);
  return { sorted, lists: listsOf(sorted), namedBy: null };
}

function mend(
  from: Kept,
  before: ReadonlyMap<string, StoryRecord>,
  after: ReadonlyMap<string, StoryRecord>,
  named: Iterable<string>,
): Omit<Kept, 'records'> | null {
  const stale: StoryRecord[] = [];
  const fresh: StoryRecord[] = [];
  for (const id of new Set(named)) {
    const was = before.get(id);
    const now = after.get(id);
    if (was === now) continue;
    if (was) stale.push(was);
    if (now) fresh.push(now);
    if (stale.length + fresh.length > MOST_MENDED) return null;
  }
  // Every other record must be the one kept: the count is the check that none was missed.
  if (from.sorted.length - stale.length + fresh.length !== after.size) return null;
  const sorted = mended(from.sorted, stale, fresh);
  if (!sorted) return null;
  const lists = new Map(from.lists);
  const byKey = (records: StoryRecord[]) => {
    const out = new Map<string, StoryRecord[]>();
    for (const record of records)
      for (const key of listKeysOf(record)) out.set(key, [...(out.get(key) ?? []), record]);
    return out;
  };
  const staleByKey = byKey(stale);
  const freshByKey = byKey(fresh);
  for (const key of new Set([...staleByKey.keys(), ...freshByKey.keys()])) {
    const list = mended(
      from.lists.get(key) ?? [],
      staleByKey.get(key) ?? [],
      freshByKey.get(key) ?? [],
    );
    if (!list) return null;
    if (list.length > 0) lists.set(key, list);
    else lists.delete(key);
  }
  return { sorted, lists, namedBy: null };
}

/** A copy of newest-first `list` less `out` (each in it) and with `into`; null if one of `out` is not there. */
function mended(
  list: readonly StoryRecord[],
  out: readonly StoryRecord[],
  into: readonly StoryRecord[],
): StoryRecord[] | null {
  const copy = list.slice();
  for (const record of out) {
    const at = insertionPoint(copy, record);
    if (copy[at] !== record) return null;
    copy.splice(at, 1);
  }
  for (const record of into) copy.splice(insertionPoint(copy, record), 0, record);
  return copy;
}

/** Where `record` stands, or would stand, in newest-first `list`: the first place it does not come after. */
export function insertionPoint(list: readonly StoryRecord[], record: StoryRecord): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (newestFirst(list[mid] as StoryRecord, record) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
