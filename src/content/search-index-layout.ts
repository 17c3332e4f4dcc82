// The layout of the search index, shared by the build that writes it and the browser
// that reads it (docs/search.md, «Index layout»). The index is partitioned by term:
// a query fetches the few chunks its words hash to, the posting lists it needs, and
// the records of the stories it shows — never anything that grows with the archive.
import type { StoryField } from './story-text.ts';

export type {
  LexiconChunk,
  PostingList,
  SearchDocRecord,
  TermChunk,
  TermEntry,
} from './api-schema.ts';

/** Bumped with any change of format: old files are never read by new code. */
export const SEARCH_INDEX_VERSION = 7;
const ROOT = `/api/search/v${SEARCH_INDEX_VERSION}`;

/**
 * Term chunks: fixed, so a story's change touches only the chunks of its own words. 16,384
 * of them keep a chunk near 1 KB gzip at 100,000 stories (3.7 KB at 4,096): a query reads
 * 4 to 15 (docs/search.md, «Measured»).
 */
export const TERM_CHUNKS = 16384;
/** Word lists by their first two letters, for the word being typed and spelling slips. */
export const LEXICON_CHUNKS = 512;
/** Posting lists longer than this live in a file of their own, fetched only when needed. */
export const INLINE_POSTINGS = 32;
/**
 * A term chunk's entry for a word whose list has a file of its own. Not its count: the
 * head says it (its postings and its blocks' sizes), and a count in the chunk made every
 * story added to a common word rewrite that word's chunk too (index v5: a new story
 * rewrote some 190 chunks at 100,000 stories, besides its lists).
 */
export const IN_LIST_FILE = 0;

/** How many stories a list holds: its head's postings and its tail's blocks. */
export const listCount = (head: number, tail: readonly TailBlock[]): number =>
  tail.reduce((sum, [, size]) => sum + size, head);
/**
 * A list file holds a word's heaviest postings, at least this many; the rest, its tail,
 * lives in blocks, still in impact order (docs/search.md).
 */
export const HEAD_POSTINGS = 1024;
/**
 * A head ends at the first posting past HEAD_POSTINGS whose story key hashes to 0 modulo
 * this (startsBlock), so some 64 more on average: cut where the postings say, a posting
 * added to the head leaves its end, and the tail's first block, as they were (one in 64
 * moves the end). Cut at HEAD_POSTINGS exactly (v6), every story added to a head pushed
 * its lightest posting into the first block: at 100,000 stories a new story rewrote ~70
 * blocks besides its ~200 heads. Divides TAIL_BLOCK, so a block's first posting would end
 * a head too.
 */
export const HEAD_SLACK = 64;
/**
 * A tail block starts at the tail's first posting and at every posting whose story key
 * hashes to 0 modulo this: blocks of this many postings on average, cut where the
 * postings say and not by count, so that a posting added or dropped changes its own
 * block alone (by count, every block after it shifted: some 850 files a new story at
 * 100,000 stories).
 */
export const TAIL_BLOCK = 2048;
/** A query reads a tail about this many times as deep at each read: 4,096, 16,384, 65,536… postings. */
export const TAIL_GROWTH = 4;

/** A tail block as its list's head names it: its first posting (packed; its file's name) and its size. */
export type TailBlock = [first: number, size: number];

