import type { Rendition } from '#content/api-schema.ts';
import type { Image } from '#content/article-schema.ts';
import { ResponsiveImage } from '#shared/ui/responsive-image.tsx';

type Props = { image: Image; rendition: Rendition | undefined; hero?: boolean };

/** How wide the hero shows; the prerender preloads the hero photo with the same sizes. */
export const HERO_SIZES = '(min-width: 52rem) 48rem, 100vw';
const BODY_SIZES = '(min-width: 46rem) 42rem, 100vw';

/** A photo with its caption and credit; remote photos carry their own size. */
export function StoryFigure({ image, rendition, hero = false }: Props) {
  const source =
    rendition ??
    (image.width && image.height
      ? { src: image.src, width: image.width, height: image.height }
      : null);
  if (!source) return null;
  const hasCaption = Boolean(image.caption || image.credit);
  return (
    <figure className={hero ? 'story-figure story-figure--hero' : 'story-figure'}>
      <ResponsiveImage
        rendition={source}
        alt={image.alt}
        sizes={hero ? HERO_SIZES : BODY_SIZES}
        priority={hero}
        className="story-figure__img"
      />
      {hasCaption && (
        <figcaption className="story-figure__caption">
          {image.caption}
          {image.caption && image.credit && ' '}
          {image.credit && (
            <span className="story-figure__credit">
              <span className="visually-hidden">المصدر: </span>
              <bdi>{image.credit}</bdi>
            </span>
          )}
        </figcaption>
      )}
    </figure>
  );
}
