// Builds the search index files from stories, and updates them for a few changed
// stories by rewriting only the files those stories' words live in. Pure: the same
// stories give the same bytes in any order, and an update gives the bytes a full
// build of the new content would (search-index-build.test.ts proves both). Shared by
// the content build and the browser, which indexes saved stories when offline.
import { chunkKey, scanWords, surfaceKey } from './arabic-search-terms.ts';
import type { Article, Section } from './article-schema.ts';
import { getOrAdd } from './get-or-add.ts';
import { PostingPool } from './posting-pool.ts';
import {
  assignStoryKeys,
  byCodeUnit,
  byImpact,
  decodePostings,
  encodePostings,
  IN_LIST_FILE,
  INLINE_POSTINGS,
  LEXICON_CHUNKS,
  type LexiconChunk,
  lexiconChunkOf,
  packPosting,
  postingKey,
  SEARCH_INDEX_VERSION,
  type SearchDocRecord,
  searchPaths,
  storyKeyChanges,
  TERM_CHUNKS,
  type TermChunk,
  type TermEntry,
  type TimedStory,
  termChunkOf,
} from './search-index-layout.ts';
import {
  LIST_SHAPE,
  type ListShape,
  listFiles,
  type ReadSearchFile,
  readWholeList,
  type SearchFile,
  updateListFiles,
} from './search-list-files.ts';
import { CARD_FIELDS, fieldBit, maskWeight, passageLetter, termWeights } from './story-terms.ts';
import { type StoryText, storyTexts } from './story-text.ts';
import { WordTable } from './word-table.ts';

export type { ReadSearchFile, SearchFile };
export type SectionNames = ReadonlyMap<string, Section>;

const sectionOf = (article: Article, sections: SectionNames): Section =>
  sections.get(article.section) ?? { id: article.section, name: article.section };

/** The terms of a story and its weight for each (story-terms.ts). */
export const storyTerms = <Term = string>(
  article: Article,
  sections: SectionNames,
  termOf?: (word: string) => Term | null,
): Map<Term, number> => termWeights(storyTexts(article, sectionOf(article, sections).name), termOf);

/** A story's record: what a result shows, and every other text with its field. */
export const docRecord = (article: Article, sections: SectionNames): SearchDocRecord => {
  const section = sectionOf(article, sections);
  return recordOf(article, section, storyTexts(article, section.name));
};

function recordOf(
  article: Article,
  section: Section,
  texts: readonly StoryText[],
): SearchDocRecord {
  const passages = texts.filter((t) => !CARD_FIELDS.has(t.field));
  const record: SearchDocRecord = {
    v: SEARCH_INDEX_VERSION,
    id: article.id,
    headline: article.headline,
    section: { id: section.id, name: section.name },
    publishedAt: article.publishedAt,
    passages: passages.map((t) => t.text),
    fields: passages.map((t) => passageLetter(t.field)).join(''),
  };
  if (article.summary) record.summary = article.summary;
  return record;
}

/** surfaceKey remembered per word as written: a corpus repeats its words many times over. */
function cachedSurfaceKey(): (word: string) => string {
  const cache = new Map<string, string>();
  return (word) => {
    let surface = cache.get(word);
    if (surface === undefined) {
      surface = surfaceKey(word);
      cache.set(word, surface);
    }
    return surface;
  };
}

/**
 * Each surface key's postings, as a full build gathers them story by story. Hot: every
 * word of every story passes here, so it keeps termWeights' rule (a term's weight is
 * that of the mask of fields holding it) with no Map per story: a word's list comes from
 * a WordTable, and each list remembers the last story that touched it and its mask.
 */
