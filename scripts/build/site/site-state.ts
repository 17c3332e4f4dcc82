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
// Each shard is two files: the records without their cards' text (`stories/`), and the
// cards' text — headline, summary, hero photo — (`cards/`). A publish reads every record
// but shows few cards: the text, most of the bytes and most of the decoding (Arabic is
// not ASCII), is read only when a card is (the state read at 20,000 stories: 0.53 → 0.31 s).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Rendition } from '#content/api-schema.ts';
import type { Article, Section } from '#content/article-schema.ts';
import { fnv1a } from '#content/search-index-layout.ts';
import type { FileStamp } from '../content/load-content.ts';
import type { StoryRecord } from './story-record.ts';

export const STATE_VERSION = 3;
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
  stories: Record<string, PublishedStory>;
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
};

/** `state.json` as written: the stories' records are in the shard files it names. */
type StateFile = Omit<SiteState, 'stories'> & {
  /**
   * Per shard, the name of its files in `.qari/stories/` and `.qari/cards/` (the same
   * name: a hash of both), or null when it holds no story.
   */
  shards: (string | null)[];
};

/** What a record keeps in the shard's cards file. */
const CARD_FIELDS = ['headline', 'summary', 'hero'] as const;
type Card = Pick<StoryRecord, (typeof CARD_FIELDS)[number]>;

const file = (outDir: string, name: string) => path.join(outDir, STATE_DIR, name);
export const statePath = (outDir: string) => file(outDir, 'state.json');
const shardDir = (outDir: string) => file(outDir, 'stories');
const cardDir = (outDir: string) => file(outDir, 'cards');

/**
 * The cards of the records read from a state, read a shard at a time when a record's
 * headline, summary or hero is first asked for. A publish that rewrites a shard tells
 * the new name (its cards file holds the same cards for the records it kept).
 */
class CardShards {
  private readonly loaded = new Map<number, Record<string, Card>>();
  /**
   * The card fields' accessors, the same functions on every record: a function of its
   * own on each would give each record a shape of its own (at 20,000 stories the
   * collector's work doubled the state read).
   */
  readonly descriptors: Record<keyof Card, PropertyDescriptor>;

