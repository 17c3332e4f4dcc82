import type { StoryPayload, Teaser } from '../../../content/api-schema.ts';

/** The card of a saved story, made from the story itself (saved stories need no network). */
export function teaserOf(payload: StoryPayload): Teaser {
  const { article, section, readingMinutes } = payload;
  const teaser: Teaser = {
    id: article.id,
    headline: article.headline,
    section,
    publishedAt: article.publishedAt,
    readingMinutes,
  };
  if (article.summary) teaser.summary = article.summary;
  if (article.breaking) teaser.breaking = true;
  const hero = article.hero;
  const rendition = hero && payload.media[hero.src];
  if (hero && rendition) teaser.image = { ...rendition, alt: hero.alt };
  return teaser;
}
