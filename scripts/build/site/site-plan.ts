// What a change of content touches. Given the stories before (null for a full build)
// and after, it decides which story pages, list files and site files must be made
// again: everything for a full build; for a publish, the changed stories, the pages
// that show their cards or pick them as related, and the lists they enter or leave.
// Everything is derived from the records alone, the same way in both cases, so a
// publish writes what a full build of the same content would (decision 009).
import { apiPaths } from '#content/api-paths.ts';
import type {
  FrontPayload,
  ListHead,
  ListKind,
  LivePayload,
  Rendition,
  Teaser,
} from '#content/api-schema.ts';
import type { Section } from '#content/article-schema.ts';
import { CHUNK_SIZE, olderChunks } from '#content/list-paging.ts';
import { pickRelated, SCAN_PER_LIST } from '../content/pick-related.ts';
import { listKeysOf } from '../content/story-lists.ts';
import { buildFront } from './front-page.ts';
import { listFiles, listPageMarker, markedPages } from './list-files.ts';
import { buildLive } from './live-payload.ts';
import { insertionPoint, namedBy, orderRecords } from './ordered-records.ts';
import type { PublishedStory } from './site-state.ts';
import { newestFirst, recordTeaser, type StoryRecord } from './story-record.ts';

export type ListKey = `${ListKind}:${string}`;
export type ListFile = { path: string; payload: unknown };

export type SitePlan = {
  /** Every story after the change, with its picks, newest first. */
  stories: PublishedStory[];
  /** Those of `stories` that are not the objects `before` or `after` gave (a new record, or new picks). */
  restated: PublishedStory[];
  /** The story of `stories` with that id (found by its place, not a pass). */
  story: (id: string) => PublishedStory | undefined;
  /** Stories whose page (JSON and HTML) must be made. */
  storyPages: Set<string>;
  /** Stories no longer published. */
  removedStories: readonly string[];
  /** List files to write: chunks first, then heads (a head must never point at a missing chunk). */
  listFiles: ListFile[];
  /** Heads whose prerendered page must be made. */
  listHeads: ListHead[];
  /** List files (and prerendered list pages, by URL path) that no longer exist. */
  removedListFiles: string[];
  removedListPages: string[];
  /** Every tag a story has, by id, sorted. */
  tags: string[];
  front: FrontPayload;
  /** `/api/live.json`: written by every publish, as the front is (the writer skips same bytes). */
  live: LivePayload;
  teaser: (id: string) => Teaser;
};

type Inputs = {
  sections: readonly Section[];
  /** The sections before, or null for a full build. */
  sectionsBefore: readonly Section[] | null;
  before: ReadonlyMap<string, PublishedStory> | null;
  after: ReadonlyMap<string, StoryRecord>;
  /** Stories added or edited (a full build: all). */
  changed: ReadonlySet<string>;
  /** Stories no longer published (a full build: none). */
  removed: readonly string[];
  /** Stories whose record is a new object with the same story (a new file stamp). */
  renewed?: ReadonlySet<string>;
  renditions: ReadonlyMap<string, Rendition>;
  /** Photos whose renditions changed since the last build. */
  changedMedia: ReadonlySet<string>;
  /** Lists to make whole again (those a killed publish was writing). */
  forceLists?: ReadonlySet<string>;
};