function gatheredPostings() {
  /** Each list's surface key, by list number; their postings in the pool, unsorted. */
  const surfaces: string[] = [];
  const pool = new PostingPool();
  const lastStory: number[] = [];
  const masks: number[] = [];
  // Spellings to surface keys, surface keys to lists, both in WordTables: at 20,000
  // stories 751,645 spellings make 399,614 surface keys, and a Map of the keys cost
  // 1.1 s in a profile (the index made in memory 7.3-7.8 s with the table, 8.7-9.6 without).
  const listOf = new WordTable((surface) => {
    surfaces.push(surface);
    lastStory.push(-1);
    masks.push(0);
    return pool.add();
  });
  const words = new WordTable((word) => {
    const surface = surfaceKey(word);
    return surface ? listOf.get(surface, 0, surface.length) : -1;
  });
  const touched: number[] = [];
  /** Files the story's postings: `key` is its story key, `texts` its texts. */
  const add = (key: number, texts: readonly StoryText[]): void => {
    touched.length = 0;
    for (const { field, text } of texts) {
      const bit = fieldBit(field);
      scanWords(text, (start, end) => {
        const list = words.get(text, start, end);
        if (list < 0) return;
        if (lastStory[list] === key) masks[list] = (masks[list] as number) | bit;
        else {
          lastStory[list] = key;
          masks[list] = bit;
          touched.push(list);
        }
      });
    }
    for (const list of touched) {
      pool.push(list, packPosting(key, maskWeight(masks[list] as number)));
    }
  };
  return { add, gathered: { surfaces, pool } };
}

/** A full build's postings: list `i` is surface key `surfaces[i]`'s. */
type Gathered = { surfaces: readonly string[]; pool: PostingPool };

const termEntry = (surface: string, packed: readonly number[]): TermEntry =>
  packed.length > INLINE_POSTINGS ? [surface, IN_LIST_FILE] : [surface, encodePostings(packed)];

const dfClass = (count: number): number => Math.floor(Math.log2(count));

const termChunkFile = (chunk: number, terms: TermEntry[]): SearchFile => {
  const payload: TermChunk = {
    v: SEARCH_INDEX_VERSION,
    terms: terms.sort((x, y) => byCodeUnit(x[0], y[0])),
  };
  return { path: searchPaths.terms(chunk), payload };
};

/**
 * Chunk by chunk, each chunk's lists out of the pool one at a time in impact order, the
 * long ones' files first: only one chunk's entries are held (at 100,000 stories, every
 * chunk's together were some 100 MB more at the build's peak).
 */
function* termFiles({ surfaces, pool }: Gathered, shape: ListShape): Generator<SearchFile> {
  const byChunk: number[][] = Array.from({ length: TERM_CHUNKS }, () => []);
  surfaces.forEach((surface, list) => {
    byChunk[termChunkOf(chunkKey(surface))]?.push(list);
  });
  for (let chunk = 0; chunk < TERM_CHUNKS; chunk++) {
    const terms: TermEntry[] = [];
    for (const list of byChunk[chunk] as number[]) {
      const surface = surfaces[list] as string;
      const packed = pool.values(list).sort(byImpact);
      terms.push(termEntry(surface, packed));
      if (packed.length > INLINE_POSTINGS) yield* listFiles(surface, packed, shape);
    }
    byChunk[chunk] = [];
    yield termChunkFile(chunk, terms);
  }
}

function* lexiconFiles({ surfaces, pool }: Gathered): Generator<SearchFile> {
  const byChunk = new Map<number, number[]>();
  surfaces.forEach((surface, list) => {
    getOrAdd(byChunk, lexiconChunkOf(surface), () => []).push(list);
  });
  for (let chunk = 0; chunk < LEXICON_CHUNKS; chunk++) {
    const words = (byChunk.get(chunk) ?? [])
      .map((list): [string, number] => [surfaces[list] as string, dfClass(pool.size(list))])
      .sort((a, b) => byCodeUnit(a[0], b[0]));
    const payload: LexiconChunk = { v: SEARCH_INDEX_VERSION, words };
    yield { path: searchPaths.lexicon(chunk), payload };
  }
}

/**
 * Every file of the index for these stories: a record per story, then every term
 * chunk, the posting lists too long to inline (head and tail blocks), and every lexicon chunk
 * (empty chunks too, so the set of files never depends on what is indexed). `shape` is
 * the postings a list file holds (tests make it small).
 */
export function buildSearchFiles(
  articles: readonly Article[],
  sections: SectionNames,
  shape: ListShape = LIST_SHAPE,
): Generator<SearchFile> {
  return searchFilesOf(searchCorpusOf(articles, sections), shape);
}

/**
 * The same files over stories read one at a time (`corpus.article`, once each, in the
 * order of `corpus.stories`): a build does not hold every story's text.
 */
