// Publishes a content folder into dist/: a full build is a publish from nothing, and
// `npm run publish` a publish from the state the last one left (decision 009). Either
// way the same plan (site-plan.ts) decides what to write, and the same renderer
// makes the pages, so the two give the same bytes.
//
// The order keeps every moment of the live site whole (docs/publishing.md): photos,
// then stories (JSON and page), then list chunks, then list heads and their pages, the
// front and live.json, the search index, sitemaps and feed, the sections; removals
// after all that could link to them; the state last. A publish killed at any point is
// finished by the next one, which finds the same changes (the state is still the old one).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { apiPaths } from '#content/api-paths.ts';
import type { ListKind, Rendition } from '#content/api-schema.ts';
import { appPaths } from '#content/app-paths.ts';
import type { Article, Section } from '#content/article-schema.ts';
import { utcMonth } from '#content/iso-date.ts';
import { type StoryChange, updateSearchFiles, updateStages } from '#content/search-index-build.ts';
import { searchPaths } from '#content/search-index-layout.ts';
import type { CheckedFolder, MediaFile } from '../content/load-content.ts';
import { mapLimit } from '../content/map-limit.ts';
import type { Problem } from '../content/problem.ts';
import { readStory } from '../content/read-story.ts';
import { renditionFiles, renditionsInDist, writeRenditions } from '../content/renditions.ts';
import { writeSearchIndex } from '../content/search-index.ts';
import { listKeysOf } from '../content/story-lists.ts';
import {
  createPageRenderer,
  htmlFileFor,
  type RendererOptions,
} from '../prerender/page-renderer.ts';
import { createRenderPool } from '../prerender/render-pool.ts';
import { siteFiles } from '../prerender/site-files.ts';
import { type AppBuild, appBuildId } from './app-build.ts';
import { type ContentChanges, contentChanges, stampFile } from './content-changes.ts';
import { listFilePaths, listPageMarker } from './list-files.ts';
import { keepOrder } from './ordered-records.ts';
import { planSite } from './site-plan.ts';
import {
  type Journal,
  type MediaRecord,
  type PublishedStory,
  readJournal,
  readState,
  removeJournal,
  type SiteState,
  STATE_VERSION,
  statePath,
  writeJournal,
  writeState,
} from './site-state.ts';
import { clearTempDir, type HandOff, SiteWriter, writeHandOff } from './site-writer.ts';
import { sweepStoryFiles } from './story-file-sweep.ts';
import { type StoryFilesMaker, type StoryJob, storyFilesMaker } from './story-files.ts';
import { storyFrame } from './story-payload.ts';
import type { StoryRecord } from './story-record.ts';

export type PublishResult =
  | { ok: true; handOff: HandOff; stories: number; pages: number }
  | { ok: false; problems: Problem[] };

/** A publish that cannot start: no state, or a dist/ of another app build. */
export class PublishRefused extends Error {}

export type PublishOptions = (
  | /**
   * A build into a fresh dist/ (the app just built), of the content checked whole (a
   * record of each story: checkContent); `written` is told of each file once it is
   * whole (the build compresses it meanwhile).
   */
  { full: true; content: CheckedFolder<StoryRecord>; written?: (file: string) => void }
  /**
   * A publish over the last build or publish; `touched`: the content files a watcher saw
   * change since then, when it saw them all (contentChanges).
   */
  | { full: false; touched?: ReadonlySet<string> }
) & {
  /**
   * Worker threads that render the story pages, 0 for the main thread alone. By default
   * QARI_RENDER_THREADS, else one a core when there are at least POOL_FROM_PAGES pages
   * to render, else 0. The
   * server renderer (AppBuild's ssrEntry) must then be JavaScript Node loads by itself.
   */
  renderThreads?: number;
};

/** Fewer story pages than this render on the main thread: starting workers costs more. */
const POOL_FROM_PAGES = 400;

/** QARI_RENDER_THREADS, for `npm run build` and `npm run publish` alike (0: the main thread alone). */
const renderThreadsFromEnv = (): number | undefined =>
  process.env.QARI_RENDER_THREADS ? Number(process.env.QARI_RENDER_THREADS) : undefined;

