// A query against the term-partitioned index (docs/search.md, «Ranking»). Each word
// fetches the chunks its forms hash to; every query word must match (AND). Matches are
// widened round by round — exact words, then shared stems, then roots, then the word
// being typed and, for a word the index does not hold in any form, its spelling
// variants and slips — and a round runs only when the ones before it did not fill the
// page, so a common word downloads only its own list. Within a round, long lists are
// read by their heads (their heaviest postings) first, and their tails only when the
// heads cannot settle the page.
import { PAGE_SIZE } from '#content/api-paths.ts';
import {
  chunkKey,
  fuzzyEdits,
  MATCH,
  type MatchLevel,
  matchLevel,
  nearLevel,
  type QueryWord,
  queryWords,
  respellWord,
  surfaceKey,
  tokenizeWords,
} from '#content/arabic-search-terms.ts';
import { getOrAdd } from '#content/get-or-add.ts';
import {
  byCodeUnit,
  decodePostings,
  decodeTail,
  type LexiconChunk,
  lexiconChunkOf,
  MAX_WEIGHT,
  postingKey,
  postingWeight,
  type SearchDocRecord,
  type TermChunk,
  termChunkOf,
} from '#content/search-index-layout.ts';
import { type Postings, postingsFromRecords } from './postings-from-records.ts';

/** Where the index files come from: the network, or saved stories indexed in memory. */
export type SearchSource = {
  terms(chunk: number): Promise<TermChunk>;
  /** The heaviest postings of a word whose list lives in files of its own. */
  list(surface: string): Promise<string>;
  /** The rest of such a list, when it is longer than its head. */
  tail(surface: string): Promise<string>;
  lexicon(chunk: number): Promise<LexiconChunk>;
  doc(key: number): Promise<SearchDocRecord>;
};

export type Hit = { key: number; doc: SearchDocRecord };

export type SearchResults = {
  words: QueryWord[];
  items: Hit[];
  /** Results found so far; the final count when `complete`. */
  total: number;
  /**
   * Whether every round ran over whole lists: false when exact matches alone, or the
   * heads of long lists, filled the pages asked for.
   */
  complete: boolean;
  /** Surface keys of the forms that matched, for highlighting. */
  matched: string[];
  /** The query as the stories spell it, when a word was found only under another spelling. */
  correction: string | null;
};

type Candidate = { surface: string; level: MatchLevel; stored: string | number };

/** Each round admits matches up to this level. */
const ROUNDS: MatchLevel[] = [MATCH.exact, MATCH.stem, MATCH.root, MATCH.fuzzy];
/** Levels admitted only for a word the index holds in no form (likely spelled otherwise). */
const SPELLING = new Set<MatchLevel>([MATCH.variant, MATCH.fuzzy]);
/** Forms a word may take from the word lists (completions, slips), the likeliest first. */
const NEAR_FORMS = 12;
/** Levels that mean «the stories spell it otherwise»: the page says which spelling it used. */
const RESPELLED = new Set<MatchLevel>([MATCH.root, MATCH.variant, MATCH.fuzzy]);

const empty = (words: QueryWord[]): SearchResults => ({
  words,
  items: [],
  total: 0,
  complete: true,
  matched: [],
  correction: null,
});

