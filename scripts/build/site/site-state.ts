// What a build leaves in dist/.qari/ for the next publish: every story's record (with
// its related picks), the photos' renditions, the sections, and which app build the
// pages were made with. nginx never serves dot-folders (deploy/site.conf), and the
// precompression skips them.
//
// The stories' records are kept in STORY_SHARDS files (by a hash of the story id), each
// named by a hash of its bytes, and `state.json` names them: a publish writes only the
// shards whose records changed, then `state.json` atomically, then removes the shards it
// no longer names. At 100,000 stories the state is ~100 MB of JSON, written whole at each
// publish it cost seconds; a one-story publish now writes a few of its 256 shards.
//
// The shards hold the records without their cards' text; that text — headline, summary,
// hero photo — is kept a file a month (`cards/`, by the month the story was published).
// A publish reads every record but shows few cards, mostly recent ones: the text, most of
// the bytes and most of the decoding (Arabic is not ASCII), is read only when a card is
// (the state read at 20,000 stories: 0.53 → 0.31 s).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Rendition } from '#content/api-schema.ts';
import type { Article, Section } from '#content/article-schema.ts';
import { getOrAdd } from '#content/get-or-add.ts';
import { utcMonth } from '#content/iso-date.ts';
import type { SearchFiling } from '#content/search-index-build.ts';
import { fnv1a } from '#content/search-index-layout.ts';
import type { FileStamp } from '../content/load-content.ts';
import type { StoryRecord } from './story-record.ts';

export const STATE_VERSION = 4;
/** How many files the stories' records are kept in. */
export const STORY_SHARDS = 256;
export const STATE_DIR = '.qari';

export type PublishedStory = StoryRecord & {
  /** The related stories its page shows («قصص قد تهمك»). */
  picks: string[];
};

/** A local photo: its file as last read, and its renditions. */
export type MediaRecord = { file: FileStamp; width: number; height: number; rendition: Rendition };

export type SiteState = {
  version: typeof STATE_VERSION;
  /** Counts the publishes: a journal names the state it was started from. */
  serial: number;
  /** Which build of the app the pages were made with (app-build.ts). */
  appBuild: string;
  sections: Section[];
  /**
   * By id: as read, a shard at a time, each newest first; a publish of this process
   * appends its new stories. A `Map`: at 100,000 stories every
   * pass over an object of that many keys, and every lookup in it, cost a publish
   * several times a `Map`'s.
   */
  stories: Map<string, PublishedStory>;
  media: Record<string, MediaRecord>;
};

/**
 * Written before a publish changes anything: the published version of each story it
 * changes or removes. A publish killed half-way has already rewritten some of those
 * stories' files; the next one takes the old versions from here to update the search
 * index (which must unfile exactly what was filed).
 */
export type Journal = {
  serial: number;
  before: Record<string, Article | null>;
  /** The lists (`section:<id>`, `tag:<id>`) the stories it changes are or were in. */
  lists: string[];
  /**
   * The photos it makes renditions of (`media/photos/p.jpg`): the next publish removes
   * those no story shows any more.
   */
  media?: string[];
  /**
   * Every story its search index update files, by key and words, written before the
   * index's files: the next publish unfiles them, whatever became of the story.
   */
  filed?: SearchFiling[];
};

/** `state.json` as written: the stories' records are in the shard files it names. */
type StateFile = Omit<SiteState, 'stories'> & {
  /** Per shard, the name of its file in `.qari/stories/`, or null when it holds no story. */
  shards: (string | null)[];
  /** Per month that has stories (`2026-11`, UTC), the name of its cards' file in `.qari/cards/`. */
  cards: Record<string, string>;
};

/** What a record keeps in its month's cards file. */
const CARD_FIELDS = ['headline', 'summary', 'hero'] as const;
type Card = Pick<StoryRecord, (typeof CARD_FIELDS)[number]>;

const file = (outDir: string, name: string) => path.join(outDir, STATE_DIR, name);
export const statePath = (outDir: string) => file(outDir, 'state.json');
const shardDir = (outDir: string) => file(outDir, 'stories');
const cardDir = (outDir: string) => file(outDir, 'cards');

/**
 * The month (UTC) whose file keeps a story's card. By month, not by the hash that
 * shards the records: the cards a publish shows are mostly the newest stories' (the
 * front, the lists' heads) and an edited story's neighbours in time, a few files.
 */
const cardMonth = (record: Pick<StoryRecord, 'published'>): string => utcMonth(record.published);

/**
 * The UTC month a time is in, as times (ms): `from` ≤ t < `to`. Found from the time, not
 * from the month's name: `Date.UTC` takes years 0–99 for 1900–1999.
 */
