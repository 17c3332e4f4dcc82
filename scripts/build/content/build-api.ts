// Turns a checked corpus into the static JSON API: one file per page the reader
// opens, so every page needs exactly one request and none grows with the corpus.

import { apiPaths } from '#content/api-paths.ts';
import type {
  FrontPayload,
  ListChunk,
  ListHead,
  ListKind,
  LivePayload,
  Rendition,
  StoryPayload,
  Teaser,
} from '#content/api-schema.ts';
import type { Article, Section } from '#content/article-schema.ts';
import { blockReadAlsoIds, collectFromBody, storyImages } from '#content/body-walker.ts';
import { CHUNK_SIZE, headStart, listPageCount, olderChunks } from '#content/list-paging.ts';
import { countWords, readingMinutes, storyText } from '#content/reading-time.ts';
import { teaserOf } from '#content/teaser.ts';
import type { Corpus } from './load-content.ts';
import { buildRelatedIndex, pickRelated } from './pick-related.ts';

export const LATEST_COUNT = 12;
export const RAIL_COUNT = 6;

export type ApiFile = { path: string; payload: unknown };

export function newestFirst(a: Article, b: Article): number {
  return Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || a.id.localeCompare(b.id);
}

export function* buildApi(corpus: Corpus, renditions: Map<string, Rendition>): Generator<ApiFile> {
  const articles = [...corpus.articles].sort(newestFirst);
  const sections = new Map(corpus.sections.map((s) => [s.id, s]));
  const words = new Map(articles.map((a) => [a.id, countWords(storyText(a))]));
  const teasers = new Map<string, Teaser>();
  for (const article of articles) {
    teasers.set(
      article.id,
      teaserOf({
        article,
        section: sections.get(article.section) as Section,
        readingMinutes: readingMinutes(words.get(article.id) ?? 0),
        media: mediaOf(article, renditions),
      }),
    );
  }
  const teaser = (id: string) => teasers.get(id) as Teaser;
  const index = buildRelatedIndex(articles);

  yield { path: apiPaths.sections(), payload: corpus.sections };
  yield { path: apiPaths.front(), payload: buildFront(articles, corpus.sections, teaser) };
  yield { path: apiPaths.live(), payload: buildLive(articles, teaser) };

  for (const article of articles) {
    const wordCount = words.get(article.id) ?? 0;
    const payload: StoryPayload = {
      article,
      section: sections.get(article.section) as Section,
      readingMinutes: readingMinutes(wordCount),
      wordCount,
      media: mediaOf(article, renditions),
      readAlso: Object.fromEntries(readAlsoIds(article).map((id) => [id, teaser(id)])),
      related: pickRelated(article, index).map(teaser),
    };
    yield { path: apiPaths.story(article.id), payload };
  }

  for (const section of corpus.sections) {
    const ids = (index.bySection.get(section.id) ?? []).map((a) => a.id);
    yield* listPages('section', section.id, section.name, ids.map(teaser));
  }
  for (const [tagId, tagged] of index.byTag) {
    const name = tagged[0]?.tags?.find((t) => t.id === tagId)?.name ?? tagId;
    yield* listPages(
      'tag',
      tagId,
      name,
      tagged.map((a) => teaser(a.id)),
    );
  }
}

function mediaOf(article: Article, renditions: Map<string, Rendition>): Record<string, Rendition> {
  const media: Record<string, Rendition> = {};
  for (const image of storyImages(article)) {
    const rendition = renditions.get(image.src);
    if (rendition) media[image.src] = rendition;
  }
  return media;
}

function readAlsoIds(article: Article): string[] {
  return [...new Set(collectFromBody(article.body, blockReadAlsoIds))];
}

/** The lead is the newest breaking story of the latest few, else the newest with a photo. */
export function buildFront(
  articles: readonly Article[],
  sections: readonly Section[],
  teaser: (id: string) => Teaser,
): FrontPayload {
  const recent = articles.slice(0, LATEST_COUNT);
  const lead = recent.find((a) => a.breaking) ?? recent.find((a) => a.hero) ?? articles[0];
  const rest = articles.filter((a) => a !== lead);
  return {
    lead: lead ? teaser(lead.id) : null,
    latest: rest.slice(0, LATEST_COUNT).map((a) => teaser(a.id)),
    rails: sections.map((section) => ({
      section,
      items: rest
        .filter((a) => a.section === section.id)
        .slice(0, RAIL_COUNT)
        .map((a) => teaser(a.id)),
    })),
  };
}

/**
 * What open pages watch (src/features/live): the newest story published with
 * `breaking: true`, however old (the browser decides how long it stays news).
 */
export function buildLive(
  newestFirst: readonly Article[],
  teaser: (id: string) => Teaser,
): LivePayload {
  const breaking = newestFirst.find((a) => a.breaking);
  return { breaking: breaking ? teaser(breaking.id) : null };
}

/**
 * A list's head and its full chunks of 20 (src/content/list-paging.ts): chunks are
 * counted from the oldest story, so publishing a story rewrites the head, not the archive.
 */
export function* listPages(
  kind: ListKind,
  id: string,
  name: string,
  newestFirst: readonly Teaser[],
): Generator<ApiFile> {
  const total = newestFirst.length;
  const oldestFirst = [...newestFirst].reverse();
  const newestOf = (from: number, to?: number) => oldestFirst.slice(from, to).reverse();
  const head: ListHead = {
    kind,
    id,
    name,
    items: newestOf(headStart(total)),
    total,
    pageCount: listPageCount(total),
  };
  yield { path: apiPaths.listHead(kind, id), payload: head };
  for (let chunk = 0; chunk < olderChunks(total); chunk++) {
    const payload: ListChunk = {
      kind,
      id,
      name,
      items: newestOf(chunk * CHUNK_SIZE, (chunk + 1) * CHUNK_SIZE),
      chunk,
    };
    yield { path: apiPaths.listChunk(kind, id, chunk), payload };
  }
  for (let page = 1; page <= head.pageCount; page++) {
    yield { path: listPageMarker(kind, id, page), payload: page };
  }
}

/**
 * A file for each page a list has, for servers that cannot count (deploy/site.conf
 * answers a page past the last with 404 by looking for it). Not public: nginx refuses
 * dot paths to readers.
 */
export const listPageMarker = (kind: ListKind, id: string, page: number) =>
  `/.qari/list-pages/${kind}s/${encodeURIComponent(id)}/${page}`;