export async function runSearch(
  source: SearchSource,
  query: string,
  page: number,
): Promise<SearchResults> {
  const words = queryWords(query);
  if (words.length === 0) return empty(words);
  const chunks = new Map<number, Promise<TermChunk>>();
  const chunk = (n: number) => {
    const loaded = getOrAdd(chunks, n, () => source.terms(n));
    return loaded;
  };
  // Each word's forms in the chunks of these keys: first its exact forms' chunks only
  // (a word is filed under its own chunk key), all of them once a round needs more.
  const formsIn = (keysOf: (word: QueryWord) => string[]) =>
    Promise.all(
      words.map(async (word) => {
        const found = new Map<string, Candidate>();
        const ids = [...new Set(keysOf(word).map(termChunkOf))];
        for (const loaded of await Promise.all(ids.map(chunk))) {
          for (const [surface, stored] of loaded.terms) {
            const level = matchLevel(word, surface);
            if (level !== null && !found.has(surface))
              found.set(surface, { surface, level, stored });
          }
        }
        return found;
      }),
    );
  let candidates = await formsIn((word) => word.exact.map(chunkKey));

  const lists = new Map<string, Promise<Postings>>();
  const load = (c: Candidate) => getOrAdd(lists, c.surface, () => headOf(source, c));
  const loadTail = (c: Candidate) =>
    lists.set(
      c.surface,
      load(c).then((known) => withTail(source, c, known)),
    );

  // A word with no form in the index at all is probably spelled otherwise than the stories
  // do (known once every chunk of the word is in: spellings are admitted only in the last round).
  let respell = words.map(() => false);
  const admit = (max: MatchLevel) =>
    candidates.map((found, i) =>
      [...found.values()].filter((c) => c.level <= max && (respell[i] || !SPELLING.has(c.level))),
    );
  const wanted = page * PAGE_SIZE + 1; // one more than the page shows: is there a next?
  let ranked: Ranked = { keys: [], settled: 0, partial: false, known: [] };
  let reached: MatchLevel = MATCH.exact;
  for (const max of ROUNDS) {
    reached = max;
    if (max === MATCH.stem) {
      candidates = await formsIn((word) => word.chunkKeys);
      respell = candidates.map((found) => ![...found.values()].some((c) => c.level <= MATCH.root));
    }
    if (max === MATCH.fuzzy) await addNearForms(source, words, candidates, respell, chunk);
    const admitted = admit(max);
    if (admitted.some((list) => list.length === 0)) continue;
    ranked = await rankRound(admitted, load);
    if (ranked.settled < wanted && ranked.partial) {
      // The heads did not settle the page: the records of the few stories that could
      // match, or else every tail of the round, at once (one more round trip, not one per list).
      const found = await postingsFromRecords(admitted, ranked.known, (key) => source.doc(key));
      if (found) {
        ranked = await rankRound(admitted, (c) => {
          const postings = found.get(c.surface);
          return postings ? Promise.resolve(postings) : load(c);
        });
      } else {
        for (const list of admitted) for (const c of list) loadTail(c);
        ranked = await rankRound(admitted, load);
      }
    }
    if (ranked.settled >= wanted) break;
  }
  const complete = reached === MATCH.fuzzy && !ranked.partial;
  const shown = ranked.keys.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const docs = await Promise.all(shown.map((key) => source.doc(key)));
  const items = shown.map((key, i) => ({ key, doc: docs[i] as SearchDocRecord }));
  const used = admit(reached);
  // Every story ranked holds every word, settled or not; one word's form alone may say more.
  const oneWord = words.length === 1 ? Math.max(0, ...(used[0] ?? []).map(storiesOf)) : 0;
  return {
    words,
    items,
    total: complete ? ranked.keys.length : Math.max(ranked.keys.length, oneWord),
    complete,
    matched: [...new Set(used.flatMap((list) => list.map((c) => c.surface)))],
    correction: ranked.keys.length > 0 ? correctionOf(query, words, used, items) : null,
  };
}

const NONE = new Float64Array(0);

async function headOf(source: SearchSource, c: Candidate): Promise<Postings> {
  if (typeof c.stored === 'string') {
    return { head: decodePostings(c.stored), tail: NONE, more: false };
  }
  const head = decodePostings(await source.list(c.surface));
  return { head, tail: NONE, more: head.length < c.stored };
}

async function withTail(source: SearchSource, c: Candidate, known: Postings): Promise<Postings> {
  if (!known.more) return known;
  return { head: known.head, tail: decodeTail(await source.tail(c.surface)), more: false };
}

/** Adds completions of the last word and spelling slips of long words, from the word lists. */
async function addNearForms(
  source: SearchSource,
  words: readonly QueryWord[],
  candidates: Map<string, Candidate>[],
  respell: readonly boolean[],
  chunk: (n: number) => Promise<TermChunk>,
): Promise<void> {
  const last = words.length - 1;
  await Promise.all(
    words.map(async (word, i) => {
      const typing = i === last;
      const slips = Boolean(respell[i]) && fuzzyEdits(word.surface.length) > 0;
      if (!typing && !slips) return;
      const found = candidates[i] as Map<string, Candidate>;
      const lexicon = await source.lexicon(lexiconChunkOf(word.surface));
      const near = lexicon.words
        .filter(([surface]) => !found.has(surface))
        .map(([surface, common]) => ({
          surface,
          common,
          level: nearLevel(word, surface, { typing, slips }),
        }))
        .filter((n): n is typeof n & { level: MatchLevel } => n.level !== null)
        .sort(
          (a, b) =>
            a.level - b.level ||
            b.common - a.common ||
            a.surface.length - b.surface.length ||
            byCodeUnit(a.surface, b.surface),
        )
        .slice(0, NEAR_FORMS);
      const loaded = await Promise.all(near.map((n) => chunk(termChunkOf(chunkKey(n.surface)))));
      near.forEach((n, j) => {
        const entry = loaded[j]?.terms.find(([surface]) => surface === n.surface);
        if (entry) found.set(n.surface, { surface: n.surface, level: n.level, stored: entry[1] });
      });
    }),
  );
}

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

