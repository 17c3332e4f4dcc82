// The card of a story, made from the story itself: the build makes every list's cards
// with it, and the browser makes a saved story's card with it (no network needed).
import type { Rendition, StoryPayload, Teaser } from './api-schema.ts';

export type TeaserSource = Pick<StoryPayload, 'article' | 'section' | 'readingMinutes' | 'media'>;

export function teaserOf({ article, section, readingMinutes, media }: TeaserSource): Teaser {
  const teaser: Teaser = {
    id: article.id,
    headline: article.headline,
    section,
    publishedAt: article.publishedAt,
    readingMinutes,
  };
  if (article.summary) teaser.summary = article.summary;
  if (article.breaking) teaser.breaking = true;
  const image = article.hero && teaserImage(article.hero, media[article.hero.src]);
  if (image) teaser.image = image;
  return teaser;
}

/** A local photo by its renditions; a remote one as written, when it has its size. */
function teaserImage(
  hero: NonNullable<TeaserSource['article']['hero']>,
  rendition: Rendition | undefined,
): Teaser['image'] {
  if (rendition) return { ...rendition, alt: hero.alt };
  const { src, alt, width, height } = hero;
  return width && height ? { src, width, height, alt } : undefined;
}