function monthSpanOf(ms: number): { from: number; to: number } {
  const date = new Date(ms);
  date.setUTCDate(1);
  date.setUTCHours(0, 0, 0, 0);
  const from = date.getTime();
  date.setUTCMonth(date.getUTCMonth() + 1);
  return { from, to: date.getTime() };
}

/**
 * The cards of the records read from a state, read a month at a time when a record's
 * headline, summary or hero is first asked for.
 */
class CardFiles {
  private readonly loaded = new Map<string, Record<string, Card>>();
  /**
   * The card fields' accessors, the same functions on every record: a function of its
   * own on each would give each record a shape of its own (at 20,000 stories the
   * collector's work doubled the state read).
   */
  readonly descriptors: Record<keyof Card, PropertyDescriptor>;

  constructor(
    private readonly dir: string,
    /** By month, as `state.json` names them. */
    readonly names: Map<string, string>,
  ) {
    const cards = this;
    const descriptor = (field: keyof Card): PropertyDescriptor => ({
      get(this: StoryRecord) {
        return cards.of(this)[field];
      },
      enumerable: true,
      configurable: true,
    });
    this.descriptors = {
      headline: descriptor('headline'),
      summary: descriptor('summary'),
      hero: descriptor('hero'),
    };
  }

  private of(record: StoryRecord): Card {
    const month = cardMonth(record);
    let cards = this.loaded.get(month);
    if (!cards) {
      const name = path.join(this.dir, this.names.get(month) ?? `(no file for ${month})`);
      try {
        cards = JSON.parse(readFileSync(name, 'utf8')) as Record<string, Card>;
      } catch (error) {
        throw new Error(
          `${name}: the site's state cannot be read (${(error as Error).message}); run \`npm run build\`.`,
        );
      }
      this.loaded.set(month, cards);
    }
    const card = cards[record.id];
    if (!card) throw new Error(`${record.id}: no card in the site's state; run \`npm run build\`.`);
    return card;
  }
}

/**
 * Gives records read from a shard their card fields, read when first asked for. They are
 * own enumerable properties, as on any record: a copy (`{ ...record }`), a comparison
 * or JSON gets the text.
 */
function withCards(records: Record<string, PublishedStory>, cards: CardFiles): void {
  for (const id in records) {
    const record = records[id] as PublishedStory;
    for (const field of CARD_FIELDS) Object.defineProperty(record, field, cards.descriptors[field]);
  }
}

/** The shard a story's record is kept in, by a hash of its id. */
export const shardOf = (id: string): number => fnv1a(id) % STORY_SHARDS;
const journalPath = (outDir: string) => file(outDir, 'journal.json');

/**
 * A JSON file, or null when it is not there or not JSON. Read on this thread: the 256
 * shards read through the thread pool, one after another, left the main thread idle a
 * quarter of a cold publish's state read.
 */
function readJson<T>(name: string): T | null {
  try {
    return JSON.parse(readFileSync(name, 'utf8')) as T;
  } catch {
    return null;
  }
}

async function writeJsonTextAtomically(name: string, json: string): Promise<void> {
  await mkdir(path.dirname(name), { recursive: true });
  const temp = `${name}.tmp`;
  await writeFile(temp, json);
  await rename(temp, name);
}

const writeJsonAtomically = (name: string, value: unknown) =>
  writeJsonTextAtomically(name, JSON.stringify(value));

/**
 * The state this process last wrote or read, and its file's identity then (inode, size,
 * mtime: every write is a new file renamed into place). A long-lived publisher
 * (`--watch`) parses the state once, not at each change: 16 MB of JSON at 20,000
 * stories. Another process's build or publish makes a new file, read again.
 */
let remembered: {
  file: string;
  identity: string;
  state: SiteState;
  /** Each shard's file name (to tell which shards changed). */
  shards: (string | null)[];
  /** The months' cards files, and the cards read from them. */
  cards: CardFiles;
} | null = null;

async function identityOf(file: string): Promise<string | null> {
  try {
    const info = await stat(file, { bigint: true });
    return `${info.ino}:${info.size}:${info.mtimeNs}`;
  } catch {
    return null;
  }
}

