// A story's page data (`/api/articles/<id>.json`): the article as written, its
// section, reading time, the renditions of its photos, and the cards of the stories
// its «اقرأ أيضاً» boxes and «قصص قد تهمك» show.
import type { Rendition, StoryPayload, Teaser } from '#content/api-schema.ts';
import type { Article, Section } from '#content/article-schema.ts';
import { storyImages } from '#content/body-walker.ts';
import { readingMinutes } from '#content/reading-time.ts';
import type { StoryRecord } from './story-record.ts';

export function storyPayload(
  article: Article,
  record: Pick<StoryRecord, 'words' | 'readAlso'>,
  section: Section,
  renditions: ReadonlyMap<string, Rendition>,
  picks: readonly string[],
  teaser: (id: string) => Teaser,
): StoryPayload {
  const media: Record<string, Rendition> = {};
  for (const image of storyImages(article)) {
    const rendition = renditions.get(image.src);
    if (rendition) media[image.src] = rendition;
  }
  return {
    article,
    section,
    readingMinutes: readingMinutes(record.words),
    wordCount: record.words,
    media,
    readAlso: Object.fromEntries(record.readAlso.map((id) => [id, teaser(id)])),
    related: picks.map(teaser),
  };
}
