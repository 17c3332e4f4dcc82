// A story's page data (`/api/articles/<id>.json`): the article as written, its
// section, reading time, the renditions of its photos, and the cards of the stories
// its «اقرأ أيضاً» boxes and «قصص قد تهمك» show. The rest is made from the story's
// record, the article put in front of it where the article is read (story-files.ts).
import type { Rendition, StoryPayload, Teaser } from '#content/api-schema.ts';
import type { Article, Section } from '#content/article-schema.ts';
import { readingMinutes } from '#content/reading-time.ts';
import type { StoryRecord } from './story-record.ts';

/** A story's page data but its article. */
export type StoryFrame = Omit<StoryPayload, 'article'>;

export function storyFrame(
  record: Pick<StoryRecord, 'words' | 'readAlso' | 'media'>,
  section: Section,
  renditions: ReadonlyMap<string, Rendition>,
  picks: readonly string[],
  teaser: (id: string) => Teaser,
): StoryFrame {
  // The record's photos are the article's local ones, in the order it shows them.
  const media: Record<string, Rendition> = {};
  for (const src of record.media) {
    const rendition = renditions.get(src);
    if (rendition) media[src] = rendition;
  }
  return {
    section,
    readingMinutes: readingMinutes(record.words),
    wordCount: record.words,
    media,
    readAlso: Object.fromEntries(record.readAlso.map((id) => [id, teaser(id)])),
    related: picks.map(teaser),
  };
}

/** The page data: the article first, as every build has written it. */
export const withArticle = (article: Article, frame: StoryFrame): StoryPayload => ({
  article,
  ...frame,
});
