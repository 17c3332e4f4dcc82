// What a build leaves in dist/.qari/ for the next publish: every story's record (with
// its related picks), the photos' renditions, the sections, and which app build the
// pages were made with. nginx never serves dot-folders (deploy/site.conf), and the
// precompression skips them.
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Rendition } from '#content/api-schema.ts';
import type { Article, Section } from '#content/article-schema.ts';
import type { FileStamp } from '../content/load-content.ts';
import type { StoryRecord } from './story-record.ts';

export const STATE_VERSION = 1;
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

const file = (outDir: string, name: string) => path.join(outDir, STATE_DIR, name);
export const statePath = (outDir: string) => file(outDir, 'state.json');
const journalPath = (outDir: string) => file(outDir, 'journal.json');

async function readJson<T>(name: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(name, 'utf8')) as T;
  } catch {
    return null;
  }
}

async function writeJsonAtomically(name: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(name), { recursive: true });
  const temp = `${name}.tmp`;
  await writeFile(temp, JSON.stringify(value));
  await rename(temp, name);
}

/**
 * The state this process last wrote or read, and its file's identity then (inode, size,
 * mtime: every write is a new file renamed into place). A long-lived publisher
 * (`--watch`) parses the state once, not at each change: 16 MB of JSON at 20,000
 * stories. Another process's build or publish makes a new file, read again.
 */
let remembered: { file: string; identity: string; state: SiteState } | null = null;

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
  const state = await readJson<SiteState>(file);
  if (state?.version !== STATE_VERSION) return null;
  if (identity) remembered = { file, identity, state };
  return state;
}

/** Written last, and atomically: a publish killed before this point is done again whole next time. */
export async function writeState(outDir: string, state: SiteState): Promise<void> {
  const file = statePath(outDir);
  remembered = null;
  await writeJsonAtomically(file, state);
  const identity = await identityOf(file);
  if (identity) remembered = { file, identity, state };
}

/** The journal of a publish started from `state` and killed, if there is one. */
export async function readJournal(outDir: string, state: SiteState): Promise<Journal | null> {
  const journal = await readJson<Journal>(journalPath(outDir));
  return journal?.serial === state.serial ? journal : null;
}

export const writeJournal = (outDir: string, journal: Journal) =>
  writeJsonAtomically(journalPath(outDir), journal);

export const removeJournal = (outDir: string) => rm(journalPath(outDir), { force: true });