/** A well-mixed 32-bit hash of a story key (the same in Node and every browser). */
function keyHash(key: number): number {
  let h = Math.imul(key ^ (key >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Whether a tail block starts at this posting (when it is not the tail's first); `block`: the average block (tests make it small). */
export const startsBlock = (packed: number, block = TAIL_BLOCK): boolean =>
  keyHash(postingKey(packed)) % block === 0;

/** A tail's blocks, `[start, end)` in `tail` (impact order): cut at its start and before each posting that starts a block. */
export function tailCuts(
  tail: ArrayLike<number>,
  block = TAIL_BLOCK,
): [start: number, end: number][] {
  const cuts: [number, number][] = [];
  let start = 0;
  for (let i = 1; i < tail.length; i++) {
    if (startsBlock(tail[i] as number, block)) {
      cuts.push([start, i]);
      start = i;
    }
  }
  if (tail.length > 0) cuts.push([start, tail.length]);
  return cuts;
}

/**
 * How many of a tail's blocks, from `from` on, the next read takes: as many as stay
 * within TAIL_GROWTH times as deep as what was read before (`read` postings, head
 * included), one at least; fetched side by side, they cost one round trip.
 */
export function nextTailRead(blocks: readonly TailBlock[], from: number, read: number): number {
  const deep = read * TAIL_GROWTH;
  let taken = 0;
  let reach = read;
  while (from + taken < blocks.length) {
    const size = (blocks[from + taken] as TailBlock)[1];
    if (taken > 0 && reach + size > deep) break;
    reach += size;
    taken++;
  }
  return taken;
}

/** Boost of a word by the field it is found in; a story's weight for a word sums its fields'. */
export const FIELD_BOOST: Record<StoryField, number> = {
  headline: 8,
  summary: 4,
  tags: 4,
  dateline: 3,
  section: 2,
  authors: 2,
  headings: 2,
  body: 1,
  captions: 1,
};
/** Weights fit one character of a posting: the sum of every boost above is 27. */
export const MAX_WEIGHT = 31;

export const searchPaths = {
  terms: (chunk: number) => `${ROOT}/terms/${chunk.toString(36)}.json`,
  list: (surface: string) => `${ROOT}/lists/${encodeURIComponent(surface)}.json`,
  /** A block of a list's tail, by its first posting (TailBlock). */
  tail: (surface: string, first: number) =>
    `${ROOT}/tails/${encodeURIComponent(surface)}/${first.toString(36)}.json`,
  lexicon: (chunk: number) => `${ROOT}/lexicon/${chunk.toString(36)}.json`,
  doc: (key: number) => `${ROOT}/docs/${key.toString(36)}.json`,
};

/**
 * FNV-1a, 32 bits: a stable hash of a string (or of text[start, end), hashed in place),
 * the same in Node and every browser.
 */
export function fnv1a(text: string, start = 0, end = text.length): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export const termChunkOf = (chunkKey: string): number => fnv1a(chunkKey) % TERM_CHUNKS;
export const lexiconChunkOf = (surface: string): number =>
  fnv1a(surface.slice(0, 2)) % LEXICON_CHUNKS;

/**
 * A story's key in the index: the minute it was published (since 1900), moved on by
 * a minute while an older story holds it. Newer stories have larger keys, and a
 * story's key changes only when its own date, or a date of a story published in the
 * same minutes, does: the index never renumbers the archive.
 */
const EPOCH_MS = Date.UTC(1900, 0, 1);

/** A story as keys are given: its id and publication time (`published`, in ms, when known: not parsed again). */
export type TimedStory = { id: string; publishedAt: string; published?: number };
type Timed = { id: string; minute: number };

const minuteOf = (story: TimedStory): number =>
  Math.floor(((story.published ?? Date.parse(story.publishedAt)) - EPOCH_MS) / 60000);
const byIdText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKeyOrder = (a: Timed, b: Timed) => a.minute - b.minute || byIdText(a.id, b.id);

/** Stories in key order (by minute, then id) as two arrays: no object a story. */
type KeyOrder = { ids: string[]; minutes: Float64Array };

/**
 * `stories` in key order. A newest-first list (a publish's records) is read backwards and
 * only each minute's few stories sorted: a sort of 100,000 cost a publish ~0.1 s. Any
 * other order is sorted whole.
 */
function keyOrder(stories: readonly TimedStory[]): KeyOrder {
  const n = stories.length;
  const ids = new Array<string>(n);
  const minutes = new Float64Array(n);
  let newestFirst = true;
  for (let i = 0; i < n; i++) {
    const story = stories[n - 1 - i] as TimedStory;
    const minute = minuteOf(story);
    if (i > 0 && minute < (minutes[i - 1] as number)) newestFirst = false;
    ids[i] = story.id;
    minutes[i] = minute;
  }
  if (!newestFirst) {
    const timed = stories.map((story) => ({ id: story.id, minute: minuteOf(story) }));
    timed.sort(byKeyOrder).forEach((story, i) => {
      ids[i] = story.id;
      minutes[i] = story.minute;
    });
    return { ids, minutes };
  }
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && minutes[end] === minutes[start]) end++;
    if (end - start > 1) {
      const run = ids.slice(start, end).sort(byIdText);
      for (let i = start; i < end; i++) ids[i] = run[i - start] as string;
    }
    start = end;
  }
  return { ids, minutes };
}

/** The key of a story of `minute` that comes after the key `last` in key order. */
const nextKey = (minute: number, last: number): number => Math.max(Math.max(0, minute), last + 1);

export function assignStoryKeys(stories: readonly TimedStory[]): Map<string, number> {
  const { ids, minutes } = keyOrder(stories);
  const keys = new Map<string, number>();
  let last = -1;
  ids.forEach((id, i) => {
    last = nextKey(minutes[i] as number, last);
    keys.set(id, last);
  });
  return keys;
}

/**
 * The keys a change moves, without a map of every story's: the keys before and after of
 * the `changed` stories (those there before, those there after) and of every other story
 * whose key moved with them (a neighbour in time came or went). `stories`: every story
 * after the change; `before`: the changed stories that were there, as they were.
 *
 * One walk of the stories in key order gives both keys of each: the order before is the
 * same less the changed stories, with their old versions merged in. Made of a story's
 * id and minute in two arrays, the walk costs a publish at 100,000 stories some 15 ms
 * (an object a story, and a second list merged whole, cost ~70).
 */
export function storyKeyChanges(
  stories: readonly TimedStory[],
  before: readonly TimedStory[],
  changed: ReadonlySet<string>,
): { before: Map<string, number>; after: Map<string, number> } {
  const after = keyOrder(stories);
  const old = keyOrder(before);
  const keys = { before: new Map<string, number>(), after: new Map<string, number>() };
  let lastAfter = -1;
  let lastBefore = -1;
  const nextBefore = (minute: number) => {
    lastBefore = nextKey(minute, lastBefore);
    return lastBefore;
  };
  let o = 0;
  const oldFirst = (minute: number, id: string) => {
    const oldMinute = old.minutes[o] as number;
    return oldMinute < minute || (oldMinute === minute && (old.ids[o] as string) < id);
  };
  for (let a = 0; a < after.ids.length; a++) {
    const id = after.ids[a] as string;
    const minute = after.minutes[a] as number;
    lastAfter = nextKey(minute, lastAfter);
    if (changed.has(id)) {
      keys.after.set(id, lastAfter);
      continue;
    }
    while (o < old.ids.length && oldFirst(minute, id)) {
      keys.before.set(old.ids[o] as string, nextBefore(old.minutes[o] as number));
      o++;
    }
    const keyBefore = nextBefore(minute);
    // An unchanged story stands at the same place among the unchanged ones in both orders.
    if (keyBefore !== lastAfter) {
      keys.before.set(id, keyBefore);
      keys.after.set(id, lastAfter);
    }
  }
  for (; o < old.ids.length; o++) {
    keys.before.set(old.ids[o] as string, nextBefore(old.minutes[o] as number));
  }
  return keys;
}

// Postings: a story key and its weight, packed as key * 32 + weight, kept in impact
// order — heaviest first, then newest — so that a list's first postings are its best
// stories, and written as text in groups of one weight, joined by «.»: the weight as one
// digit, then the keys, the first whole and each next as the gap from the one before,
// in base-64 digits of five bits (the sixth says «more digits follow»). A group's gaps
// are small and its weight is written once: 10 % fewer bytes gzipped than a weight beside
// every key.
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const GROUP_END = '.';
const GROUP_END_CODE = GROUP_END.charCodeAt(0);
/** Each digit's value by its character code; -1 for a character that is no digit. */
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) VALUE[DIGITS.charCodeAt(i)] = i;
const valueAt = (text: string, i: number): number => {
  const code = text.charCodeAt(i);
  return code < 128 ? (VALUE[code] as number) : -1;
};

export const packPosting = (key: number, weight: number): number => key * 32 + weight;
export const postingKey = (packed: number): number => Math.floor(packed / 32);
export const postingWeight = (packed: number): number => packed % 32;
/** `n` (≥ 0, < 2^30) in digits of five bits, the lowest first; the sixth says «more follow». */
function digitsOf(n: number): string {
  let out = '';
  let rest = n;
  do {
    const digit = rest % 32;
    rest = Math.floor(rest / 32);
    out += DIGITS[rest > 0 ? digit + 32 : digit];
  } while (rest > 0);
  return out;
}

/** Reads a number written by digitsOf at `at.i`, not past `end`, and moves `at.i` past it. */
function readDigits(text: string, at: { i: number }, end: number): number {
  let n = 0;
  let shift = 0;
  let digit: number;
  do {
    digit = at.i < end ? valueAt(text, at.i++) : -1;
    if (digit < 0 || shift > 25) throw new Error('Malformed postings');
    n |= (digit & 31) << shift;
    shift += 5;
  } while (digit >= 32);
  return n;
}

/** Impact order, for sort: heavier first, then the newer (the larger key). */
export const byImpact = (a: number, b: number): number =>
  postingWeight(b) - postingWeight(a) || b - a;

/** Postings (packed, in impact order) as text. */
export function encodePostings(packed: readonly number[]): string {
  let out = '';
  let weight = -1;
  let previous = 0;
  for (const posting of packed) {
    const key = postingKey(posting);
    let gap = previous - key;
    if (postingWeight(posting) !== weight) {
      if (weight >= 0) out += GROUP_END;
      weight = postingWeight(posting);
      out += DIGITS[weight];
      gap = key;
    }
    previous = key;
    out += digitsOf(gap);
  }
  return out;
}

/** The postings of encodePostings' text, in its order (impact order). */
export function decodePostings(text: string): number[] {
  const packed: number[] = [];
  const at = { i: 0 };
  while (at.i < text.length) {
    const weight = valueAt(text, at.i++);
    if (weight < 0 || weight > MAX_WEIGHT) throw new Error('Malformed postings');
    let key = -1;
    do {
      const gap = readDigits(text, at, text.length);
      key = key < 0 ? gap : key - gap;
      if (key < 0) throw new Error('Malformed postings');
      packed.push(packPosting(key, weight));
    } while (at.i < text.length && text.charCodeAt(at.i) !== GROUP_END_CODE);
    // A group's end says another group follows.
    if (at.i++ === text.length - 1) throw new Error('Malformed postings');
  }
  return packed;
}

// A tail block is always read whole, and its stories ranked anew, so inside it keeps no
// impact order: its keys newest first as gaps, then «.», then each key's weight as one
// digit in the same order. Keys alone make small gaps and weights alone repeat: 10 % fewer
// bytes gzipped than the groups of a head (docs/search.md, «Index layout»).

/** A tail block's postings (packed, any order) as text: gaps, «.», weights. */
export function encodeTail(packed: readonly number[]): string {
  const sorted = [...packed].sort((a, b) => b - a);
  let gaps = '';
  let weights = '';
  let previous = -1;
  for (const posting of sorted) {
    const key = postingKey(posting);
    gaps += digitsOf(previous < 0 ? key : previous - key);
    previous = key;
    weights += DIGITS[postingWeight(posting)];
  }
  return gaps + GROUP_END + weights;
}

/**
 * The postings of encodeTail's text, newest first: in a typed array, as many as its
 * weights, allocated once (a common word's tail holds tens of thousands; growing an
 * array of numbers one by one takes ten times as long).
 */
export function decodeTail(text: string): Float64Array {
  const end = text.indexOf(GROUP_END);
  if (end < 0) throw new Error('Malformed postings');
  const packed = new Float64Array(text.length - end - 1);
  let n = 0;
  const at = { i: 0 };
  let key = -1;
  while (at.i < end) {
    const gap = readDigits(text, at, end);
    // Strictly newest first: a zero gap would be one story twice.
    if (key >= 0 && gap === 0) throw new Error('Malformed postings');
    key = key < 0 ? gap : key - gap;
    const weight = n < packed.length ? valueAt(text, end + 1 + n) : -1;
    if (key < 0 || weight < 0 || weight > MAX_WEIGHT) throw new Error('Malformed postings');
    packed[n++] = key * 32 + weight;
  }
  if (n !== packed.length) throw new Error('Malformed postings');
  return packed;
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
