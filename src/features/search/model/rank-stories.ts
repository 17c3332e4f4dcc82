// A round's ranking over what has been read so far, and how much of it is certain
// (docs/search.md, «Ranking»). Lists are read by their heads and then block by block, in
// impact order, so for each word whatever is unread is no heavier than the lightest
// posting read: every story gets the best rank it could still reach, and a story ranked
// before all of those leads for certain. What stops the page from settling says what to
// read next: the records of a few stories, or the next blocks of some lists.
import {
  MAX_WEIGHT,
  packPosting,
  postingKey,
  postingWeight,
} from '#content/search-index-layout.ts';
import {
  type Candidate,
  mergeDescending,
  nextBlockSize,
  type Postings,
  unreadOf,
} from './posting-lists.ts';

/** Weights read from the records of stories: story key → surface key → weight. */
export type RecordWeights = ReadonlyMap<number, ReadonlyMap<string, number>>;

/**
 * A story's best match for one word, as one number: level × 32 + (31 − weight), so the
 * smaller is the better (a lower level, then a heavier field). One number, not an object
 * per story: lists of a common word hold tens of thousands of stories.
 */
const bestOf = (level: number, weight: number) => level * 32 + (MAX_WEIGHT - weight);
const levelOf = (best: number) => Math.floor(best / 32);
const weightOf = (best: number) => MAX_WEIGHT - (best % 32);

/** One word's stories: keys newest first, and each story's best match (bestOf) beside it. */
type Matches = { keys: Float64Array; best: Uint16Array };
/** Room for a best-match value beside a key in one number (bestOf < 6 × 32). */
const SLOT = 256;

export type Ranked = {
  /** The stories every word matched in what was read, best first. */
  keys: number[];
  /** The first `settled` keys are the round's first, in its order, whatever is unread. */
  settled: number;
  /** Whether the page's places are settled and a story beyond them is known. */
  filled: boolean;
  /** Whether filled, or nothing is left unread that could change the round. */
  done: boolean;
  /** Whether no unread posting can add a story or move one: the count is final. */
  exact: boolean;
  /** Stories that could still take a place on the page, and whose record would say. */
  blockers: number[];
  /** Whether a story in no list read so far could still take a place on the page. */
  unseen: boolean;
  /** The forms whose next block would lower a bound that keeps the page from settling. */
  extend: Candidate[];
  /** The postings those next blocks hold, and all those still unread in those lists. */
  extendPostings: number;
  unreadPostings: number;
  /** Whether a story beyond the page is known (else every story that could match blocks). */
  full: boolean;
};

/** Postings as entries of a merge: key and value in one number (see perStory). */
function entries(level: number, postings: ArrayLike<number>): Float64Array {
  const out = new Float64Array(postings.length);
  for (let j = 0; j < postings.length; j++) {
    const packed = postings[j] as number;
    out[j] = postingKey(packed) * SLOT + (SLOT - 1 - bestOf(level, postingWeight(packed)));
  }
  return out;
}

/** A form's postings read so far as one run, newest first: made once, each pass reads it. */
const madeRuns = new WeakMap<Postings, { level: number; run: Float64Array }>();
function runOf(level: number, postings: Postings): Float64Array {
  const cached = madeRuns.get(postings);
  if (cached?.level === level) return cached.run;
  const run = mergeDescending(
    entries(level, postings.head).sort().reverse(),
    entries(level, postings.tail),
  );
  madeRuns.set(postings, { level, run });
  return run;
}

/** For one query word: each story it matches, newest first, with its best form. */
function perStory(
  list: readonly Candidate[],
  lists: readonly Postings[],
  records: RecordWeights,
): Matches {
  // Key and value in one number, larger key first and, for one key, the best value first:
  // merged newest first, every story's best form comes first. Tail blocks are merged
  // newest first as read and heads are short, so a merge of sorted runs, not a sort of
  // the whole: a common word's lists hold tens of thousands.
  const runs = list.map((candidate, i) => {
    const postings = lists[i] as Postings;
    const fromRecords: number[] = [];
    for (const [key, weights] of records) {
      const weight = weights.get(candidate.surface);
      if (weight !== undefined) fromRecords.push(packPosting(key, weight));
    }
    return mergeDescending(
      runOf(candidate.level, postings),
      entries(candidate.level, fromRecords).sort().reverse(),
    );
  });
  while (runs.length > 1) {
    runs.push(mergeDescending(runs.shift() as Float64Array, runs.shift() as Float64Array));
  }
  const merged = runs[0] ?? new Float64Array(0);
  const keys = new Float64Array(merged.length);
  const best = new Uint16Array(merged.length);
  let n = 0;
  for (let i = 0; i < merged.length; i++) {
    const key = Math.floor((merged[i] as number) / SLOT);
    if (n > 0 && keys[n - 1] === key) continue;
    keys[n] = key;
    best[n] = SLOT - 1 - ((merged[i] as number) % SLOT);
    n++;
  }
  return { keys: keys.subarray(0, n), best: best.subarray(0, n) };
}