export function planSite(inputs: Inputs): SitePlan {
  const { sections, before, after, changed, renditions } = inputs;
  const full = before === null;
  const sectionById = new Map(sections.map((s) => [s.id, s]));
  // Every story newest first and every list as it is after the change, made once (or
  // mended from the last publish's): for the picks, and for the list files below.
  const { sorted, lists: afterLists } = orderRecords(after, before, [
    ...changed,
    ...inputs.removed,
    ...(inputs.renewed ?? []),
  ]);

  const teasers = new Map<string, Teaser>();
  const teaser = (id: string): Teaser => {
    let card = teasers.get(id);
    if (!card) {
      const record = after.get(id) as StoryRecord;
      card = recordTeaser(record, sectionById.get(record.section) as Section, renditions);
      teasers.set(id, card);
    }
    return card;
  };

  const { removed } = inputs;
  // Every page shows the sections in its navigation: a change to them is a change to
  // every page (its HTML; the JSON only where it shows the section).
  const navChanged = !full && JSON.stringify(inputs.sectionsBefore) !== JSON.stringify(sections);
  const renamedSections = new Set(
    full
      ? []
      : sections
          .filter((s) => inputs.sectionsBefore?.find((b) => b.id === s.id)?.name !== s.name)
          .map((s) => s.id),
  );

  // Stories whose card changed: edited ones whose card differs, those of a renamed
  // section, those whose hero photo was re-encoded, and removed ones.
  const cardChanged = new Set<string>(removed);
  if (!full) {
    // Most publishes rename no section and re-encode no photo: then only the changed stories.
    const maybe =
      renamedSections.size > 0 || inputs.changedMedia.size > 0
        ? sorted
        : [...changed].map((id) => after.get(id) as StoryRecord);
    for (const record of maybe) {
      // Its photos first: a record read from the state reads its hero only when asked.
      const touched =
        changed.has(record.id) ||
        renamedSections.has(record.section) ||
        (record.media.some((src) => inputs.changedMedia.has(src)) &&
          record.hero &&
          inputs.changedMedia.has(record.hero.src));
      if (!touched) continue;
      const was = before.get(record.id);
      if (!was) cardChanged.add(record.id);
      else {
        const old = recordTeaser(
          was,
          (inputs.sectionsBefore ?? sections).find((s) => s.id === was.section) ?? {
            id: was.section,
            name: was.section,
          },
          renditions,
        );
        const heroChanged = record.hero && inputs.changedMedia.has(record.hero.src);
        if (heroChanged || JSON.stringify(old) !== JSON.stringify(teaser(record.id)))
          cardChanged.add(record.id);
      }
    }
  }

  // Related picks: a story's picks look only at earlier stories of its lists, within
  // SCAN_PER_LIST of it, so a change can move only the picks of the stories just after
  // it in each of its lists (before or after the change).
  const picks = new Map<string, string[]>();
  const pickOf = (id: string) => {
    let found = picks.get(id);
    if (!found) {
      found = pickRelated(after.get(id) as StoryRecord, afterLists);
      picks.set(id, found);
    }
    return found;
  };
  const pickCandidates = new Set<string>();
  if (full) for (const record of sorted) pickCandidates.add(record.id);
  else {
    // The stories just newer than where `record` stands (or stood) in each of its lists:
    // one more than a window, as a moved story's old place is found only to within one.
    const laterInLists = (record: StoryRecord) => {
      for (const key of listKeysOf(record)) {
        const list = afterLists.get(key) ?? [];
        const at = insertionPoint(list, record);
        for (let i = Math.max(0, at - SCAN_PER_LIST - 1); i < Math.min(list.length, at + 1); i++)
          pickCandidates.add((list[i] as StoryRecord).id);
      }
    };
    for (const id of changed) {
      const now = after.get(id) as StoryRecord;
      const was = before.get(id);
      // Others' picks are made of the stories' times, sections and tags alone: an edit
      // that keeps those (a headline, a paragraph) moves none of them.
      if (was && sameListing(was, now)) continue;
      laterInLists(now);
      if (was) laterInLists(was);
    }
    for (const id of removed) {
      const was = before.get(id);
      if (was) laterInLists(was);
    }
    for (const id of changed) pickCandidates.add(id);
  }

  const storyPages = new Set<string>(full || navChanged ? sorted.map((r) => r.id) : changed);
  for (const id of pickCandidates) {
    if (!after.has(id)) continue;
    const now = pickOf(id);
    const was = before?.get(id)?.picks;
    if (!was || was.join() !== now.join()) storyPages.add(id);
  }
  // A record the change leaves as it was stays the same object: no copy of each of
  // 100,000 records, and the state's writer sees at a glance that it is unchanged. The
  // new objects are listed (`restated`).
  const restated: PublishedStory[] = [];
  const restate = (record: StoryRecord): PublishedStory => {
    const now = picks.get(record.id);
    if (!changed.has(record.id)) {
      // A published record (as read, or with its file's new stamp): it has its picks.
      const published = record as PublishedStory;
      if (!now || now.join() === published.picks.join()) return published;
    }
    const story = { ...record, picks: now ?? (before?.get(record.id)?.picks as string[]) };
    restated.push(story);
    return story;
  };
  // Only a changed story, or one whose picks were made again, can be a new object: a
  // publish copies the order and puts those in their places (a pass over 100,000
  // records cost ~50 ms).
  let stories: PublishedStory[];
  if (full) stories = sorted.map(restate);
  else {
    stories = sorted.slice() as PublishedStory[];
    for (const id of new Set([...changed, ...picks.keys()])) {
      const record = after.get(id);
      if (!record) continue;
      const story = restate(record);
      if (story !== record) stories[insertionPoint(stories, record)] = story;
    }
  }
  const storyOf = (id: string): PublishedStory | undefined => {
    const record = after.get(id);
    return record && (stories[insertionPoint(stories, record)] as PublishedStory);
  };
  if (!full && (renamedSections.size > 0 || inputs.changedMedia.size > 0)) {
    for (const story of stories) {
      if (renamedSections.has(story.section)) storyPages.add(story.id);
      if (story.media.some((src) => inputs.changedMedia.has(src))) storyPages.add(story.id);
      if (
        story.readAlso.some((id) => cardChanged.has(id)) ||
        story.picks.some((id) => cardChanged.has(id))
      )
        storyPages.add(story.id);
    }
  } else if (!full) {
    // The pages that show a changed card: those whose read-also or own related list
    // names it (kept from publish to publish: ordered-records.ts), and those that pick
    // it, which stand at most SCAN_PER_LIST before it in one of its lists.
    for (const id of cardChanged) {
      for (const holder of namedBy(id)) if (after.has(holder)) storyPages.add(holder);
      const record = after.get(id);
      if (!record) continue;
      for (const key of listKeysOf(record)) {
        const list = afterLists.get(key) ?? [];
        const at = insertionPoint(list, record);
        for (let i = Math.max(0, at - SCAN_PER_LIST - 1); i < at; i++) {
          const holder = storyOf((list[i] as StoryRecord).id);
          if (holder?.picks.includes(id)) storyPages.add(holder.id);
        }
      }
    }
  }

  // Lists: in a full build every one; in a publish, those a changed or removed story
  // belongs to (before or after), and those showing a changed card.
  for (const section of sections) {
    if (!afterLists.has(`section:${section.id}`)) afterLists.set(`section:${section.id}`, []);
  }
  const beforeList = full
    ? () => undefined
    : listsBefore(afterLists, before, inputs, changed, removed);
  const touchedLists = new Set<string>();
  if (full || navChanged) for (const key of afterLists.keys()) touchedLists.add(key);
  if (!full) {
    for (const id of [...changed, ...removed, ...cardChanged]) {
      const now = after.get(id);
      const was = before.get(id);
      for (const record of [now, was])
        if (record) for (const key of listKeysOf(record)) touchedLists.add(key);
    }
    for (const id of renamedSections) touchedLists.add(`section:${id}`);
    for (const key of inputs.forceLists ?? []) touchedLists.add(key);
    // A list comes or goes with a changed story's tags and section (touched above), or
    // with a section.
    const both = new Set(sections.map((s) => s.id));
    const sectionsBefore = new Set(inputs.sectionsBefore?.map((s) => s.id));
    for (const section of [...sections, ...(inputs.sectionsBefore ?? [])]) {
      // A section there before and after has its list, empty or not, both times.
      if (both.has(section.id) && sectionsBefore.has(section.id)) continue;
      const key = `section:${section.id}`;
      if (afterLists.has(key) !== (beforeList(key) !== undefined)) touchedLists.add(key);
    }
  }

  const bodies: ListFile[] = [];
  const heads: ListFile[] = [];
  const listHeads: ListHead[] = [];
  const removedListFiles: string[] = [];
  const removedListPages: string[] = [];
  for (const key of [...touchedLists].sort()) {
    const [kind, id] = splitKey(key);
    const members = afterLists.get(key);
    const was = beforeList(key);
    const wereMembers = was ?? [];
    if (!members) {
      removedListFiles.push(apiPaths.listHead(kind, id));
      removedListFiles.push(...goneListFiles(kind, id, was?.length, undefined));
      removedListPages.push(`/${kind}/${encodeURIComponent(id)}`);
      continue;
    }
    const name = listName(kind, id, members, sectionById);
    // A chunk is made again only when its stories, or one of their cards, changed.
    const oldestFirstNow = [...members].reverse();
    const oldestFirstBefore = [...wereMembers].reverse();
    const chunkChanged = (chunk: number) => {
      if (full || inputs.forceLists?.has(key)) return true;
      if (kind === 'section' && renamedSections.has(id)) return true;
      // A new chunk: its stories were in the head until the list reached its size.
      if (chunk >= olderChunks(wereMembers.length)) return true;
      const from = chunk * CHUNK_SIZE;
      for (let i = from; i < from + CHUNK_SIZE; i++) {
        const now = oldestFirstNow[i];
        if (now?.id !== oldestFirstBefore[i]?.id || (now && cardChanged.has(now.id))) return true;
      }
      return false;
    };
    const pagesBefore = full || inputs.forceLists?.has(key) ? 0 : markedPages(was?.length);
    const files = listFiles(
      kind,
      id,
      name,
      members,
      (r) => teaser(r.id),
      chunkChanged,
      pagesBefore,
    );
    for (const file of files) {
      if (file.path.endsWith('/head.json')) {
        heads.push(file);
        listHeads.push(file.payload as ListHead);
      } else bodies.push(file);
    }
    removedListFiles.push(...goneListFiles(kind, id, was?.length, members.length));
  }
  return {
    stories,
    restated,
    story: storyOf,
    storyPages,
    removedStories: removed,
    listFiles: [...bodies, ...heads],
    listHeads,
    removedListFiles,
    removedListPages,
    tags: [...afterLists.keys()]
      .filter((key) => key.startsWith('tag:'))
      .map((key) => splitKey(key)[1])
      .sort(),
    front: buildFront(sorted, sections, teaser),
    live: buildLive(sorted, teaser),
    teaser,
  };
}

