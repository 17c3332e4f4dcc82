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
  type LexiconChunk,
  lexiconChunkOf,
  type SearchDocRecord,
  type TermChunk,
  termChunkOf,
} from '#content/search-index-layout.ts';
import { nextReads, recordWeights } from './next-reads.ts';
import {
  type Candidate,
  headOf,
  type ListSource,
  type Postings,
  storiesIn,
  withNextBlock,
} from './posting-lists.ts';
import { type Ranked, rankRound } from './rank-stories.ts';

/** Where the index files come from: the network, or saved stories indexed in memory. */
export type SearchSource = ListSource & {
  terms(chunk: number): Promise<TermChunk>;
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
  const records = new Map<number, Map<string, number>>();
  // The stories up to the end of the page, in their order, and one more known to exist: a next page.
  const places = page * PAGE_SIZE;
  const rankAdmitted = async (admitted: Candidate[][]) =>
    rankRound(
      admitted,
      await Promise.all(admitted.map((list) => Promise.all(list.map(load)))),
      records,
      places,
    );

  // A word with no form in the index at all is probably spelled otherwise than the stories
  // do (known once every chunk of the word is in: spellings are admitted only in the last round).
  let respell = words.map(() => false);
  const admit = (max: MatchLevel) =>
    candidates.map((found, i) =>
      [...found.values()].filter((c) => c.level <= max && (respell[i] || !SPELLING.has(c.level))),
    );
  let ranked: Ranked | null = null;
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
    ranked = await rankAdmitted(admitted);
    // Until the page settles: the records of the few stories that could still take a
    // place on it, or the next block of the lists that could hold one (all at once: one
    // more round trip, not one per list).
    while (!ranked.done) {
      const next = nextReads(ranked);
      if (!next) break;
      if ('records' in next) {
        for (const [key, weights] of await recordWeights(next.records, (key) => source.doc(key))) {
          records.set(key, weights);
        }
      } else {
        for (const c of next.blocks) {
          lists.set(
            c.surface,
            load(c).then((known) => withNextBlock(source, c, known)),
          );
        }
      }
      ranked = await rankAdmitted(admitted);
    }
    if (ranked.filled) break;
  }
  const keys = ranked?.keys ?? [];
  const complete = reached === MATCH.fuzzy && (ranked?.exact ?? true);
  const shown = keys.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const docs = await Promise.all(shown.map((key) => source.doc(key)));
  const items = shown.map((key, i) => ({ key, doc: docs[i] as SearchDocRecord }));
  const used = admit(reached);
  // How many stories hold each form used, as its list says (ranked, so already read).
  const stories = new Map<string, number>();
  if (keys.length > 0 || (words.length === 1 && !complete)) {
    for (const c of used.flat()) stories.set(c.surface, storiesIn(await load(c)));
  }
  const storiesOf = (c: Candidate) => stories.get(c.surface) ?? 0;
  // Every story ranked holds every word, settled or not; one word's form alone may say more.
  const oneWord = words.length === 1 ? Math.max(0, ...(used[0] ?? []).map(storiesOf)) : 0;
  return {
    words,
    items,
    total: complete ? keys.length : Math.max(keys.length, oneWord),
    complete,
    matched: [...new Set(used.flatMap((list) => list.map((c) => c.surface)))],
    correction: keys.length > 0 ? correctionOf(query, words, used, items, storiesOf) : null,
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

/** The query with each word found only under another spelling replaced by the spelling found. */
function correctionOf(
  query: string,
  words: readonly QueryWord[],
  used: readonly Candidate[][],
  items: readonly Hit[],
  storiesOf: (c: Candidate) => number,
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