/**
 * QARI_PUBLISH_TIMINGS=1 prints, on stderr, the milliseconds each phase of a publish
 * took, the most memory held during it (sampled every 100 ms) and what is held after it:
 * where to look when a publish is slow or heavy (docs/publishing.md, «Measured»). Run
 * with `node --expose-gc` (NODE_OPTIONS), the memory after each phase is what is still
 * in use, the garbage collected first.
 */
let phaseStart = 0;
const phasePeak = { rss: 0, heap: 0, external: 0 };
let sampling = false;
function samplePeak(): void {
  const { rss, heapUsed, external } = process.memoryUsage();
  phasePeak.rss = Math.max(phasePeak.rss, rss);
  phasePeak.heap = Math.max(phasePeak.heap, heapUsed);
  phasePeak.external = Math.max(phasePeak.external, external);
}
function mark(phase: string): void {
  if (!process.env.QARI_PUBLISH_TIMINGS) return;
  const now = performance.now();
  if (!sampling) setInterval(samplePeak, 100).unref();
  sampling = true;
  if (phase !== 'start') {
    samplePeak();
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    const mib = (n: number) => Math.round(n / 2 ** 20);
    console.error(
      `publish phase ${phase}: ${Math.round(now - phaseStart)} ms (at most ${mib(phasePeak.rss)} MiB resident, heap ${mib(phasePeak.heap)}, external ${mib(phasePeak.external)}; then ${mib(rss)} MiB resident, heap ${mib(heapUsed)} MiB)`,
    );
  }
  Object.assign(phasePeak, { rss: 0, heap: 0, external: 0 });
  phaseStart = now;
}

export async function publishSite(
  build: AppBuild,
  options: PublishOptions,
): Promise<PublishResult> {
  const { full } = options;
  const { contentDir, outDir } = build;
  mark('start');
  const appBuild = await appBuildId(build);
  mark('appBuildId');
  if (full) {
    // A full build publishes the content it checked before Vite, its stories read again
    // from the folder the check read (and their bytes compared with what it read).
    const writer = new SiteWriter(outDir, false, false, options.written);
    try {
      return await write(
        { ...build, contentDir: options.content.dir },
        appBuild,
        writer,
        null,
        everything(options.content),
        options.renderThreads,
      );
    } finally {
      // A build that failed half-way leaves no write thread behind (one that did not has settled).
      await writer.abort();
    }
  }
  // Without a watcher's word on what changed, every story file is stat-ed: on a thread,
  // while this one reads the state.
  const sweep = options.touched ? null : sweepStoryFiles(contentDir);
  const before = await readState(outDir);
  const where = path.relative('.', statePath(outDir));
  if (!before)
    throw new PublishRefused(`${where}: no site to publish into; run \`npm run build\` first.`);
  if (before.appBuild !== appBuild)
    throw new PublishRefused(
      `${where}: dist/ was built by another build of the app (or for another QARI_SITE_URL); run \`npm run build\`.`,
    );
  mark('readState');
  const killed = await readJournal(outDir, before);
  const found = await contentChanges(
    contentDir,
    before,
    new Set(Object.keys(killed?.before ?? {})),
    options.touched,
    await sweep,
  );
  mark('contentChanges');
  if (!found.ok) return found;
  // After a publish killed half-way, files it wrote are already in place: they are
  // listed again, so the host gets them too.
  const writer = new SiteWriter(outDir, true, killed !== null);
  try {
    return await write(
      build,
      appBuild,
      writer,
      before,
      found.changes,
      options.renderThreads,
      killed,
    );
  } catch (error) {
    await writer.stop();
    throw error;
  }
}