/**
 * The lists as they were before a publish, made one at a time when asked for (undefined:
 * the list was not there): from the list after it, less the stories the publish changed
 * or removed, with their records before it put back. Sorting the records before the
 * change and listing them all cost a publish at 100,000 stories some 0.3 s.
 */
function listsBefore(
  afterLists: ReadonlyMap<string, StoryRecord[]>,
  before: ReadonlyMap<string, PublishedStory>,
  inputs: Pick<Inputs, 'sectionsBefore'>,
  changed: ReadonlySet<string>,
  removed: readonly string[],
): (key: string) => StoryRecord[] | undefined {
  const moved = new Set([...changed, ...removed]);
  const sectionsBefore = new Set((inputs.sectionsBefore ?? []).map((s) => `section:${s.id}`));
  const made = new Map<string, StoryRecord[] | undefined>();
  return (key) => {
    if (made.has(key)) return made.get(key);
    const kept = (afterLists.get(key) ?? []).filter((r) => !moved.has(r.id));
    const old: StoryRecord[] = [];
    for (const id of moved) {
      const was = before.get(id);
      if (was && listKeysOf(was).includes(key)) old.push(was);
    }
    old.sort(newestFirst);
    const list: StoryRecord[] = [];
    let k = 0;
    let o = 0;
    while (k < kept.length || o < old.length) {
      const next =
        o >= old.length ||
        (k < kept.length && newestFirst(kept[k] as StoryRecord, old[o] as StoryRecord) < 0)
          ? kept[k++]
          : old[o++];
      list.push(next as StoryRecord);
    }
    const found = list.length > 0 || sectionsBefore.has(key) ? list : undefined;
    made.set(key, found);
    return found;
  };
}