/** Smaller is better: the worst level among the words, then the sum of levels, then the heavier weight. */
const rankClassOf = (values: Float64Array) => {
  let worst = 0;
  let levels = 0;
  let weight = 0;
  for (let w = 0; w < values.length; w++) {
    const level = levelOf(values[w] as number);
    worst = Math.max(worst, level);
    levels += level;
    weight += weightOf(values[w] as number);
  }
  return (worst * 1024 + levels) * 4096 + (4095 - weight);
};

/** Whether a story of class `a` and key `ka` ranks before one of class `b`, key `kb`. */
const before = (a: number, ka: number, b: number, kb: number) => a < b || (a === b && ka > kb);

/**
 * Ranks the stories every word matched in what was read (by the worst match level among
 * the words, then the sum of levels, then the weight of the fields that hold them, then
 * the newest) and says how many of them lead for certain. `places`: the stories up to
 * the end of the page asked for, which must be settled; one more must only be known to
 * exist (a next page).
 */
export function rankRound(
  admitted: readonly Candidate[][],
  known: readonly Postings[][],
  records: RecordWeights,
  places: number,
): Ranked {
  const perWord = admitted.map((list, w) => perStory(list, known[w] ?? [], records));
  const words = perWord.length;
  // For each word, the best an unread posting could give (Infinity when the word is read
  // whole), and the newest key a story could have at that best.
  const potential = admitted.map((list, w) => {
    let best = Number.POSITIVE_INFINITY;
    let key = -1;
    list.forEach((c, i) => {
      const { more, last } = (known[w] as Postings[])[i] as Postings;
      if (!more || last === undefined) return;
      const value = bestOf(c.level, postingWeight(last));
      if (value < best || (value === best && postingKey(last) > key)) {
        best = value;
        key = postingKey(last);
      }
    });
    return { best, key };
  });
  const partial = potential.map((p) => p.best < Number.POSITIVE_INFINITY);

  // Walk the stories newest first: those of the shortest word read whole when there is
  // one (a story missing from it cannot match), else those of every word.
  const whole = perWord
    .map((matches, w) => ({ matches, w }))
    .filter(({ w }) => !partial[w])
    .sort((a, b) => a.matches.keys.length - b.matches.keys.length)[0];
  const drivers = whole ? [whole.w] : perWord.map((_, w) => w);
  const cursors = new Int32Array(words);
  const unread = Float64Array.from(potential, (p) => p.best);
  const values = new Float64Array(words);
  const reach = new Float64Array(words);
  // Typed arrays as long as the walk could go, not arrays grown by push: a walk over
  // two common words' blocks meets tens of thousands of stories.
  const most = drivers.reduce((sum, w) => sum + (perWord[w] as Matches).keys.length, 0);
  const matchedKeys = new Float64Array(most);
  const matchedClasses = new Float64Array(most);
  const matchedReach = new Float64Array(most);
  let matched = 0;
  // Stories that miss a word in what was read but could hold it unread: key, best class, missing words.
  const openKeys = new Float64Array(most);
  const openReach = new Float64Array(most);
  const openMissing = new Int32Array(most);
  let open = 0;
  const anyRecord = records.size > 0;
  for (;;) {
    let key = -1;
    for (let d = 0; d < drivers.length; d++) {
      const w = drivers[d] as number;
      const keysOf = (perWord[w] as Matches).keys;
      const c = cursors[w] as number;
      if (c < keysOf.length && (keysOf[c] as number) > key) key = keysOf[c] as number;
    }
    if (key < 0) break;
    let missing = 0;
    let possible = true;
    let improvable = false;
    const isRecord = anyRecord && records.has(key);
    for (let w = 0; w < words; w++) {
      const { keys: keysOf, best: bestOfKey } = perWord[w] as Matches;
      let c = cursors[w] as number;
      while (c < keysOf.length && (keysOf[c] as number) > key) c++;
      const best = unread[w] as number;
      if (c < keysOf.length && keysOf[c] === key) {
        const value = bestOfKey[c] as number;
        values[w] = value;
        if (!isRecord && best < value) {
          reach[w] = best;
          improvable = true;
        } else {
          reach[w] = value;
        }
        c++;
      } else if (isRecord || best === Number.POSITIVE_INFINITY) {
        possible = false;
      } else {
        missing |= 1 << w;
        reach[w] = best;
      }
      cursors[w] = c;
    }
    if (!possible) continue;
    if (missing === 0) {
      matchedKeys[matched] = key;
      matchedClasses[matched] = rankClassOf(values);
      matchedReach[matched++] = improvable ? rankClassOf(reach) : -1;
    } else {
      openKeys[open] = key;
      openReach[open] = rankClassOf(reach);
      openMissing[open++] = missing;
    }
  }

  const order = countingOrder(matchedClasses.subarray(0, matched));
  const keys = order.map((j) => matchedKeys[j] as number);
  const classes = order.map((j) => matchedClasses[j] as number);
  const reaches = order.map((j) => matchedReach[j] as number);

  // A story in no list read: every word at its best unread, older than each word's last.
  const unseenBound = partial.every(Boolean)
    ? {
        rankClass: rankClassOf(unread),
        key: Math.min(...potential.map((p) => p.key)),
      }
    : null;
  // The best class an open story (or a ranked one that could still move up) could reach.
  let bestOpen = { rankClass: Number.POSITIVE_INFINITY, key: -1 };
  for (let i = 0; i < open; i++) {
    const rankClass = openReach[i] as number;
    const key = openKeys[i] as number;
    if (before(rankClass, key, bestOpen.rankClass, bestOpen.key)) bestOpen = { rankClass, key };
  }
  // From the end: the best reach of the ranked stories after each place.
  const reachAfter: { rankClass: number; key: number }[] = new Array(keys.length + 1);
  reachAfter[keys.length] = { rankClass: Number.POSITIVE_INFINITY, key: -1 };
  for (let i = keys.length - 1; i >= 0; i--) {
    const next = reachAfter[i + 1] as { rankClass: number; key: number };
    const r = reaches[i] as number;
    reachAfter[i] =
      r >= 0 && before(r, keys[i] as number, next.rankClass, next.key)
        ? { rankClass: r, key: keys[i] as number }
        : next;
  }
  const beatsUnseen = (rankClass: number, key: number) =>
    !unseenBound ||
    rankClass < unseenBound.rankClass ||
    (rankClass === unseenBound.rankClass && key >= unseenBound.key);
  let settled = 0;
  while (settled < keys.length) {
    const rankClass = classes[settled] as number;
    const key = keys[settled] as number;
    const after = reachAfter[settled + 1] as { rankClass: number; key: number };
    if (
      !beatsUnseen(rankClass, key) ||
      !before(rankClass, key, bestOpen.rankClass, bestOpen.key) ||
      !before(rankClass, key, after.rankClass, after.key)
    ) {
      break;
    }
    settled++;
  }

  const exact = !unseenBound && open === 0 && reaches.every((r) => r < 0);
  const full = keys.length > places;
  const filled = settled >= places && full;
  if (exact || filled) {
    return {
      keys,
      settled,
      filled,
      done: true,
      exact,
      blockers: [],
      unseen: false,
      extend: [],
      extendPostings: 0,
      unreadPostings: 0,
      full,
    };
  }
  // What keeps the page from settling: every story that could still reach the page's
  // last place (or any place, while no story beyond the page is known).
  const target = full ? places - 1 : -1;
  const blocks = (rankClass: number, key: number) =>
    target < 0 || !before(classes[target] as number, keys[target] as number, rankClass, key);
  const blockers: number[] = [];
  let missingWords = 0;
  for (let i = 0; i < open; i++) {
    if (blocks(openReach[i] as number, openKeys[i] as number)) {
      blockers.push(openKeys[i] as number);
      missingWords |= openMissing[i] as number;
    }
  }
  for (let i = 0; i < keys.length; i++) {
    const r = reaches[i] as number;
    if (r >= 0 && blocks(r, keys[i] as number)) {
      blockers.push(keys[i] as number);
      missingWords = (1 << words) - 1;
    }
  }
  const unseen =
    unseenBound !== null &&
    (target < 0 || !beatsUnseen(classes[target] as number, keys[target] as number));
  if (unseen) missingWords = (1 << words) - 1;
  // The forms holding each such word's best unread posting: reading on lowers it.
  const extend: Candidate[] = [];
  const extended = new Set<string>(); // a form two words share is read once
  let extendPostings = 0;
  let unreadPostings = 0;
  admitted.forEach((list, w) => {
    if (!(missingWords & (1 << w))) return;
    list.forEach((c, i) => {
      const postings = (known[w] as Postings[])[i] as Postings;
      const { last } = postings;
      if (
        postings.more &&
        last !== undefined &&
        !extended.has(c.surface) &&
        bestOf(c.level, postingWeight(last)) === (potential[w] as { best: number }).best
      ) {
        extend.push(c);
        extended.add(c.surface);
        extendPostings += nextBlockSize(postings);
        unreadPostings += unreadOf(postings);
      }
    });
  });
  return {
    keys,
    settled,
    filled,
    done: false,
    exact,
    blockers,
    unseen,
    extend,
    extendPostings,
    unreadPostings,
    full,
  };
}

/** The indexes of `classes` in rank order: by class, and in the given order (newest first) within one. */
function countingOrder(classes: Float64Array): number[] {
  // A counting sort: each class's size first, then each story at its class's next place.
  const counts = new Map<number, number>();
  for (const rankClass of classes) counts.set(rankClass, (counts.get(rankClass) ?? 0) + 1);
  const start = new Map<number, number>();
  let at = 0;
  for (const rankClass of [...counts.keys()].sort((a, b) => a - b)) {
    start.set(rankClass, at);
    at += counts.get(rankClass) as number;
  }
  const order: number[] = new Array(classes.length);
  classes.forEach((rankClass, j) => {
    const place = start.get(rankClass) as number;
    start.set(rankClass, place + 1);
    order[place] = j;
  });
  return order;
}
