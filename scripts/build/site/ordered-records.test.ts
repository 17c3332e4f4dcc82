// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { listsOf } from '../content/story-lists.ts';
import { orderRecords } from './ordered-records.ts';
import { newestFirst, type StoryRecord } from './story-record.ts';

/** What ordering and listing read of a record; the rest does not matter here. */
const record = (id: string, published: number, section: string, tags: string[]) =>
  ({
    id,
    published,
    section,
    tags: tags.map((t) => ({ id: t, name: t })),
  }) as unknown as StoryRecord;

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ids = (list: readonly StoryRecord[] | undefined) => list?.map((r) => r.id);

function expectWhole(after: ReadonlyMap<string, StoryRecord>, changed: Iterable<string>) {
  const got = orderRecords(after, changed);
  const sorted = [...after.values()].sort(newestFirst);
  expect(ids(got.sorted)).toEqual(ids(sorted));
  const lists = listsOf(sorted);
  expect([...got.lists.keys()].sort()).toEqual([...lists.keys()].sort());
  for (const [key, list] of lists) expect(ids(got.lists.get(key)), key).toEqual(ids(list));
  return got;
}

describe('orderRecords', () => {
  it('gives what sorting and listing every record gives, over random sequences of changes', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const next = random(seed);
      const pick = <T>(from: readonly T[]) => from[Math.floor(next() * from.length)] as T;
      const sections = ['world', 'economy', 'sport'];
      const tags = ['oil', 'gas', 'iraq', 'water', 'heat'];
      const made = (id: string) =>
        record(
          id,
          // Few distinct times, so ties fall to the ids.
          Math.floor(next() * 50) * 60_000,
          pick(sections),
          tags.filter(() => next() < 0.3),
        );
      let serial = 0;
      const after = new Map<string, StoryRecord>();
      for (let i = 0; i < 120; i++) {
        const id = `s${serial++}`;
        after.set(id, made(id));
      }
      expectWhole(after, after.keys());
      for (let step = 0; step < 40; step++) {
        const changed = new Set<string>();
        for (let n = Math.floor(next() * 4); n > 0; n--) {
          const roll = next();
          const id = pick([...after.keys()]);
          if (roll < 0.3) {
            const added = `s${serial++}`;
            after.set(added, made(added));
            changed.add(added);
          } else if (roll < 0.55) {
            after.set(id, made(id));
            changed.add(id);
          } else if (roll < 0.75) {
            after.delete(id);
            changed.add(id);
          } else {
            // The same story as a new object (a new file stamp, new picks), not named as changed.
            after.set(id, { ...(after.get(id) as StoryRecord) });
          }
        }
        expectWhole(after, changed);
      }
    }
  });

  it('mends the last order: a list no change touched is the same array', () => {
    const a = record('a', 3, 'world', ['oil']);
    const b = record('b', 2, 'economy', ['gas']);
    const c = record('c', 1, 'world', []);
    const first = orderRecords(new Map([a, b, c].map((r) => [r.id, r])), ['a', 'b', 'c']);
    const edited = record('a', 4, 'world', ['oil']);
    const second = expectWhole(new Map([edited, b, c].map((r) => [r.id, r])), ['a']);
    expect(second.lists.get('tag:gas')).toBe(first.lists.get('tag:gas'));
    expect(ids(second.lists.get('section:world'))).toEqual(['a', 'c']);
    expect(second.lists.get('section:world')?.[0]).toBe(edited);
  });

  it('takes no harm from what its caller adds to the lists it gave, or from a wrong hint', () => {
    const a = record('a', 3, 'world', ['oil']);
    const b = record('b', 2, 'economy', []);
    const first = orderRecords(new Map([a, b].map((r) => [r.id, r])), []);
    first.lists.set('section:empty', []);
    // The hint names a story that did not change and misses one that did.
    const moved = record('b', 9, 'world', []);
    const got = expectWhole(new Map([a, moved].map((r) => [r.id, r])), ['a']);
    expect(got.lists.has('section:empty')).toBe(false);
  });
});