/** Whether two versions of a story stand at the same place in the same lists. */
function sameListing(a: StoryRecord, b: StoryRecord): boolean {
  if (a.published !== b.published) return false;
  const keys = (record: StoryRecord) => listKeysOf(record).sort().join('\n');
  return keys(a) === keys(b);
}

function splitKey(key: string): [ListKind, string] {
  const at = key.indexOf(':');
  return [key.slice(0, at) as ListKind, key.slice(at + 1)];
}

function listName(
  kind: ListKind,
  id: string,
  members: readonly StoryRecord[],
  sections: ReadonlyMap<string, Section>,
): string {
  if (kind === 'section') return sections.get(id)?.name ?? id;
  return members[0]?.tags.find((t) => t.id === id)?.name ?? id;
}

/**
 * The chunk files and page markers a list had at `from` stories and has no more at `to`
 * (undefined: the list is not there).
 */
function goneListFiles(
  kind: ListKind,
  id: string,
  from: number | undefined,
  to: number | undefined,
): string[] {
  const paths: string[] = [];
  for (let chunk = olderChunks(to ?? 0); chunk < olderChunks(from ?? 0); chunk++)
    paths.push(apiPaths.listChunk(kind, id, chunk));
  for (let page = markedPages(to) + 1; page <= markedPages(from); page++)
    paths.push(listPageMarker(kind, id, page));
  return paths;
}
