import type { Rendition } from '#content/api-schema.ts';

type Props = {
  rendition: Rendition;
  alt: string;
  /** The `sizes` attribute: how wide the image shows at each viewport. */
  sizes: string;
  /** The hero of a story: fetched first, never lazily. */
  priority?: boolean;
  className?: string;
};

/** AVIF where the browser takes it, JPEG otherwise; width and height always set so nothing shifts. */
export function ResponsiveImage({ rendition, alt, sizes, priority = false, className }: Props) {
  const img = (
    <img
      className={className}
      src={rendition.src}
      srcSet={rendition.srcset}
      sizes={rendition.srcset ? sizes : undefined}
      width={rendition.width}
      height={rendition.height}
      alt={alt}
      loading={priority ? 'eager' : 'lazy'}
      decoding={priority ? 'sync' : 'async'}
      fetchPriority={priority ? 'high' : 'auto'}
    />
  );
  if (!rendition.avifSrcset) return img;
  return (
    <picture>
      <source type="image/avif" srcSet={rendition.avifSrcset} sizes={sizes} />
      {img}
    </picture>
  );
}
