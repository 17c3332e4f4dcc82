// What changed in a content folder since the last build or publish, checked: the story
// files whose bytes differ (found by size and mtime, confirmed by hash), the stories
// removed, the photos whose file changed, the sections. Only those files are read and
// checked in full, with the cross-checks a build makes against the rest (sections,
// story ids, tag names, photos), so a publish refuses what a build would refuse, with
// the same `<file>: <json path>: <what>` lines.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Article, Section, Tag } from '#content/article-schema.ts';
import {
  articleNames,
  checkArticles,
  type FileStamp,
  hashBytes,
  idOfName,
  loadSections,
  type MediaFile,
} from '../content/load-content.ts';
import type { Problem } from '../content/problem.ts';
import { keptNamedBy, keptTagged } from './ordered-records.ts';
import type { SiteState } from './site-state.ts';
import type { StoryFileSweep } from './story-file-sweep.ts';
import { type StoryRecord, storyRecord } from './story-record.ts';

export type ContentChanges = {
  sections: Section[];
  /** Every story after the change. */
  records: Map<string, StoryRecord>;
  /** Stories added or edited. */
  changed: ReadonlySet<string>;
  /**
   * Stories as checked, in hand: those a publish changes. A full build holds none (its
   * stories are read again where their pages are made: readStory).
   */
  articles: ReadonlyMap<string, Article>;
  removed: string[];
  /** Stories whose file was touched but says the same: their records are new objects (a new stamp). */
  renewed: ReadonlySet<string>;
  /** Photos to make renditions of: new ones and those whose file changed. */
  media: Map<string, MediaFile>;
  /** Every photo the stories show, with its file as read now. */
  mediaStamps: Map<string, FileStamp>;
};

export type ChangesResult =
  | { ok: true; changes: ContentChanges }
  | { ok: false; problems: Problem[] };

/**
 * Did the file change since `was`? Its size and mtime first, its bytes only when they
 * differ. Synchronous, like the content check's reads: a publish stats every story
 * file (100,000 of them: 0.35 s so, 1.1 s through fs/promises alone and 4.3 s as a
 * publish's phase).
 */
function stampIfChanged(
  file: string,
  was: FileStamp | undefined,
  /** The file's size and mtime as a sweep found them (null: it could not), else stat-ed here. */
  swept?: { size: number; mtimeMs: number } | null,
): { stamp: FileStamp; changed: boolean } | null {
  // Not there, or not readable as a file (a folder in the path replaced by a file, no
  // permission): the check that follows names the problem.
  const cheap = swept === undefined ? statOf(file) : swept;
  if (!cheap) return null;
  if (was && was.size === cheap.size && was.mtimeMs === cheap.mtimeMs) {
    return { stamp: was, changed: false };
  }
  let hash: string;
  try {
    hash = hashBytes(readFileSync(file));
  } catch {
    // Gone since it was stat-ed (a sweep stats every file seconds before): the check names it.
    return null;
  }
  return { stamp: { hash, ...cheap }, changed: hash !== was?.hash };
}

function statOf(file: string): { size: number; mtimeMs: number } | null {
  try {
    const info = statSync(file);
    return { size: info.size, mtimeMs: info.mtimeMs };
  } catch {
    return null;
  }
}

/** A file's stamp as it is now. */
export function stampFile(file: string): FileStamp {
  const found = stampIfChanged(file, undefined);
  if (!found) throw new Error(`${file}: not found`);
  return found.stamp;
}

/**
 * `forced`: stories to take as changed whatever their file says (those a killed
 * publish was writing: their files in dist/ may be the new version or the old one).
 * `touched`: the files (relative to the content folder, `articles/x.json`) a watcher saw
 * change since the last publish, when it saw them all: only those story files are
 * looked at, and the folder is not listed (a named file that is gone is a deletion);
 * without it every story file is (a `stat` each, then a hash of
 * those whose size or mtime moved). `sweep`: the story files listed and stat-ed
 * beforehand (story-file-sweep.ts), when they were.
 */
