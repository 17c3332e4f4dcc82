// A query against the term-partitioned index (docs/search.md, «Ranking»). Each word
// fetches the chunks its forms hash to; every query word must match (AND). Matches are
// widened round by round — exact words, then shared stems, then roots, then the word
// being typed and, for a word the index does not hold in any form, its spelling
// variants and slips — and a round runs only when the ones before it did not fill the
// page, so a common word downloads only its own list.
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
  type LexiconChunk,
  lexiconChunkOf,
  MAX_WEIGHT,
  postingKey,
  postingWeight,
  type SearchDocRecord,
  type TermChunk,
  termChunkOf,
} from '#content/search-index-layout.ts';

/** Where the index files come from: the network, or saved stories indexed in memory. */
export type SearchSource = {
  terms(chunk: number): Promise<TermChunk>;
  /** The postings of a word whose list lives in a file of its own. */
  list(surface: string): Promise<string>;
  lexicon(chunk: number): Promise<LexiconChunk>;
  doc(key: number): Promise<SearchDocRecord>;
};

export type Hit = { key: number; doc: SearchDocRecord };

export type SearchResults = {
  words: QueryWord[];
  items: Hit[];
  /** Results found so far; the final count when `complete`. */
  total: number;
  /** Whether every round ran: false when exact matches alone filled the pages asked for. */
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
  const candidates = await Promise.all(
    words.map(async (word) => {
      const found = new Map<string, Candidate>();
      const ids = [...new Set(word.chunkKeys.map(termChunkOf))];
      for (const loaded of await Promise.all(ids.map(chunk))) {
        for (const [surface, stored] of loaded.terms) {
          const level = matchLevel(word, surface);
          if (level !== null && !found.has(surface)) found.set(surface, { surface, level, stored });
        }
      }
      return found;
    }),
  );

  const postings = new Map<string, Promise<number[]>>();
  const load = (c: Candidate) => {
    let loaded = postings.get(c.surface);
    if (!loaded) {
      loaded =
        typeof c.stored === 'string'
          ? Promise.resolve(decodePostings(c.stored))
          : source.list(c.surface).then(decodePostings);
      postings.set(c.surface, loaded);
    }
    return loaded;
  };

  // A word with no form in the index at all is probably spelled otherwise than the stories do.
  const respell = candidates.map(
    (found) => ![...found.values()].some((c) => c.level <= MATCH.root),
  );
  const admit = (max: MatchLevel) =>
    candidates.map((found, i) =>
      [...found.values()].filter((c) => c.level <= max && (respell[i] || !SPELLING.has(c.level))),
    );
  const wanted = page * PAGE_SIZE + 1; // one more than the page shows: is there a next?
  let ranked: number[] = [];
  let reached: MatchLevel = MATCH.exact;
  for (const max of ROUNDS) {
    reached = max;
    if (max === MATCH.fuzzy) await addNearForms(source, words, candidates, respell, chunk);
    const admitted = admit(max);
    if (admitted.some((list) => list.length === 0)) continue;
    ranked = rank(await Promise.all(admitted.map((list) => perStory(list, load))));
    if (ranked.length >= wanted) break;
  }
  const complete = reached === MATCH.fuzzy;
  const shown = ranked.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const docs = await Promise.all(shown.map((key) => source.doc(key)));
  const items = shown.map((key, i) => ({ key, doc: docs[i] as SearchDocRecord }));
  const used = admit(reached);
  return {
    words,
    items,
    total: ranked.length,
    complete,
    matched: [...new Set(used.flatMap((list) => list.map((c) => c.surface)))],
    correction: ranked.length > 0 ? correctionOf(query, words, used, items) : null,
  };
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
async function perStory(
  list: readonly Candidate[],
  load: (c: Candidate) => Promise<number[]>,
): Promise<Matches> {
  const lists = await Promise.all(list.map(load));
  // Key and value in one number, larger key first and, for one key, the best value first:
  // a native numeric sort then puts every story's best form first in the newest-first order.
  let total = 0;
  for (const packed of lists) total += packed.length;
  const merged = new Float64Array(total);
  let at = 0;
  list.forEach((candidate, i) => {
    for (const packed of lists[i] as number[]) {
      const value = bestOf(candidate.level, postingWeight(packed));
      merged[at++] = postingKey(packed) * SLOT + (SLOT - 1 - value);
    }
  });
  if (list.length > 1) merged.sort().reverse();
  const keys = new Float64Array(total);
  const best = new Uint16Array(total);
  let n = 0;
  for (let i = 0; i < total; i++) {
    const key = Math.floor((merged[i] as number) / SLOT);
    if (n > 0 && keys[n - 1] === key) continue;
    keys[n] = key;
    best[n] = SLOT - 1 - ((merged[i] as number) % SLOT);
    n++;
  }
  return { keys: keys.subarray(0, n), best: best.subarray(0, n) };
}

/**
 * Stories every word matched (keys), best first: by the worst match among the words (a
 * story with every word as typed before one with a stem), then the sum of levels, then
 * the weight of the fields that hold them, then the newest. Lists are walked newest first
 * in step, and stories land in buckets of equal rank in that order: no comparison sort,
 * which matters for common words held by tens of thousands of stories.
 */
function rank(perWord: Matches[]): number[] {
  const [driver, ...others] = [...perWord].sort((a, b) => a.keys.length - b.keys.length);
  if (!driver) return [];
  const cursors = others.map(() => 0);
  const buckets = new Map<number, number[]>();
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
      if (other.keys[c] !== key) {
        all = false;
        break;
      }
      const level = levelOf(other.best[c] as number);
      worst = Math.max(worst, level);
      levels += level;
      weight += weightOf(other.best[c] as number);
    }
    if (!all) continue;
    // Smaller is better: worst level, then sum of levels, then the heavier weight.
    const rankClass = (worst * 1024 + levels) * 4096 + (4095 - weight);
    let bucket = buckets.get(rankClass);
    if (!bucket) {
      bucket = [];
      buckets.set(rankClass, bucket);
    }
    bucket.push(key);
  }
  return [...buckets].sort((a, b) => a[0] - b[0]).flatMap(([, keys]) => keys);
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
