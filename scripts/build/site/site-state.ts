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

export const STATE_VERSION = 2;
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
  /** Per shard, the name of its file in `.qari/stories/`, or null when it holds no story. */
  shards: (string | null)[];
};

const file = (outDir: string, name: string) => path.join(outDir, STATE_DIR, name);
export const statePath = (outDir: string) => file(outDir, 'state.json');
const shardDir = (outDir: string) => file(outDir, 'stories');

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
  /** Each shard's file name, and the records it holds (to tell which shards changed). */
  shards: (string | null)[];
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
  const stories: SiteState['stories'] = {};
  for (const name of shards) {
    if (name === null) continue;
    const records = readShard(path.join(shardDir(outDir), name));
    if (!records) return null;
    Object.assign(stories, records);
  }
  const state: SiteState = { ...rest, stories };
  if (identity) remembered = { file, identity, state, shards };
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
  const dir = shardDir(outDir);
  await mkdir(dir, { recursive: true });
  const shards = await Promise.all(
    byShard.map(async (entries, shard) => {
      if (entries.length === 0) return null;
      const kept = before?.shards[shard];
      if (
        kept &&
        entries.length === countBefore[shard] &&
        // ~0.1 s for 100,000 records whose parts the publish kept from the state it read.
        entries.every(([id, story]) => isDeepStrictEqual(story, before.state.stories[id])) &&
        // Still there: a full build may have emptied the folder this process wrote before.
        existsSync(path.join(dir, kept))
      ) {
        return kept;
      }
      const json = JSON.stringify(Object.fromEntries(entries));
      const name = `${shard}-${createHash('sha256').update(json).digest('hex').slice(0, 16)}.json`;
      if (!existsSync(path.join(dir, name)))
        await writeJsonTextAtomically(path.join(dir, name), json);
      return name;
    }),
  );
  const { stories: _stories, ...rest } = state;
  await writeJsonAtomically(file, { ...rest, shards } satisfies StateFile);
  // Shards no state names any more (this publish's old ones, a killed publish's new ones).
  const named = new Set(shards);
  for (const name of await readdir(dir)) {
    if (!named.has(name)) await rm(path.join(dir, name), { force: true });
  }
  const identity = await identityOf(file);
  if (identity) remembered = { file, identity, state, shards };
}

/** The journal of a publish started from `state` and killed, if there is one. */
export async function readJournal(outDir: string, state: SiteState): Promise<Journal | null> {
  const journal = await readJson<Journal>(journalPath(outDir));
  return journal?.serial === state.serial ? journal : null;
}

export const writeJournal = (outDir: string, journal: Journal) =>
  writeJsonAtomically(journalPath(outDir), journal);

export const removeJournal = (outDir: string) => rm(journalPath(outDir), { force: true });
