import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { rendition } from '#test/factories.ts';
import { ResponsiveImage } from './responsive-image.tsx';

const SIZES = '(min-width: 46rem) 42rem, 100vw';

function renderImage(props: Partial<Parameters<typeof ResponsiveImage>[0]> = {}) {
  const { container } = render(
    <ResponsiveImage
      rendition={rendition('port')}
      alt="رافعات في الميناء"
      sizes={SIZES}
      {...props}
    />,
  );
  const img = container.querySelector('img') as HTMLImageElement;
  return { container, img };
}

describe('ResponsiveImage', () => {
  it('offers AVIF in a picture source before the JPEG img', () => {
    const { container, img } = renderImage();
    const picture = container.querySelector('picture');
    expect(picture).not.toBeNull();
    const source = picture?.querySelector('source');
    expect(source?.getAttribute('type')).toBe('image/avif');
    expect(source?.getAttribute('srcset')).toBe(rendition('port').avifSrcset);
    expect(source?.getAttribute('sizes')).toBe(SIZES);
    expect(img.parentElement).toBe(picture);
    expect(picture?.firstElementChild).toBe(source);
  });

  it('gives the img its src, srcset, sizes, alt, width and height', () => {
    const { img } = renderImage();
    const r = rendition('port');
    expect(img.getAttribute('src')).toBe(r.src);
    expect(img.getAttribute('srcset')).toBe(r.srcset);
    expect(img.getAttribute('sizes')).toBe(SIZES);
    expect(img.getAttribute('alt')).toBe('رافعات في الميناء');
    expect(img.getAttribute('width')).toBe('1600');
    expect(img.getAttribute('height')).toBe('1000');
  });

  it('is a plain img when there is no AVIF rendition', () => {
    const { container, img } = renderImage({
      rendition: rendition('port', { avifSrcset: undefined }),
    });
    expect(container.querySelector('picture')).toBeNull();
    expect(container.querySelector('source')).toBeNull();
    expect(img.getAttribute('srcset')).toBe(rendition('port').srcset);
  });

  it('leaves out sizes when the img has no srcset', () => {
    const { img } = renderImage({
      rendition: { src: 'https://cdn.example.com/p.jpg', width: 800, height: 600 },
    });
    expect(img.getAttribute('src')).toBe('https://cdn.example.com/p.jpg');
    expect(img.hasAttribute('srcset')).toBe(false);
    expect(img.hasAttribute('sizes')).toBe(false);
    expect(img.getAttribute('width')).toBe('800');
    expect(img.getAttribute('height')).toBe('600');
  });

  it('loads lazily by default', () => {
    const { img } = renderImage();
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('fetchpriority')).not.toBe('high');
  });

  it('loads a priority image eagerly with high fetch priority', () => {
    const { img } = renderImage({ priority: true });
    expect(img.getAttribute('loading')).toBe('eager');
    expect(img.getAttribute('fetchpriority')).toBe('high');
  });

  it('passes its class name to the img', () => {
    expect(renderImage({ className: 'story-figure__img' }).img.className).toBe('story-figure__img');
  });
});
