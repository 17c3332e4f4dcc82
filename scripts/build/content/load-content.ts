// Reads a content folder and checks every file against the schema and each other.
// Returns every problem found (never stops at the first) and, when there are none,
// the corpus the rest of the build works from.
import path from 'node:path';
import * as v from 'valibot';
import {
  type Article,
  ArticleSchema,
  BlockSchema,
  type Section,
  SectionListSchema,
  type Tag,
} from '#content/article-schema.ts';
import { type BlockVisitor, visitBlock } from '#content/body-walker.ts';
import { isMediaPath } from '#content/forbidden-characters.ts';
import { getOrAdd } from '#content/get-or-add.ts';
import { stripBidiControls } from '#content/strip-bidi-controls.ts';
import { exists } from './exists.ts';
import { mapLimit } from './map-limit.ts';
import { parseJson } from './parse-json.ts';
import { type Problem, problemsFromIssues } from './problem.ts';
import { type FileRead, readAhead } from './read-ahead.ts';
import { readContentFile, storyFileNames } from './read-content-file.mjs';

export const MAX_STORY_BYTES = 2 * 1024 * 1024;

export type MediaFile = { src: string; file: string; width: number; height: number };
export type Corpus = {
  dir: string;
  sections: Section[];
  articles: Article[];
  media: Map<string, MediaFile>;
  /** Each story file as read, by story id. */
  stamps: Map<string, FileStamp>;
};
export type LoadResult = { problems: Problem[]; corpus: Corpus | null };

/** A content folder checked whole, with what `keep` made of each story (by id, in file order). */
export type CheckedFolder<T> = {
  dir: string;
  sections: Section[];
  kept: Map<string, T>;
  media: Map<string, MediaFile>;
  stamps: Map<string, FileStamp>;
};

/** A content folder checked whole, every story held in memory (tests, benches, importers). */
export async function loadContent(dir: string): Promise<LoadResult> {
  const { problems, folder } = await checkFolder(dir, (article) => article);
  if (!folder) return { problems, corpus: null };
  const { kept, ...rest } = folder;
  return { problems, corpus: { ...rest, articles: [...kept.values()] } };
}

/**
 * Checks a content folder whole, keeping of each valid story only what `keep` makes of
 * it: the build keeps a record and reads the story again when it writes its page, so
 * its memory does not grow with the stories' text (100,000 of them held 2.5 GiB).
 */
export async function checkFolder<T>(
  dir: string,
  keep: (article: Article, stamp: FileStamp) => T,
): Promise<{ problems: Problem[]; folder: CheckedFolder<T> | null }> {
  const problems: Problem[] = [];
  const sections = await loadSections(dir, problems);
  const names = articleNames(dir, problems);
  const knownIds = new Set(names.map(idOfName));
  const { kept, media, stamps } = await checkArticles(
    dir,
    names,
    { sections, knownIds, otherTags: () => [], problems },
    keep,
  );
  problems.sort((a, b) => a.file.localeCompare(b.file));
  if (problems.length > 0 || !sections) return { problems, folder: null };
  return { problems, folder: { dir, sections, kept, media, stamps } };
}

/** An article file as last read: a hash of its bytes, its size and mtime (to find changes cheaply). */
export type FileStamp = { hash: string; size: number; mtimeMs: number };

export const idOfName = (name: string) => name.slice(0, -'.json'.length);

/** The story files of a content folder, by name (`<id>.json`), sorted. */
export function articleNames(dir: string, problems: Problem[]): string[] {
  try {
    return storyFileNames(dir);
  } catch {
    problems.push({ file: 'articles/', path: '(root)', message: 'folder is missing' });
    return [];
  }
}

export type CheckContext = {
  sections: Section[] | null;
  /** Every story id in the folder. */
  knownIds: Pick<ReadonlySet<string>, 'has'>;
  /**
   * The stories not checked here (a publish checks only what changed) that carry one of
   * `tagIds`, each with its tags, by id: their names must agree with the checked files'.
   */
  otherTags: (tagIds: ReadonlySet<string>) => readonly (readonly [string, readonly Tag[]])[];
  /**
   * Photos a publish knows, whose files have not changed since they were probed: not
   * probed again (loading the image library alone cost a one-story publish 0.15 s).
   */
  knownMedia?: ReadonlyMap<string, MediaFile>;
  problems: Problem[];
};

/**
 * Checks the named story files, each on its own and against the rest (sections, story
 * ids, tag names, photos): the whole folder for a build, what changed for a publish.
 */