  constructor(
    private readonly dir: string,
    readonly names: (string | null)[],
  ) {
    const cards = this;
    const descriptor = (field: keyof Card): PropertyDescriptor => ({
      get(this: StoryRecord) {
        return cards.of(shardOf(this.id), this.id)[field];
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

  of(shard: number, id: string): Card {
    let cards = this.loaded.get(shard);
    if (!cards) {
      const name = path.join(this.dir, this.names[shard] ?? '(none)');
      try {
        cards = JSON.parse(readFileSync(name, 'utf8')) as Record<string, Card>;
      } catch (error) {
        throw new Error(
          `${name}: the site's state cannot be read (${(error as Error).message}); run \`npm run build\`.`,
        );
      }
      this.loaded.set(shard, cards);
    }
    const card = cards[id];
    if (!card) throw new Error(`${id}: no card in the site's state; run \`npm run build\`.`);
    return card;
  }
}

/**
 * Gives records read from a shard their card fields, read when first asked for. They are
 * own enumerable properties, as on any record: a copy (`{ ...record }`), a comparison
 * or JSON gets the text.
 */
function withCards(records: SiteState['stories'], cards: CardShards): void {
  for (const id in records) {
    const record = records[id] as PublishedStory;
    for (const field of CARD_FIELDS) Object.defineProperty(record, field, cards.descriptors[field]);
  }
}

/** The shard a story's record is kept in, by a hash of its id. */
export const shardOf = (id: string): number => fnv1a(id) % STORY_SHARDS;
const journalPath = (outDir: string) => file(outDir, 'journal.json');

async function readJson<T>(name: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(name, 'utf8')) as T;
  } catch {
    return null;
  }
}

/**
 * A shard's records, read on this thread: 256 reads through the thread pool, one after
 * another, left the main thread idle a quarter of a cold publish's state read.
 */
function readShard(name: string): SiteState['stories'] | null {
  try {
    return JSON.parse(readFileSync(name, 'utf8')) as SiteState['stories'];
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
  /** Each shard's file name (to tell which shards changed), and the cards read from them. */
  cards: CardShards;
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
  const written = await readJson<StateFile>(file);
  if (written?.version !== STATE_VERSION) return null;
  const { shards, ...rest } = written;
  const cards = new CardShards(cardDir(outDir), [...shards]);
  const stories: SiteState['stories'] = {};
  for (const name of shards) {
    if (name === null) continue;
    const records = readShard(path.join(shardDir(outDir), name));
    if (!records) return null;
    withCards(records, cards);
    Object.assign(stories, records);
  }
  const state: SiteState = { ...rest, stories };
  if (identity) remembered = { file, identity, state, cards };
  return state;
}

/**
 * Written last: a publish killed before `state.json` is renamed into place is done again
 * whole next time (the shards it wrote are new files, named by their bytes, that the
 * old `state.json` does not name). A shard whose records are those of the state this
 * process read keeps its file; the others are written.
 */
export async function writeState(outDir: string, state: SiteState): Promise<void> {
  const file = statePath(outDir);
  const before = remembered?.file === file ? remembered : null;
  remembered = null;
  const byShard: [string, SiteState['stories'][string]][][] = Array.from(
    { length: STORY_SHARDS },
    () => [],
  );
  for (const [id, story] of Object.entries(state.stories)) byShard[shardOf(id)]?.push([id, story]);
  const countBefore = new Uint32Array(STORY_SHARDS);
  for (const id of Object.keys(before?.state.stories ?? {})) {
    const shard = shardOf(id);
    countBefore[shard] = (countBefore[shard] ?? 0) + 1;
  }
  const dirs = [shardDir(outDir), cardDir(outDir)];
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  const shards = await Promise.all(
    byShard.map(async (entries, shard) => {
      if (entries.length === 0) return null;
      const kept = before?.cards.names[shard];
      if (
        kept &&
        entries.length === countBefore[shard] &&
        // The same record (most are: the plan keeps those it does not change), or an equal one.
        entries.every(([id, story]) => {
          const was = before.state.stories[id];
          return story === was || isDeepStrictEqual(story, was);
        }) &&
        // Still there: a full build may have emptied the folders this process wrote before.
        dirs.every((dir) => existsSync(path.join(dir, kept)))
      ) {
        return kept;
      }
      const records: Record<string, Omit<PublishedStory, keyof Card>> = {};
      const cards: Record<string, Card> = {};
      for (const [id, story] of entries) {
        const { headline, summary, hero, ...rest } = story;
        records[id] = rest;
        cards[id] = { headline, summary, hero };
      }
      const json = [JSON.stringify(records), JSON.stringify(cards)];
      const hash = createHash('sha256')
        .update(json[0] as string)
        .update('\n')
        .update(json[1] as string);
      const name = `${shard}-${hash.digest('hex').slice(0, 16)}.json`;
      for (const [i, dir] of dirs.entries()) {
        if (!existsSync(path.join(dir, name)))
          await writeJsonTextAtomically(path.join(dir, name), json[i] as string);
      }
      return name;
    }),
  );
  // Records this process read keep reading their cards, from the shards' new files.
  if (before) before.cards.names.splice(0, STORY_SHARDS, ...shards);
  const { stories: _stories, ...rest } = state;
  await writeJsonAtomically(file, { ...rest, shards } satisfies StateFile);
  // Shards no state names any more (this publish's old ones, a killed publish's new ones).
  const named = new Set(shards);
  for (const dir of dirs) {
    for (const name of await readdir(dir)) {
      if (!named.has(name)) await rm(path.join(dir, name), { force: true });
    }
  }
  const identity = await identityOf(file);
  if (identity)
    remembered = {
      file,
      identity,
      state,
      cards: before?.cards ?? new CardShards(cardDir(outDir), [...shards]),
    };
}

/** The journal of a publish started from `state` and killed, if there is one. */
export async function readJournal(outDir: string, state: SiteState): Promise<Journal | null> {
  const journal = await readJson<Journal>(journalPath(outDir));
  return journal?.serial === state.serial ? journal : null;
}

export const writeJournal = (outDir: string, journal: Journal) =>
  writeJsonAtomically(journalPath(outDir), journal);

export const removeJournal = (outDir: string) => rm(journalPath(outDir), { force: true });
