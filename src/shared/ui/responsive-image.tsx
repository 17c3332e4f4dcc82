import type { Rendition } from '#content/api-schema.ts';
import { formatNumber } from '../lib/locale.ts';
import './responsive-image.css';

type Props = {
  rendition: Rendition;
  alt: string;
  /** The `sizes` attribute: how wide the image shows at each viewport. */
  sizes: string;
  /** The largest photo of the page: fetched first (its page preloads it). */
  priority?: boolean;
  className?: string;
};

/**
 * AVIF where the browser takes it, JPEG otherwise; width and height always set so
 * nothing shifts. Every photo is lazy, even the largest: the browser fetches a lazy one
 * only once laid out, so for a reader who saves data src/app/boot/data-saver.js can
 * hold it back first, and show the «عرض الصورة» button beside it instead (hidden
 * otherwise), which loads it on a tap, with or without the app. The page's largest
 * photo is preloaded at high priority instead (unless the reader saves data).
 */
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
      loading="lazy"
      decoding={priority ? 'sync' : 'async'}
      fetchPriority={priority ? 'high' : 'auto'}
    />
  );
  const kb = rendition.smallBytes ? Math.max(1, Math.round(rendition.smallBytes / 1000)) : null;
  return (
    <span className="photo" data-photo="">
      {rendition.avifSrcset ? (
        <picture>
          <source type="image/avif" srcSet={rendition.avifSrcset} sizes={sizes} />
          {img}
        </picture>
      ) : (
        img
      )}
      <button type="button" className="photo__load" data-photo-load="">
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" className="icon">
          <path
            fill="currentColor"
            d="M4 5h3l2-2h6l2 2h3a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm8 3.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9zm0 2a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5z"
          />
        </svg>
        {kb === null ? 'عرض الصورة' : `عرض الصورة (${formatNumber(kb)} كيلوبايت)`}
      </button>
    </span>
  );
}