export async function checkArticles<T>(
  dir: string,
  names: readonly string[],
  context: CheckContext,
  keep: (article: Article, stamp: FileStamp) => T,
) {
  const { problems } = context;
  const { kept, cross, stamps } = await loadArticles(dir, names, problems, keep);
  checkReferences(cross, context);
  const media = await checkMedia(dir, cross, problems, context.knownMedia);
  return { kept, media, stamps };
}

export { hashBytes } from './read-content-file.mjs';

/** Reads and parses a JSON file on this thread, with the stamp of the bytes read. */
function readJsonFile(
  dir: string,
  file: string,
  problems: Problem[],
  maxBytes = Number.POSITIVE_INFINITY,
): ParsedFile {
  return parsedFile(readContentFile(dir, file, maxBytes), problems, maxBytes);
}

type ParsedFile = { ok: true; value: unknown; stamp: FileStamp } | { ok: false };

/** A file as read (read-ahead.ts), parsed, or its problem. */
function parsedFile(read: FileRead, problems: Problem[], maxBytes: number): ParsedFile {
  const { file } = read;
  if ('missing' in read) {
    problems.push({ file, path: '(root)', message: 'file is missing' });
    return { ok: false };
  }
  if ('unreadable' in read) {
    problems.push({ file, path: '(root)', message: `file cannot be read (${read.unreadable})` });
    return { ok: false };
  }
  if (read.text === null) {
    problems.push({
      file,
      path: '(root)',
      message: `file is ${read.size} bytes, over the ${maxBytes / (1024 * 1024)} MB limit`,
    });
    return { ok: false };
  }
  const parsed = parseJson(read.text);
  if (!parsed.ok) {
    problems.push({ file, path: '(root)', message: parsed.message });
    return { ok: false };
  }
  return { ...parsed, stamp: { hash: read.hash, size: read.size, mtimeMs: read.mtimeMs } };
}

export async function loadSections(dir: string, problems: Problem[]): Promise<Section[] | null> {
  const file = 'sections.json';
  const json = readJsonFile(dir, file, problems);
  if (!json.ok) return null;
  const result = v.safeParse(SectionListSchema, json.value, { abortEarly: false });
  if (!result.success) {
    problems.push(...problemsFromIssues(file, result.issues));
    return null;
  }
  const seen = new Set<string>();
  result.output.forEach((section, index) => {
    if (seen.has(section.id)) {
      problems.push({
        file,
        path: `[${index}].id`,
        message: `duplicate section id "${section.id}"`,
      });
    }
    seen.add(section.id);
  });
  return result.output;
}

/**
 * What the cross-file checks look at in a story file, valid or not: its section, related
 * ids, tags, hero photo and the references of its body. Only these are kept of each
 * file, not the file (at 100,000 stories, the text of every story would not fit).
 */
type CrossFields = {
  section: unknown;
  related: unknown;
  tags: Record<string, unknown>[];
  hero: unknown;
  refs: BodyRef[];
};

/**
 * The fields the cross-file checks read, of a file as parsed, or as checked when it is
 * valid: the same fields (tag names without their bidi controls, as a publish's other
 * stories have them).
 */
function crossFields(raw: unknown, article: Article | undefined): CrossFields {
  const fields = isRecord(raw) ? raw : {};
  const source = (article as Record<string, unknown> | undefined) ?? fields;
  return {
    section: source.section,
    related: source.related,
    tags: records(source.tags),
    hero: source.hero,
    // From the checked story when the file is valid (its blocks were checked already),
    // block by block otherwise: a file with problems elsewhere still has its links and
    // photos checked in the same pass.
    refs: article
      ? article.body.flatMap((block, b) => visitBlock(block, b, bodyRefVisitor))
      : bodyRefs(fields.body),
  };
}

/**
 * Each story file read (a thread reads them ahead of this one when there are many:
 * read-ahead.ts), parsed and checked on its own; of each, what `keep` makes of it when
 * it is valid, and its fields for the cross-file checks.
 */
async function loadArticles<T>(
  dir: string,
  names: readonly string[],
  problems: Problem[],
  keep: (article: Article, stamp: FileStamp) => T,
) {
  const kept = new Map<string, T>();
  const cross = new Map<string, CrossFields>();
  const stamps = new Map<string, FileStamp>();
  const files = names.map((name) => `articles/${name}`);
  for await (const read of readAhead(dir, files, MAX_STORY_BYTES)) {
    const file = read.file;
    const expected = idOfName(file.slice('articles/'.length));
    const json = parsedFile(read, problems, MAX_STORY_BYTES);
    if (!json.ok) continue;
    stamps.set(expected, json.stamp);
    const result = v.safeParse(ArticleSchema, json.value, { abortEarly: false });
    cross.set(expected, crossFields(json.value, result.success ? result.output : undefined));
    if (!result.success) {
      problems.push(...problemsFromIssues(file, result.issues));
      continue;
    }
    if (result.output.id !== expected) {
      problems.push({ file, path: 'id', message: `must equal the file name ("${expected}")` });
      continue;
    }
    kept.set(expected, keep(result.output, json.stamp));
  }
  return { kept, cross, stamps };
}

