// What the site keeps of each story between builds: enough to make its card, place it
// in lists, pick related stories, write sitemaps and the feed, and know when its file
// changed — without reading the story again. The story's own page is made from its
// file, read when that page must be written.
import type { Rendition, Teaser } from '#content/api-schema.ts';
import type { Article, Image, Section, Tag } from '#content/article-schema.ts';
import { blockReadAlsoIds, collectFromBody, storyImages } from '#content/body-walker.ts';
import { isMediaPath } from '#content/forbidden-characters.ts';
import { countWords, readingMinutes, storyText } from '#content/reading-time.ts';
import { teaserOf } from '#content/teaser.ts';
import type { FileStamp } from '../content/load-content.ts';

export type StoryRecord = {
  id: string;
  /** The article file: SHA-256 of its bytes, its size and mtime when last read. */
  file: FileStamp;
  section: string;
  tags: Tag[];
  publishedAt: string;
  /** publishedAt in ms, the sort key (newest first, then id). */
  published: number;
  updatedAt?: string;
  breaking?: true;
  headline: string;
  summary?: string;
  hero?: Image;
  /** Story ids its «اقرأ أيضاً» boxes link to, in order, once each. */
  readAlso: string[];
  /** Its own `related` list, when the article has one. */
  related?: string[];
  /** Local photos it shows (media/…), hero first. */
  media: string[];
  words: number;
};

export function storyRecord(article: Article, file: FileStamp): StoryRecord {
  const record: StoryRecord = {
    id: article.id,
    file,
    section: article.section,
    tags: article.tags ?? [],
    publishedAt: article.publishedAt,
    published: Date.parse(article.publishedAt),
    headline: article.headline,
    readAlso: [...new Set(collectFromBody(article.body, blockReadAlsoIds))],
    media: [...new Set(storyImages(article).map((image) => image.src))].filter(isMediaPath),
    words: countWords(storyText(article)),
  };
  if (article.updatedAt) record.updatedAt = article.updatedAt;
  if (article.breaking) record.breaking = true;
  if (article.summary) record.summary = article.summary;
  if (article.hero) record.hero = article.hero;
  if (article.related) record.related = article.related;
  return record;
}

/** Newest first; the id breaks ties, so every build orders stories the same way. */
export function newestFirst(
  a: Pick<StoryRecord, 'published' | 'id'>,
  b: Pick<StoryRecord, 'published' | 'id'>,
): number {
  return b.published - a.published || a.id.localeCompare(b.id);
}

/** The story's card, as every list, box and saved story shows it (src/content/teaser.ts). */
export function recordTeaser(
  record: StoryRecord,
  section: Section,
  renditions: ReadonlyMap<string, Rendition>,
): Teaser {
  const media: Record<string, Rendition> = {};
  const rendition = record.hero && renditions.get(record.hero.src);
  if (record.hero && rendition) media[record.hero.src] = rendition;
  const article = {
    id: record.id,
    headline: record.headline,
    summary: record.summary,
    publishedAt: record.publishedAt,
    breaking: record.breaking,
    hero: record.hero,
  } as Article;
  return teaserOf({ article, section, readingMinutes: readingMinutes(record.words), media });
}