export function* searchFilesOf(
  corpus: SearchCorpus,
  shape: ListShape = LIST_SHAPE,
): Generator<SearchFile> {
  const keys = assignStoryKeys(corpus.stories);
  const { add, gathered } = gatheredPostings();
  for (const { id } of corpus.stories) {
    const article = corpus.article(id);
    const key = keys.get(id) as number;
    const section = sectionOf(article, corpus.sections);
    const texts = storyTexts(article, section.name);
    add(key, texts);
    yield { path: searchPaths.doc(key), payload: recordOf(article, section, texts) };
  }
  yield* termFiles(gathered, shape);
  yield* lexiconFiles(gathered);
}

/**
 * The order an update's files must go in, each stage whole before the next starts:
 * records; then the long lists' new tail blocks, then the blocks written again under
 * their old names, then the heads that lead to them; then the term chunks that point at
 * both, then the lexicon that leads to the terms. A publish killed half-way and run again
 * counts on it: a head written before its new first block would lose the posting it gave
 * that block, and a block cut in two, written before the block that takes its rest,
 * would lose that rest (the run again reads every block in the word's folder).
 */
const UPDATE_STAGES = ['docs', 'new tails', 'tails', 'lists', 'terms', 'lexicon'] as const;

/** An update's file's stage (UPDATE_STAGES); `exists`: whether the file is there already. */
export function updateStageOf(path: string, exists: (path: string) => boolean): number {
  // The folder first in the path: a tail block of a word spelled «docs» is under /tails/docs/.
  const folder = /\/(docs|tails|lists|terms|lexicon)\//.exec(path)?.[1] as
    | (typeof UPDATE_STAGES)[number]
    | undefined;
  if (!folder) throw new Error(`${path}: not a search index folder`);
  return UPDATE_STAGES.indexOf(folder === 'tails' && !exists(path) ? 'new tails' : folder);
}

/** An update's files to write, stage by stage (UPDATE_STAGES). */
export function updateStages(
  files: readonly SearchFile[],
  exists: (path: string) => boolean,
): SearchFile[][] {
  const stages = UPDATE_STAGES.map((): SearchFile[] => []);
  for (const file of files) stages[updateStageOf(file.path, exists)]?.push(file);
  return stages;
}

/** One story changed: added (no before), deleted (no after), or edited. */
export type StoryChange = { id: string; before?: Article; after?: Article };
/** A story as an update files it: its key and every word it is filed under. */
export type SearchFiling = { id: string; key: number; surfaces: string[] };
/**
 * What to write and remove, and every story the update files (`filed`): a publish keeps
 * those in its journal before it writes, so that if it is killed, the next one can unfile
 * them even when the newsroom has since changed or removed the story.
 */
export type SearchUpdate = { write: SearchFile[]; remove: string[]; filed: SearchFiling[] };

/** What an update needs of the content after the change. */
export type SearchCorpus = {
  /** Every story: its id and publication time. */
  stories: readonly TimedStory[];
  /** A story by id: an update reads only the stories it files again; a full build, each once. */
  article: (id: string) => Article;
  sections: SectionNames;
  /** The sections before the change, when they differ (a renamed section). */
  sectionsBefore?: SectionNames;
};

/** A corpus held in memory, as an update's input. */
export function searchCorpusOf(articles: readonly Article[], sections: SectionNames): SearchCorpus {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return { stories: articles, article: (id) => byId.get(id) as Article, sections };
}

/**
 * The files to write and remove so that an index built over the old content equals
 * the index a full build of the new content would write. `changes` name the stories
 * that differ, with their old version; `read` gives the old index files. It reads and
 * rewrites only the chunks, lists and lexicon chunks of the changed stories' words,
 * their records, and those of stories whose key moved with them.
 */