/** Cross-file checks run over every parsed file, valid or not, so one pass names every problem. */
function checkReferences(
  cross: ReadonlyMap<string, CrossFields>,
  { sections, knownIds, otherTags, problems }: CheckContext,
) {
  const sectionIds = new Set(sections?.map((s) => s.id));
  // tag id → name → where it is used; checked after the loop so the odd name out is blamed.
  const tagNames = new Map<string, Map<string, { file: string; path: string }[]>>();
  for (const [id, raw] of [...cross].sort(([a], [b]) => a.localeCompare(b))) {
    const file = `articles/${id}.json`;
    if (sections && typeof raw.section === 'string' && !sectionIds.has(raw.section)) {
      problems.push({ file, path: 'section', message: `unknown section "${raw.section}"` });
    }
    (Array.isArray(raw.related) ? raw.related : []).forEach((ref, i) => {
      if (typeof ref !== 'string') return;
      if (!knownIds.has(ref))
        problems.push({ file, path: `related[${i}]`, message: `unknown story id "${ref}"` });
      else if (ref === id)
        problems.push({
          file,
          path: `related[${i}]`,
          message: 'a story cannot be related to itself',
        });
    });
    for (const ref of raw.refs) {
      if (ref.kind === 'story' && !knownIds.has(ref.value))
        problems.push({ file, path: ref.path, message: `unknown story id "${ref.value}"` });
    }
  }
  // Tag names, in file order over the checked files and the others. Of the others, only
  // those sharing a tag with a checked file: they agreed among themselves when published
  // (at 100,000 stories, sorting them all cost a publish ~0.5 s).
  const checkedTags = [...cross].map(([id, raw]) => [id, raw.tags] as const);
  const checkedTagIds = new Set(
    checkedTags.flatMap(([, tags]) =>
      tags.flatMap((tag) => (typeof tag.id === 'string' ? [tag.id] : [])),
    ),
  );
  const tagged = [...checkedTags, ...otherTags(checkedTagIds)];
  // Sorting them (by localeCompare) is what names the file to blame, and is needed only
  // when a tag has two names: at 100,000 stories, a watched publish's new story shares a
  // tag with ~16,000 stories, and the sort cost it 20–35 ms.
  if (!anyTagNamedTwice(tagged)) return;
  tagged.sort(([a], [b]) => a.localeCompare(b));
  for (const [id, tags] of tagged) {
    tags.forEach((tag, i) => {
      if (typeof tag.id !== 'string' || typeof tag.name !== 'string') return;
      const names = getOrAdd(
        tagNames,
        tag.id,
        () => new Map<string, { file: string; path: string }[]>(),
      );
      // As the schema checks them: a name with bidi controls is the same name.
      getOrAdd(names, stripBidiControls(tag.name), () => []).push({
        file: `articles/${id}.json`,
        path: `tags[${i}].name`,
      });
    });
  }
  for (const [tagId, names] of tagNames) {
    if (names.size < 2) continue;
    // The name most files use is taken as right (on a tie, the first file's); the others are blamed.
    const [usual, usualUses] = [...names].reduce((best, entry) =>
      entry[1].length > best[1].length ? entry : best,
    );
    for (const [name, uses] of names) {
      if (name === usual) continue;
      for (const use of uses) {
        problems.push({
          ...use,
          message: `tag "${tagId}" is named "${name}" here but "${usual}" in ${usualUses[0]?.file}`,
        });
      }
    }
  }
}

/** Whether some tag id is used with two names (bidi controls aside) among these files. */
function anyTagNamedTwice(
  tagged: readonly (readonly [string, readonly { id?: unknown; name?: unknown }[]])[],
): boolean {
  // Each tag's name as first seen, and as compared (bidi controls stripped): a name
  // spelled as the first is the same without stripping it (most of thousands are).
  const seen = new Map<string, { spelled: string; name: string }>();
  for (const [, tags] of tagged) {
    for (const tag of tags) {
      if (typeof tag.id !== 'string' || typeof tag.name !== 'string') continue;
      const known = seen.get(tag.id);
      if (known === undefined)
        seen.set(tag.id, { spelled: tag.name, name: stripBidiControls(tag.name) });
      else if (known.spelled !== tag.name && known.name !== stripBidiControls(tag.name))
        return true;
    }
  }
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map((item) => (isRecord(item) ? item : {})) : [];
}