/** For one query word: each story it matches, newest first, with its best form. */
function perStory(list: readonly Candidate[], lists: readonly Postings[]): Matches {
  // Key and value in one number, larger key first and, for one key, the best value first:
  // merged newest first, every story's best form comes first. Tails come newest first
  // and heads are short, so a merge of sorted runs, not a sort of the whole: a common
  // word's lists hold tens of thousands.
  const runs = list.map((candidate, i) => {
    const { head, tail } = lists[i] as Postings;
    const entries = (postings: ArrayLike<number>) => {
      const out = new Float64Array(postings.length);
      for (let j = 0; j < postings.length; j++) {
        const packed = postings[j] as number;
        out[j] =
          postingKey(packed) * SLOT + (SLOT - 1 - bestOf(candidate.level, postingWeight(packed)));
      }
      return out;
    };
    return mergeDescending(entries(head).sort().reverse(), entries(tail));
  });
  while (runs.length > 1) {
    runs.push(mergeDescending(runs.shift() as Float64Array, runs.shift() as Float64Array));
  }
  const merged = runs[0] ?? NONE;
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

/** Two runs sorted largest first, as one. */
function mergeDescending(a: Float64Array, b: Float64Array): Float64Array {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    out[k++] = (a[i] as number) >= (b[j] as number) ? (a[i++] as number) : (b[j++] as number);
  }
  while (i < a.length) out[k++] = a[i++] as number;
  while (j < b.length) out[k++] = b[j++] as number;
  return out;
}

/** Smaller is better: the worst level among the words, then the sum of levels, then the heavier weight. */
const rankClassOf = (worst: number, levels: number, weight: number) =>
  (worst * 1024 + levels) * 4096 + (4095 - weight);

/** A round's stories every word matched, best first, and how many of them lead for certain. */
type Ranked = {
  keys: number[];
  /** The first `settled` keys are the round's first, in its order, whatever the tails hold. */
  settled: number;
  /** Whether some admitted list is known by its head only. */
  partial: boolean;
  /** What the round knew of each admitted form's list, word by word. */
  known: Postings[][];
};

async function rankRound(
  admitted: readonly Candidate[][],
  load: (c: Candidate) => Promise<Postings>,
): Promise<Ranked> {
  const known = await Promise.all(admitted.map((list) => Promise.all(list.map(load))));
  const { keys, classes } = rank(admitted.map((list, w) => perStory(list, known[w] ?? [])));
  const bounds = unknownBounds(admitted, known);
  // A story leads for certain while it ranks before anything a tail could add (the
  // walk is in rank order, so the first story that might not marks the end).
  let settled = 0;
  while (
    settled < keys.length &&
    bounds.every(
      (b) =>
        (classes[settled] as number) < b.rankClass ||
        (classes[settled] === b.rankClass && (keys[settled] as number) >= b.key),
    )
  ) {
    settled++;
  }
  return { keys, settled, partial: bounds.length > 0, known };
}

/**
 * For each list known by its head only, the best rank a story could have by a posting in
 * its tail: that posting at best as heavy as the head's last (and then older than it),
 * every other word at its best form's heaviest. A story's rank only improves as postings
 * are added, so a story ranked before every bound keeps its place once the tails are in.
 */
function unknownBounds(
  admitted: readonly Candidate[][],
  known: readonly Postings[][],
): { rankClass: number; key: number }[] {
  const best = admitted.map((list, w) =>
    Math.min(
      ...list.map((c, i) => {
        const top = known[w]?.[i]?.head[0];
        return top === undefined ? Number.POSITIVE_INFINITY : bestOf(c.level, postingWeight(top));
      }),
    ),
  );
  const bounds: { rankClass: number; key: number }[] = [];
  admitted.forEach((list, w) => {
    list.forEach((c, i) => {
      const { head, more } = known[w]?.[i] ?? { head: [], more: false };
      const last = head[head.length - 1];
      if (!more || last === undefined) return;
      const values = best.map((value, x) =>
        x === w ? bestOf(c.level, postingWeight(last)) : value,
      );
      const levels = values.map(levelOf);
      bounds.push({
        rankClass: rankClassOf(
          Math.max(...levels),
          levels.reduce((a, b) => a + b, 0),
          values.reduce((sum, value) => sum + weightOf(value), 0),
        ),
        key: postingKey(last),
      });
    });
  });
  return bounds;
}