/** The state as the last build or publish left it. Read only: it may be the one this process holds. */
export async function readState(outDir: string): Promise<SiteState | null> {
  const file = statePath(outDir);
  const identity = await identityOf(file);
  if (remembered && identity && remembered.file === file && remembered.identity === identity)
    return remembered.state;
  const written = readJson<StateFile>(file);
  if (written?.version !== STATE_VERSION) return null;
  const { shards, cards: cardNames, ...rest } = written;
  const cards = new CardFiles(cardDir(outDir), new Map(Object.entries(cardNames)));
  const stories: SiteState['stories'] = new Map();
  for (const name of shards) {
    if (name === null) continue;
    const records = readJson<Record<string, PublishedStory>>(path.join(shardDir(outDir), name));
    if (!records) return null;
    withCards(records, cards);
    for (const id in records) stories.set(id, records[id] as PublishedStory);
  }
  const state: SiteState = { ...rest, stories };
  if (identity) remembered = { file, identity, state, shards, cards };
  return state;
}

/**
 * Written last: a publish killed before `state.json` is renamed into place is done again
 * whole next time (the shards it wrote are new files, named by their bytes, that the
 * old `state.json` does not name). A shard whose records are those of the state this
 * process read keeps its file; the others are written.
 */
export async function writeState(
  outDir: string,
  state: SiteState,
  /**
   * The stories whose records may differ from the state this process last read or wrote
   * (changed, removed, restamped, their picks restated), when the caller knows them:
   * then only theirs are compared, not every record (at 100,000 stories two passes over
   * every record cost each watched publish 45–130 ms).
   */
  changedIds?: Iterable<string>,
): Promise<void> {
  const file = statePath(outDir);
  const before = remembered?.file === file ? remembered : null;
  remembered = null;
  type Entry = [string, PublishedStory];
  // The shards and months whose records changed since the state this process read: a
  // record the publish left as it was is the same object (site-plan.ts). Every one, with
  // no state read before.
  const changedShards = new Set<number>();
  const changedMonths = new Set<string>();
  /** Each changed month's span, from a record in it (a month whose file went has none). */
  const monthSpans = new Map<string, { from: number; to: number }>();
  const storiesBefore = before?.state.stories;
  const changedRecord = (id: string, story: PublishedStory) => {
    changedShards.add(shardOf(id));
    const month = cardMonth(story);
    changedMonths.add(month);
    if (!monthSpans.has(month)) monthSpans.set(month, monthSpanOf(story.published));
  };
  if (storiesBefore && changedIds) {
    for (const id of changedIds) {
      const was = storiesBefore.get(id);
      const story = state.stories.get(id);
      if (was === story) continue;
      if (was) changedRecord(id, was);
      if (story) changedRecord(id, story);
    }
  } else {
    let keptIds = 0;
    for (const [id, story] of state.stories) {
      const was = storiesBefore?.get(id);
      if (was) keptIds++;
      if (was === story) continue;
      if (was) changedRecord(id, was);
      changedRecord(id, story);
    }
    if (storiesBefore && keptIds < storiesBefore.size) {
      for (const [id, was] of storiesBefore) if (!state.stories.has(id)) changedRecord(id, was);
    }
  }
  // A file kept must still be there: a full build may have emptied the folders this
  // process wrote before.
  const dirs = { shards: shardDir(outDir), cards: cardDir(outDir) };
  before?.shards.forEach((name, shard) => {
    if (name && !existsSync(path.join(dirs.shards, name))) changedShards.add(shard);
  });
  for (const [month, name] of before?.cards.names ?? []) {
    if (!existsSync(path.join(dirs.cards, name))) changedMonths.add(month);
  }
  // The records of the changed shards and months, in the state's order, and the shards
  // and months there are (null: kept as they were).
  const byShard = new Map<number, Entry[] | null>();
  const byMonth = new Map<string, Entry[] | null>();
  if (before) {
    // Those of the state before, but for the changed ones: those are there if a record is.
    before.shards.forEach((name, shard) => {
      if (name && !changedShards.has(shard)) byShard.set(shard, null);
    });
    for (const month of before.cards.names.keys())
      if (!changedMonths.has(month)) byMonth.set(month, null);
    // A record's changed month by its time against the few changed months' spans, not
    // by its month's name made for each of 100,000 records; by name when there are many.
    const spans = [...changedMonths].map((month) => ({ month, span: monthSpans.get(month) }));
    const bySpan = spans.length <= 8 && spans.every(({ span }) => span);
    const changedMonthOf = (record: PublishedStory): string | undefined => {
      const { published } = record;
      if (bySpan)
        return spans.find(({ span }) => span && published >= span.from && published < span.to)
          ?.month;
      const month = cardMonth(record);
      return changedMonths.has(month) ? month : undefined;
    };
    if (changedShards.size > 0 || changedMonths.size > 0) {
      for (const entry of state.stories) {
        const shard = shardOf(entry[0]);
        if (changedShards.has(shard)) getOrAdd(byShard, shard, () => [])?.push(entry);
        const month = changedMonthOf(entry[1]);
        if (month) getOrAdd(byMonth, month, () => [])?.push(entry);
      }
    }
  } else {
    for (const entry of state.stories) {
      getOrAdd(byShard, shardOf(entry[0]), () => [])?.push(entry);
      getOrAdd(byMonth, cardMonth(entry[1]), () => [])?.push(entry);
    }
  }
  for (const dir of Object.values(dirs)) await mkdir(dir, { recursive: true });
  /**
   * A shard's or a month's file: the one kept, when no record of it changed (`entries`
   * null); else one written, named by the group and its bytes (so a group whose records
   * changed back keeps its old name).
   */
  const fileOf = async (
    dir: string,
    group: string,
    kept: string | null | undefined,
    entries: Entry[] | null,
    json: (entries: Entry[]) => string,
  ): Promise<string> => {
    if (entries === null && kept) return kept;
    const text = json(entries ?? []);
    const name = `${group}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.json`;
    if (!existsSync(path.join(dir, name)))
      await writeJsonTextAtomically(path.join(dir, name), text);
    return name;
  };

  const shards: (string | null)[] = Array.from({ length: STORY_SHARDS }, () => null);
  for (const [shard, entries] of byShard) {
    shards[shard] = await fileOf(
      dirs.shards,
      String(shard),
      before?.shards[shard],
      entries,
      (records) =>
        asciiJson(Object.fromEntries(records.map(([id, story]) => [id, withoutCard(story)]))),
    );
  }
  const cards: Record<string, string> = {};
  // By month: the same order whichever way the months were found.
  for (const [month, entries] of [...byMonth].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    cards[month] = await fileOf(
      dirs.cards,
      month,
      before?.cards.names.get(month),
      entries,
      (records) =>
        JSON.stringify(
          Object.fromEntries(
            records.map(([id, { headline, summary, hero }]) => [id, { headline, summary, hero }]),
          ),
        ),
    );
  }
  const { stories: _stories, ...rest } = state;
  await writeJsonAtomically(file, { ...rest, shards, cards } satisfies StateFile);
  // Files no state names any more (this publish's old ones, a killed publish's new ones).
  for (const [dir, named] of [
    [dirs.shards, new Set(shards)],
    [dirs.cards, new Set(Object.values(cards))],
  ] as const) {
    for (const name of await readdir(dir)) {
      if (!named.has(name)) await rm(path.join(dir, name), { force: true });
    }
  }
  // The records this process read keep their cards: a month whose file was written again
  // was read whole to write it, and the others' files are still there. The months' new
  // names are told, so the next publish of this process finds its months unchanged.
  const cardFiles = before?.cards ?? new CardFiles(dirs.cards, new Map());
  cardFiles.names.clear();
  for (const [month, name] of Object.entries(cards)) cardFiles.names.set(month, name);
  const identity = await identityOf(file);
  if (identity) remembered = { file, identity, state, shards, cards: cardFiles };
}