/** A full build: every story and photo is new; no story is in hand (each is read again). */
function everything(content: CheckedFolder<StoryRecord>): ContentChanges {
  const mediaStamps = new Map<string, ReturnType<typeof stampFile>>();
  for (const media of content.media.values()) mediaStamps.set(media.src, stampFile(media.file));
  return {
    sections: content.sections,
    // A copy: the publish puts its own objects in the records it is given.
    records: new Map(content.kept),
    changed: new Set(content.kept.keys()),
    articles: new Map(),
    removed: [],
    renewed: new Set(),
    media: content.media,
    mediaStamps,
  };
}

async function write(
  build: AppBuild,
  appBuild: string,
  writer: SiteWriter,
  before: SiteState | null,
  changes: ContentChanges,
  renderThreads: number | undefined,
  /** The journal of a publish killed half-way, which this one completes. */
  killed: Journal | null = null,
): Promise<PublishResult> {
  const { contentDir, outDir, siteUrl } = build;
  const full = before === null;
  await clearTempDir(outDir);
  const { sections, records, changed, articles, removed } = changes;
  // A story not in hand is read again; a full build's must still be the bytes it checked.
  const articleOf = (id: string): Article =>
    articles.get(id) ??
    readStory(contentDir, id, full ? (records.get(id) as StoryRecord).file.hash : undefined);
  const sectionById = new Map(sections.map((s) => [s.id, s]));
  const sectionsBefore = before?.sections ?? null;
  const sectionsChanged = JSON.stringify(sectionsBefore) !== JSON.stringify(sections);

  // The old version of each story this publish changes, kept before anything is touched.
  let journal: Journal | null = null;
  const photos = [...changes.media.keys()];
  if (
    before &&
    (changed.size > 0 || removed.length > 0 || sectionsChanged || photos.length > 0 || killed)
  ) {
    journal = {
      serial: before.serial,
      before: { ...killed?.before },
      lists: [],
      media: [...new Set([...(killed?.media ?? []), ...photos])].sort(),
    };
    // What a killed publish filed in the search index stays to unfile, should this one be killed too.
    if (killed?.filed) journal.filed = killed.filed;
    for (const id of [...changed, ...removed]) {
      if (id in journal.before) continue;
      journal.before[id] = before.stories.has(id) ? await publishedArticle(outDir, id) : null;
    }
    const lists = new Set(killed?.lists);
    for (const id of Object.keys(journal.before)) {
      for (const record of [before.stories.get(id), records.get(id)]) {
        if (record) for (const key of listKeysOf(record)) lists.add(key);
      }
    }
    for (const section of [...sections, ...(sectionsBefore ?? [])])
      lists.add(`section:${section.id}`);
    journal.lists = [...lists].sort();
    await writeJournal(outDir, journal);
  }

  // 1. Photos: renditions of new and changed ones, before any page shows them.
  const media: Record<string, MediaRecord> = {};
  const renditions = new Map<string, Rendition>();
  const used = new Set<string>();
  for (const record of records.values()) for (const src of record.media) used.add(src);
  for (const [src, record] of Object.entries(before?.media ?? {})) {
    if (used.has(src) && !changes.media.has(src)) {
      media[src] = { ...record, file: changes.mediaStamps.get(src) ?? record.file };
      renditions.set(src, record.rendition);
    }
  }
  const made = await writeRenditions(changes.media.values(), outDir, build.mediaCacheDir);
  const changedMedia = new Set<string>();
  for (const [src, rendition] of made) {
    const file = changes.media.get(src) as MediaFile;
    media[src] = {
      file: changes.mediaStamps.get(src) ?? stampFile(file.file),
      width: file.width,
      height: file.height,
      rendition,
    };
    renditions.set(src, rendition);
    const was = before?.media[src]?.rendition;
    if (JSON.stringify(was) !== JSON.stringify(rendition)) {
      changedMedia.add(src);
      for (const name of renditionFiles(rendition)) writer.note(name);
    }
  }

  mark('journal+media');
  const plan = planSite({
    sections,
    sectionsBefore,
    before: before?.stories ?? null,
    after: records,
    changed,
    removed,
    renewed: changes.renewed,
    renditions,
    changedMedia,
    forceLists: new Set(killed?.lists),
  });
  mark('plan');
  const rendererOptions: RendererOptions = {
    outDir,
    ssrEntry: build.ssrEntry,
    siteUrl,
    firstTaps: build.inlineScripts.firstTaps,
    appLoader: build.inlineScripts.appLoader,
    sections,
  };
  const renderer = await createPageRenderer(rendererOptions);
  const threads =
    renderThreads ??
    renderThreadsFromEnv() ??
    (plan.storyPages.size >= POOL_FROM_PAGES ? os.availableParallelism() : 0);
  const pool = threads > 0 ? await createRenderPool(rendererOptions, threads) : null;
  const storyMaker: StoryFilesMaker = pool ?? storyFilesMaker(renderer);
  const json = (file: string, payload: unknown) =>
    writer.write(file.slice(1), JSON.stringify(payload));
  let pages = 0;
  const page = async (rendered: { file: string; html: string }) => {
    await writer.write(rendered.file, rendered.html);
    pages++;
  };

  mark('renderer');
  // 2. Stories: the API file, then the page.
  writer.overlapping = pool !== null;
  try {
    // Pages in flight: enough to keep each render thread fed while the others wait.
    await mapLimit([...plan.storyPages], pool ? 8 * threads : 8, async (id) => {
      const story = plan.story(id) as PublishedStory;
      const section = sectionById.get(story.section) as Section;
      const frame = storyFrame(story, section, renditions, story.picks, plan.teaser);
      // The article is read where the page is rendered (a render thread, when there are many).
      const article = articles.get(id);
      const job: StoryJob = article
        ? { frame, article }
        : { frame, contentDir, id, hash: full ? story.file.hash : undefined };
      const made = await storyMaker.storyFiles(job);
      await writer.write(apiPaths.story(id).slice(1), made.json);
      await writer.write(made.file, made.html);
      pages++;
    });
  } finally {
    writer.overlapping = false;
    await pool?.close();
  }

  /**
   * A publish's search index update (issue 16): the files to write worked out here, on
   * this thread; their writes (some 440 files for a new story at 100,000 stories, half a
   * second on disk) go on while the lists and the front are written. The index links to
   * the stories alone, written by then.
   */
  const searchUpdate = (): { writes: Promise<void>; remove: string[] } => {
    const renamed = sections.filter(
      (s) => (sectionsBefore ?? []).find((b) => b.id === s.id)?.name !== s.name,
    );
    const searchChanges: StoryChange[] = [...changed, ...removed].map((id) => ({
      id,
      before: journal?.before[id] ?? undefined,
    }));
    const inChanges = new Set(searchChanges.map((c) => c.id));
    // A story a killed publish filed (moved to another key, say) is filed again.
    for (const { id } of killed?.filed ?? []) {
      if (!inChanges.has(id) && records.has(id)) {
        searchChanges.push({ id, before: articleOf(id) });
        inChanges.add(id);
      }
    }
    const renamedIds = new Set(renamed.map((s) => s.id));
    // Most publishes rename no section: then no pass over every story.
    if (renamedIds.size > 0) {
      for (const record of records.values()) {
        if (renamedIds.has(record.section) && !inChanges.has(record.id)) {
          searchChanges.push({ id: record.id, before: articleOf(record.id) });
        }
      }
    }
    const update = updateSearchFiles(
      {
        stories: plan.stories,
        article: articleOf,
        sections: sectionById,
        sectionsBefore: new Map((sectionsBefore ?? []).map((s) => [s.id, s])),
      },
      searchChanges,
      (file) => {
        try {
          return JSON.parse(readFileSync(path.join(outDir, file), 'utf8'));
        } catch {
          return undefined;
        }
      },
      // Completing a killed publish: its blocks may be there, named by no head yet, and
      // what it filed is unfiled.
      {
        folder: killed ? (surface) => tailFiles(outDir, surface) : undefined,
        killedFilings: killed?.filed,
      },
    );
    // Side by side (a new story's words touch some 200 lists), in stages that keep the
    // index whole (updateStages).
    const stages = updateStages(update.write, (file) => existsSync(path.join(outDir, file)));
    const writes = (async () => {
      // What this update files, in the journal before any of it is written.
      if (journal && update.filed.length > 0) {
        journal.filed = [...(killed?.filed ?? []), ...update.filed];
        await writeJournal(outDir, journal);
      }
      for (const files of stages) await mapLimit(files, 8, (file) => json(file.path, file.payload));
    })();
    // Awaited once the lists and the front are written; until then a failure is held.
    writes.catch(() => undefined);
    return { writes, remove: update.remove };
  };

  mark('stories');
  // 3. Lists: chunks and page markers, then each head and its page.
  for (const file of plan.listFiles) {
    if (!file.path.endsWith('/head.json')) await json(file.path, file.payload);
  }
  writer.startLinks();
  // 5. The search index (incremental: started here, beside the lists and the front).
  const search = full ? null : searchUpdate();
  if (search) mark('search update');
  const headPages = new Map(plan.listHeads.map((h) => [apiPaths.listHead(h.kind, h.id), h]));
  for (const file of plan.listFiles) {
    if (!file.path.endsWith('/head.json')) continue;
    await json(file.path, file.payload);
    const head = headPages.get(file.path);
    if (head) await page(await renderer.list(head));
  }

  mark('lists');
  // 4. The front page, and what open pages watch (the breaking story), now that the
  // stories they name are there.
  await json(apiPaths.front(), plan.front);
  await page(await renderer.front(plan.front));
  await json(apiPaths.live(), plan.live);

  mark('front');
  // 5. The search index, of a full build.
  if (full) {
    // After the pages, not beside them: at 20,000 stories the index and the render
    // threads together held 2.2 GiB, one after the other 1.2 (docs/publishing.md).
    await writeSearchIndex(
      { stories: plan.stories, article: articleOf, sections: sectionById },
      json,
    );
  }

  mark('search');
  // 6. Sitemaps, news sitemap, feed, robots.txt.
  const lists = [
    ...sections.map((s) => appPaths.section(s.id)),
    ...plan.tags.map((id) => appPaths.tag(id)),
  ];
  const sectionNames = new Map(sections.map((s) => [s.id, s.name]));
  // A publish remakes the sitemaps of the months its stories are or were in (a month's
  // file lists that month's stories alone); a build, every month's, and so does a
  // publish completing a killed one (which may have put a story in a month no record
  // says: the journal keeps the stories as they were, not as it made them).
  let months: Set<string> | null = null;
  if (before && !killed) {
    months = new Set();
    for (const id of [...changed, ...removed]) {
      for (const record of [before.stories.get(id), records.get(id)])
        if (record) months.add(utcMonth(record.published));
    }
  }
  const textFiles = siteFiles(siteUrl, plan.stories, lists, sectionNames, months);
  for (const { file, text } of textFiles) if (text !== null) await writer.write(file, text);

  mark('sitemaps');
  // The search index's files, written beside the lists, the front and the sitemaps.
  await search?.writes;
  mark('search files');
  // 7. The sections (the navigation) once their pages are there.
  await json(apiPaths.sections(), sections);

  // 8. Removals, now that nothing links to them.
  for (const id of plan.removedStories) {
    await writer.remove(apiPaths.story(id).slice(1));
    await writer.remove(htmlFileFor(appPaths.story(id)));
  }
  for (const file of plan.removedListFiles) await writer.remove(file.slice(1));
  // What a killed publish wrote for stories and lists that are no longer in the content.
  for (const [id, was] of Object.entries(killed?.before ?? {})) {
    if (was === null && !records.has(id)) {
      await writer.remove(apiPaths.story(id).slice(1));
      await writer.remove(htmlFileFor(appPaths.story(id)));
    }
  }
  // What a killed publish wrote of lists that are gone, or are shorter than it made them.
  const listsNow = new Map(plan.listHeads.map((h) => [`${h.kind}:${h.id}`, h.total]));
  for (const key of killed?.lists ?? []) {
    const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)] as [
      ListKind,
      string,
    ];
    const total = listsNow.get(key);
    const keep = new Set(total === undefined ? [] : listFilePaths(kind, id, total));
    for (const dir of [
      path.dirname(apiPaths.listHead(kind, id)),
      path.dirname(listPageMarker(kind, id, 1)),
    ]) {
      for (const file of await filesUnder(outDir, dir.slice(1))) {
        if (!keep.has(`/${file.replace(/\.(gz|br)$/, '')}`)) await writer.remove(file, false);
      }
    }
    if (total === undefined) await writer.remove(htmlFileFor(appPaths.list(kind, id)));
  }
  for (const urlPath of plan.removedListPages) await writer.remove(htmlFileFor(urlPath));
  for (const file of search?.remove ?? []) await writer.remove(file.slice(1));
  // Sitemaps of months that no longer have a story.
  const sitemapsMade = new Set(textFiles.map((f) => f.file));
  for (const file of await filesUnder(outDir, 'sitemaps')) {
    if (!sitemapsMade.has(file.replace(/\.(gz|br)$/, ''))) await writer.remove(file, false);
  }
  for (const [src, record] of Object.entries(before?.media ?? {})) {
    const now = media[src]?.rendition;
    const keep = new Set(now ? renditionFiles(now) : []);
    for (const name of renditionFiles(record.rendition)) {
      if (!keep.has(name)) await writer.remove(name, false);
    }
  }
  // Renditions a killed publish made that no story shows now.
  const shown = new Set(Object.values(media).flatMap((m) => renditionFiles(m.rendition)));
  for (const src of killed?.media ?? []) {
    for (const name of await renditionsInDist(outDir, src)) {
      if (!shown.has(name)) await writer.remove(name, false);
    }
  }

  await writer.settle();
  mark('removals');
  // 9. What the host must upload and delete (docs/publishing.md), then the state, last:
  // until it is written, the next publish finds the same changes.
  if (!full) await writeHandOff(outDir, writer.handOff);
  // The state's stories: the records this publish started from, with the plan's new
  // objects in their place (a new Map of 100,000 cost each publish ~0.1 s).
  const stories = records as Map<string, StoryRecord>;
  for (const story of plan.restated) stories.set(story.id, story);
  // The order of these very records, for the next publish of this process to mend.
  keepOrder(stories, plan.stories, plan.restated);
  // The records that can differ from the state read: those contentChanges put in anew
  // (changed, restamped) or took out, and the plan's restated ones.
  const recordsChanged = [...changed, ...removed, ...changes.renewed];
  for (const story of plan.restated) recordsChanged.push(story.id);
  await writeState(
    outDir,
    {
      version: STATE_VERSION,
      serial: (before?.serial ?? 0) + 1,
      appBuild,
      sections,
      stories: stories as SiteState['stories'],
      media,
    },
    full ? undefined : recordsChanged,
  );
  mark('state');
  if (journal) await removeJournal(outDir);
  return { ok: true, handOff: writer.handOff, stories: plan.stories.length, pages };
}

/** The published version of a story, as its API file holds it. */
async function publishedArticle(outDir: string, id: string): Promise<Article | null> {
  try {
    const file = path.join(outDir, apiPaths.story(id).slice(1));
    return (JSON.parse(await readFile(file, 'utf8')) as { article: Article }).article;
  } catch {
    return null;
  }
}

/** A word's tail block files in dist/, as searchPaths names them. */
function tailFiles(outDir: string, surface: string): string[] {
  const dir = path.posix.dirname(searchPaths.tail(surface, 0));
  try {
    return readdirSync(path.join(outDir, dir))
      .filter((name) => name.endsWith('.json'))
      .map((name) => `${dir}/${name}`);
  } catch {
    return [];
  }
}

/** The files under a folder of dist/, relative to dist/ (none when it is not there). */
async function filesUnder(outDir: string, dir: string): Promise<string[]> {
  const entries = await readdir(path.join(outDir, dir), {
    recursive: true,
    withFileTypes: true,
  }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(outDir, path.join(e.parentPath, e.name)));
}