export function updateSearchFiles(
  corpus: SearchCorpus,
  changes: readonly StoryChange[],
  read: ReadSearchFile,
  options: {
    shape?: ListShape;
    /**
     * A word's tail block files, whatever its head names: given when the index may hold
     * what a killed update wrote, and then every long list is read whole.
     */
    folder?: (surface: string) => string[];
    /**
     * What a killed update filed (its `filed`), to unfile with `folder`: a story it filed
     * may since have been changed or removed, or have moved to another key. The stories
     * of these filings that are still there must be among `changes`.
     */
    killedFilings?: readonly SearchFiling[];
  } = {},
): SearchUpdate {
  const { shape = LIST_SHAPE, folder, killedFilings = [] } = options;
  const { stories, sections } = corpus;
  const sectionsBefore = corpus.sectionsBefore ?? sections;
  const changed = new Map(changes.map((c) => [c.id, c]));
  const keys = storyKeyChanges(
    stories,
    changes.flatMap((c) => (c.before ? [c.before] : [])),
    new Set(changed.keys()),
  );
  const oldKeys = keys.before;
  const newKeys = keys.after;
  const all: StoryChange[] = changes.map((c) => ({
    id: c.id,
    before: c.before,
    after: newKeys.has(c.id) ? corpus.article(c.id) : undefined,
  }));
  // A story whose key moved because a neighbour in time came or went is re-filed too.
  for (const id of newKeys.keys()) {
    if (!changed.has(id)) {
      const article = corpus.article(id);
      all.push({ id, before: article, after: article });
    }
  }

  const keyOf = cachedSurfaceKey();
  const write: SearchFile[] = [];
  const filed: SearchFiling[] = [];
  const remove = new Set<string>();
  const removeKey = new Map<string, Set<number>>(); // surface → old keys to drop
  // What a killed update filed: dropped wherever it went (its words' lists are read whole).
  for (const filing of killedFilings) {
    remove.add(searchPaths.doc(filing.key));
    for (const surface of filing.surfaces) {
      getOrAdd(removeKey, surface, () => new Set()).add(filing.key);
    }
  }
  const dropPosting = new Map<string, number[]>(); // surface → old packed postings
  const addPosting = new Map<string, number[]>(); // surface → new packed postings
  for (const { id, before, after } of all) {
    const oldKey = oldKeys.get(id);
    const newKey = newKeys.get(id);
    const termsBefore = before ? storyTerms(before, sectionsBefore, keyOf) : new Map();
    const termsAfter = after ? storyTerms(after, sections, keyOf) : new Map();
    // An edit that leaves a word's weight and the story's key as they were leaves that
    // word's list as it was: only the words it changed are refiled (a common word's
    // list of 100,000 postings is otherwise read and written again for nothing).
    // Not after an interrupted update (`folder`): it may have refiled some of those words
    // already, for a version the newsroom has since taken back.
    const edit = !folder && before !== undefined && after !== undefined && oldKey === newKey;
    const same = (surface: string) => edit && termsBefore.get(surface) === termsAfter.get(surface);
    if (before) {
      remove.add(searchPaths.doc(oldKey as number));
      for (const [surface, weight] of termsBefore) {
        if (same(surface)) continue;
        getOrAdd(removeKey, surface, () => new Set()).add(oldKey as number);
        getOrAdd(dropPosting, surface, () => []).push(packPosting(oldKey as number, weight));
      }
    }
    if (after) {
      const key = newKey as number;
      const path = searchPaths.doc(key);
      remove.delete(path);
      write.push({ path, payload: docRecord(after, sections) });
      filed.push({ id, key, surfaces: [...termsAfter.keys()] });
      for (const [surface, weight] of termsAfter) {
        if (same(surface)) continue;
        // Dropped first too, so that an update applied twice (a publish killed half-way,
        // then run again over the files it left) never files a story twice.
        getOrAdd(removeKey, surface, () => new Set()).add(key);
        getOrAdd(addPosting, surface, () => []).push(packPosting(key, weight));
      }
    }
  }
  // Doc paths written by one change and removed by another (keys trading places) are kept.
  for (const file of write) remove.delete(file.path);

  const touched = new Set([...removeKey.keys(), ...addPosting.keys()]);
  const byChunk = new Map<number, string[]>();
  for (const surface of touched) {
    const chunk = termChunkOf(chunkKey(surface));
    const surfaces = getOrAdd(byChunk, chunk, () => []);
    surfaces.push(surface);
  }
  // Each touched chunk as it was; only its touched words' postings are decoded and redone.
  // A chunk is written again only when one of its entries changed: a long list's entry
  // stays as it is whatever the list gains or loses (IN_LIST_FILE), so most of a new
  // story's words leave their chunk alone.
  const oldCount = new Map<string, number>();
  const newCount = new Map<string, number>();
  for (const [chunk, surfaces] of byChunk) {
    const old = read(searchPaths.terms(chunk)) as TermChunk | undefined;
    const entries = new Map<string, TermEntry>((old?.terms ?? []).map((e) => [e[0], e]));
    // After a killed update, the chunk may not be what its lists now say: made again.
    let changedChunk = old === undefined || folder !== undefined;
    for (const surface of surfaces) {
      const entry = entries.get(surface);
      const add = addPosting.get(surface) ?? [];
      // A long list as the last publish left it: only the blocks its changes land in.
      const quick =
        entry?.[1] === IN_LIST_FILE && !folder
          ? updateListFiles(surface, dropPosting.get(surface) ?? [], add, read, shape)
          : null;
      if (quick) {
        oldCount.set(surface, quick.was);
        newCount.set(surface, quick.count);
        write.push(...quick.write);
        for (const file of quick.remove) remove.add(file);
        continue;
      }
      // Else read whole: a list inline, or short, or as a killed update may have left it.
      const { packed, files } =
        typeof entry?.[1] === 'string'
          ? {
              packed: decodePostings(entry[1]),
              // After a killed publish, list files the inline entry no longer names may remain.
              files: folder ? readWholeList(surface, read, folder).files : [],
            }
          : readWholeList(surface, read, folder);
      oldCount.set(surface, packed.length);
      const drop = removeKey.get(surface);
      const list = [...onceEach(packed).filter((p) => !drop?.has(postingKey(p))), ...add].sort(
        byImpact,
      );
      newCount.set(surface, list.length);
      if (list.length === 0) {
        changedChunk ||= entry !== undefined;
        entries.delete(surface);
      } else {
        const made = termEntry(surface, list);
        changedChunk ||= entry?.[1] !== made[1];
        entries.set(surface, made);
      }
      const listed = list.length > INLINE_POSTINGS ? listFiles(surface, list, shape) : [];
      write.push(...listed);
      // Files the word has and no longer needs: its list, or blocks of its tail.
      const needed = new Set(listed.map((file) => file.path));
      for (const file of files) if (!needed.has(file)) remove.add(file);
    }
    if (changedChunk) write.push(termChunkFile(chunk, [...entries.values()]));
  }

  // A lexicon chunk is made again when one of its words comes, goes or changes class: a
  // new story's words touch some 220 of the 512 chunks (10 MB at 100,000 stories, read,
  // parsed and written again for the two or so that change). After an interrupted update
  // (`folder`) the old counts may have been read back from files it already rewrote, which
  // would hide a change: then every touched word's chunk is made again.
  const lexiconChunks = new Set<number>();
  for (const surface of touched) {
    const was = oldCount.get(surface) ?? 0;
    const now = newCount.get(surface) ?? 0;
    if (folder || was > 0 !== now > 0 || (now > 0 && dfClass(was) !== dfClass(now)))
      lexiconChunks.add(lexiconChunkOf(surface));
  }
  for (const chunk of lexiconChunks) {
    const old = read(searchPaths.lexicon(chunk)) as LexiconChunk | undefined;
    const words = new Map(old?.words ?? []);
    for (const surface of touched) {
      if (lexiconChunkOf(surface) !== chunk) continue;
      const count = newCount.get(surface) ?? 0;
      if (count > 0) words.set(surface, dfClass(count));
      else words.delete(surface);
    }
    const payload: LexiconChunk = {
      v: SEARCH_INDEX_VERSION,
      words: [...words].sort((a, b) => byCodeUnit(a[0], b[0])),
    };
    write.push({ path: searchPaths.lexicon(chunk), payload });
  }
  return { write, remove: [...remove].sort(byCodeUnit), filed };
}

/**
 * The postings with each story once, the first found kept. A story is there twice only
 * after a killed publish: the keys, sorted, say whether, before a Map of 100,000 keys a
 * common word (most of a new story's update at 100,000 stories) is made.
 */
function onceEach(postings: number[]): number[] {
  const keys = new Float64Array(postings.length);
  for (let i = 0; i < postings.length; i++) keys[i] = postingKey(postings[i] as number);
  keys.sort();
  let twice = false;
  for (let i = 1; i < keys.length && !twice; i++) twice = keys[i] === keys[i - 1];
  if (!twice) return postings;
  const byKey = new Map<number, number>();
  for (const p of postings) if (!byKey.has(postingKey(p))) byKey.set(postingKey(p), p);
  return [...byKey.values()];
}