export async function contentChanges(
  dir: string,
  state: SiteState,
  forced: ReadonlySet<string> = new Set(),
  touched?: ReadonlySet<string>,
  sweep: StoryFileSweep | null = null,
): Promise<ChangesResult> {
  const problems: Problem[] = [];
  const sections = await loadSections(dir, problems);
  const { stories } = state;
  const published = (id: string) => stories.has(id);
  // The story files to look at: every one in the folder; or, under a watcher, those it
  // named and those a killed publish was writing, sorted (the folder is not listed: at
  // 100,000 stories that and a pass over every name cost a publish ~0.3 s).
  const everyFile = touched ? null : (sweep?.names ?? articleNames(dir, problems)).map(idOfName);
  const named = everyFile ? null : namedStories(dir, touched as ReadonlySet<string>, forced);
  const looked = everyFile ?? (named as NamedStories).there;
  const articlesDir = path.join(dir, 'articles');
  const edited = new Set<string>();
  const restamped = new Map<string, FileStamp>();
  looked.forEach((id, i) => {
    const was = stories.get(id)?.file;
    // Not path.join: it normalizes each of 100,000 paths it is given.
    const found = stampIfChanged(
      `${articlesDir}${path.sep}${id}.json`,
      was,
      everyFile ? sweep?.stat(i) : undefined,
    );
    // Gone since the listing (reported below), or written by a killed publish.
    if (!found || forced.has(id)) edited.add(id);
    else if (found.changed) edited.add(id);
    else if (found.stamp !== was) restamped.set(id, found.stamp);
  });
  let knownIds: Pick<ReadonlySet<string>, 'has'>;
  let removed: string[];
  if (everyFile) {
    knownIds = new Set(everyFile);
    removed = [];
    for (const id of stories.keys()) if (!knownIds.has(id)) removed.push(id);
  } else {
    const there = new Set(looked);
    removed = (named as NamedStories).missing.filter(published);
    const went = new Set(removed);
    knownIds = { has: (id) => there.has(id) || (published(id) && !went.has(id)) };
  }
  const gone = new Set(removed);
  const sectionIds = new Set(sections?.map((s) => s.id));

  // Photos: which files changed, or went.
  const mediaStamps = new Map<string, FileStamp>();
  const changedMedia = new Set<string>();
  for (const [src, media] of Object.entries(state.media)) {
    // Under a watcher, a photo it did not name is as it was.
    const found =
      touched && !touched.has(src)
        ? { stamp: media.file, changed: false }
        : stampIfChanged(path.join(dir, src), media.file);
    if (found) mediaStamps.set(src, found.stamp);
    if (!found || found.changed) changedMedia.add(src);
  }

  // Unchanged stories a change concerns are checked again, as a build would: those
  // linking to a removed story, in a section that went, or showing a changed photo. Most
  // publishes remove nothing, and then no unchanged story is looked at.
  const toCheck = new Set(edited);
  const sectionGone = sections !== null && state.sections.some((s) => !sectionIds.has(s.id));
  // Only stories removed: those naming them, from the references kept under `--watch`
  // (a pass over 100,000 records cost a deletion ~40 ms).
  const naming = changedMedia.size === 0 && !sectionGone ? namingGone(stories, gone) : null;
  if (naming) {
    for (const id of naming) if (!gone.has(id)) toCheck.add(id);
  } else if (gone.size > 0 || changedMedia.size > 0 || sectionGone) {
    for (const [id, record] of stories) {
      if (gone.has(id) || toCheck.has(id)) continue;
      if (
        (sections && !sectionIds.has(record.section)) ||
        record.readAlso.some((ref) => gone.has(ref)) ||
        record.related?.some((ref) => gone.has(ref)) ||
        record.media.some((src) => changedMedia.has(src))
      ) {
        toCheck.add(id);
      }
    }
  }
  // The published stories sharing a tag with the checked ones: from the kept order's tag
  // lists under `--watch` (a pass over 100,000 records cost each publish ~70 ms).
  const otherTags = (tagIds: ReadonlySet<string>) => {
    const others: [string, Tag[]][] = [];
    const other = (record: StoryRecord) => !toCheck.has(record.id) && !gone.has(record.id);
    const kept = [...tagIds].map((tag) => keptTagged(stories, tag));
    if (kept.every((list) => list !== null)) {
      const seen = new Set<string>();
      for (const list of kept) {
        for (const record of list ?? []) {
          if (other(record) && !seen.has(record.id)) others.push([record.id, record.tags]);
          seen.add(record.id);
        }
      }
      return others;
    }
    for (const record of stories.values()) {
      if (other(record) && record.tags.some((tag) => tagIds.has(tag.id)))
        others.push([record.id, record.tags]);
    }
    return others;
  };
  const knownMedia = new Map<string, MediaFile>();
  for (const [src, { width, height }] of Object.entries(state.media)) {
    if (mediaStamps.has(src) && !changedMedia.has(src))
      knownMedia.set(src, { src, file: path.join(dir, src), width, height });
  }
  const checked = await checkArticles(
    dir,
    [...toCheck].sort().map((id) => `${id}.json`),
    { sections, knownIds, otherTags, knownMedia, problems },
    (article) => article,
  );
  problems.sort((a, b) => a.file.localeCompare(b.file));
  if (problems.length > 0 || !sections) return { ok: false, problems };

  const articles = new Map<string, Article>();
  for (const id of looked) {
    const article = edited.has(id) ? checked.kept.get(id) : undefined;
    if (article) articles.set(id, article);
  }
  // In the state's order (a shard at a time, each newest first, as read; then the stories
  // later publishes of this process added), then the new stories: the plan's sort then finds them almost in order. The published
  // records as they are (their picks too, which the plan replaces): copying each of
  // 100,000 cost a publish ~0.3 s, and the state's `Map` is copied whole.
  const records = new Map<string, StoryRecord>(stories);
  for (const id of gone) records.delete(id);
  for (const [id, stamp] of restamped)
    records.set(id, { ...(stories.get(id) as StoryRecord), file: stamp });
  for (const [id, article] of articles)
    records.set(id, storyRecord(article, checked.stamps.get(id) as FileStamp));
  const media = new Map<string, MediaFile>();
  for (const [src, file] of checked.media) {
    if (!state.media[src] || changedMedia.has(src)) media.set(src, file);
  }
  for (const [src, file] of media) mediaStamps.set(src, stampFile(file.file));
  const changed = new Set(articles.keys());
  return {
    ok: true,
    changes: {
      sections,
      records,
      changed,
      articles,
      removed,
      renewed: new Set(restamped.keys()),
      media,
      mediaStamps,
    },
  };
}

/** The stories naming any of `gone` in their read-also or related list, if the kept references say. */
function namingGone(stories: SiteState['stories'], gone: ReadonlySet<string>): Set<string> | null {
  const naming = new Set<string>();
  for (const id of gone) {
    const by = keptNamedBy(stories, id);
    if (!by) return null;
    for (const other of by) naming.add(other);
  }
  return naming;
}

type NamedStories = {
  /** Ids of the named story files that are there, sorted. */
  there: string[];
  /** Ids of those that are not, sorted. */
  missing: string[];
};

/** The story files a watcher named (`articles/<id>.json`) and those of `forced`, there or not. */
function namedStories(
  dir: string,
  touched: ReadonlySet<string>,
  forced: ReadonlySet<string>,
): NamedStories {
  const ids = new Set(forced);
  for (const file of touched) {
    const match = /^articles\/([^/]+)\.json$/.exec(file);
    if (match) ids.add(match[1] as string);
  }
  const named: NamedStories = { there: [], missing: [] };
  for (const id of [...ids].sort()) {
    const file = path.join(dir, 'articles', `${id}.json`);
    (existsSync(file) ? named.there : named.missing).push(id);
  }
  return named;
}