/**
 * JSON in ASCII alone, any other character escaped (`\u0627`): the records' few non-ASCII
 * characters (tag names, ids in Arabic) made each shard a two-byte string to decode, and
 * decoding the shards of 100,000 stories took twice as long (0.7–0.9 s against 0.4).
 */
function asciiJson(value: unknown): string {
  const text = JSON.stringify(value);
  // By hand, not a replace with a function: called for each Arabic letter of the tag
  // names, that cost a third more (a publish of 100 new stories at 100,000 rewrites
  // some 100 shards of 200 KB: 0.45 → 0.3 s).
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x7f) continue;
    escapes[code] ??= `\\u${code.toString(16).padStart(4, '0')}`;
    out += text.slice(from, i) + escapes[code];
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** The escape of each character met so far, by its code. */
const escapes: string[] = [];

/** A record without its card's text, which its month's file keeps: its text is not read. */
function withoutCard(story: PublishedStory): Partial<PublishedStory> {
  const record: Record<string, unknown> = {};
  for (const key of Object.keys(story)) {
    if (!(CARD_FIELDS as readonly string[]).includes(key))
      record[key] = story[key as keyof PublishedStory];
  }
  return record as Partial<PublishedStory>;
}

/** The journal of a publish started from `state` and killed, if there is one. */
export async function readJournal(outDir: string, state: SiteState): Promise<Journal | null> {
  const journal = readJson<Journal>(journalPath(outDir));
  return journal?.serial === state.serial ? journal : null;
}

export const writeJournal = (outDir: string, journal: Journal) =>
  writeJsonAtomically(journalPath(outDir), journal);

export const removeJournal = (outDir: string) => rm(journalPath(outDir), { force: true });