/** What a body points at: other stories by id, and photos by path. */
type BodyRef = { kind: 'story' | 'image'; path: string; value: string };
const bodyRefVisitor: BlockVisitor<BodyRef[]> = {
  paragraph: () => [],
  heading: () => [],
  image: (block, b) => [{ kind: 'image', path: `body[${b}].image.src`, value: block.image.src }],
  quote: () => [],
  list: () => [],
  readAlso: (block, b) =>
    block.items.flatMap((item, i) =>
      'id' in item ? [{ kind: 'story', path: `body[${b}].items[${i}].id`, value: item.id }] : [],
    ),
};

/**
 * The references of every block that is valid on its own, walked like any story body:
 * a file with problems elsewhere still has its links and photos checked in the same pass.
 */
function bodyRefs(rawBody: unknown): BodyRef[] {
  return records(rawBody).flatMap((raw, b) => {
    const block = v.safeParse(BlockSchema, raw);
    return block.success ? visitBlock(block.output, b, bodyRefVisitor) : [];
  });
}

/** `order`: the image's place among those its file names. */
type ImageRef = { file: string; path: string; src: string; order: number };

function imageRefs(id: string, raw: CrossFields): ImageRef[] {
  const file = `articles/${id}.json`;
  const refs: ImageRef[] = [];
  if (isRecord(raw.hero) && typeof raw.hero.src === 'string') {
    refs.push({ file, path: 'hero.src', src: raw.hero.src, order: refs.length });
  }
  for (const ref of raw.refs) {
    if (ref.kind === 'image')
      refs.push({ file, path: ref.path, src: ref.value, order: refs.length });
  }
  return refs.filter((ref) => isMediaPath(ref.src));
}

async function checkMedia(
  dir: string,
  cross: ReadonlyMap<string, CrossFields>,
  problems: Problem[],
  known: ReadonlyMap<string, MediaFile> = new Map(),
): Promise<Map<string, MediaFile>> {
  const bySrc = new Map<string, ImageRef[]>();
  for (const [id, raw] of cross) {
    for (const ref of imageRefs(id, raw)) {
      const list = bySrc.get(ref.src);
      if (list) list.push(ref);
      else bySrc.set(ref.src, [ref]);
    }
  }
  const media = new Map<string, MediaFile>();
  for (const src of bySrc.keys()) {
    const file = known.get(src);
    if (file) media.set(src, file);
  }
  const toProbe = [...bySrc].filter(([src]) => !media.has(src));
  // Images are probed in parallel; their problems are put back in file order, then in the
  // order each file names its images, so every run reports them the same way.
  const found = await mapLimit(toProbe, 8, async ([src, refs]) => {
    const file = path.join(dir, src);
    // isMediaPath keeps paths inside media/; should a path ever get past it, say so.
    if (!file.startsWith(path.join(dir, 'media') + path.sep)) {
      return refs.map((ref) => ({
        order: ref.order,
        problem: { file: ref.file, path: ref.path, message: `"${src}" is outside media/` },
      }));
    }
    try {
      // The image library is loaded by the first probe only.
      const meta = await (await import('sharp')).default(file).metadata();
      const rotated = (meta.orientation ?? 1) >= 5;
      const width = rotated ? meta.height : meta.width;
      const height = rotated ? meta.width : meta.height;
      if (!width || !height) throw new Error('no dimensions');
      media.set(src, { src, file, width, height });
      return [];
    } catch (error) {
      const missing = (error as Error).message.includes('missing') || !(await exists(file));
      return refs.map((ref) => ({
        order: ref.order,
        problem: {
          file: ref.file,
          path: ref.path,
          message: missing
            ? `media file "${src}" not found`
            : `media file "${src}" is not a readable image`,
        },
      }));
    }
  });
  const mediaProblems = found
    .flat()
    .sort((a, b) => a.problem.file.localeCompare(b.problem.file) || a.order - b.order);
  problems.push(...mediaProblems.map(({ problem }) => problem));
  // In the order the stories first show them, not the order the probes ended: the
  // state lists photos in this order, and two builds of the same content must agree.
  const inOrder = new Map<string, MediaFile>();
  for (const src of bySrc.keys()) {
    const file = media.get(src);
    if (file) inOrder.set(src, file);
  }
  return inOrder;
}