/**
 * Stories every word matched (keys), best first: by the worst match among the words (a
 * story with every word as typed before one with a stem), then the sum of levels, then
 * the weight of the fields that hold them, then the newest; and each one's rank class.
 * Lists are walked newest first in step, and stories land in buckets of equal rank in
 * that order: no comparison sort, which matters for common words held by tens of
 * thousands of stories.
 */
function rank(perWord: Matches[]): { keys: number[]; classes: number[] } {
  const [driver, ...others] = [...perWord].sort((a, b) => a.keys.length - b.keys.length);
  if (!driver) return { keys: [], classes: [] };
  const cursors = others.map(() => 0);
  // A counting sort: each class's size first, then each story at its class's next place.
  const matched = new Float64Array(driver.keys.length);
  const classOf = new Float64Array(driver.keys.length);
  const counts = new Map<number, number>();
  let n = 0;
  for (let i = 0; i < driver.keys.length; i++) {
    const key = driver.keys[i] as number;
    let worst = levelOf(driver.best[i] as number);
    let levels = worst;
    let weight = weightOf(driver.best[i] as number);
    let all = true;
    for (let w = 0; w < others.length; w++) {
      const other = others[w] as Matches;
      let c = cursors[w] as number;
      while (c < other.keys.length && (other.keys[c] as number) > key) c++;
      cursors[w] = c;
      if (c === other.keys.length || other.keys[c] !== key) {
        all = false;
        break;
      }
      const level = levelOf(other.best[c] as number);
      worst = Math.max(worst, level);
      levels += level;
      weight += weightOf(other.best[c] as number);
    }
    if (!all) continue;
    const rankClass = rankClassOf(worst, levels, weight);
    matched[n] = key;
    classOf[n++] = rankClass;
    counts.set(rankClass, (counts.get(rankClass) ?? 0) + 1);
  }
  const start = new Map<number, number>();
  let at = 0;
  for (const rankClass of [...counts.keys()].sort((a, b) => a - b)) {
    start.set(rankClass, at);
    at += counts.get(rankClass) as number;
  }
  const keys: number[] = new Array(n);
  const classes: number[] = new Array(n);
  for (let j = 0; j < n; j++) {
    const rankClass = classOf[j] as number;
    const place = start.get(rankClass) as number;
    start.set(rankClass, place + 1);
    keys[place] = matched[j] as number;
    classes[place] = rankClass;
  }
  return { keys, classes };
}

/** The query with each word found only under another spelling replaced by the spelling found. */
function correctionOf(
  query: string,
  words: readonly QueryWord[],
  used: readonly Candidate[][],
  items: readonly Hit[],
): string | null {
  const replacements = new Map<string, string>();
  words.forEach((word, i) => {
    const list = used[i] ?? [];
    const best = Math.min(...list.map((c) => c.level));
    if (!RESPELLED.has(best as MatchLevel)) return;
    // The form most stories hold stands for them all; a form with و or ب in front gives way to the bare one.
    const forms = list.filter((c) => c.level === best);
    const bare = new Set(forms.map((c) => c.surface));
    const form = forms
      .filter((c) => !bare.has(c.surface.slice(1)))
      .sort((a, b) => storiesOf(b) - storiesOf(a) || byCodeUnit(a.surface, b.surface))[0];
    if (!form) return;
    const spelled = respellWord(word.typed, spellingIn(items, form.surface) ?? form.surface);
    if (spelled !== word.typed) replacements.set(word.typed, spelled);
  });
  if (replacements.size === 0) return null;
  return tokenizeWords(query)
    .map((token) => replacements.get(token) ?? token)
    .join(' ');
}

/** How many stories hold a form: the count of a list file, or the postings inline (2 digits or more each). */
const storiesOf = (c: Candidate) =>
  typeof c.stored === 'number' ? c.stored : decodePostings(c.stored).length;

/** How the shown stories write a form. */
function spellingIn(items: readonly Hit[], form: string): string | null {
  for (const { doc } of items) {
    for (const text of [doc.headline, doc.summary ?? '', ...doc.passages]) {
      for (const token of tokenizeWords(text)) {
        if (surfaceKey(token) === form) return token;
      }
    }
  }
  return null;
}
