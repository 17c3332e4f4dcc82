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

  it('loads lazily, even a priority image (its page preloads it), with its fetch priority', () => {
    const { img } = renderImage();
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('fetchpriority')).not.toBe('high');
    const hero = renderImage({ priority: true }).img;
    expect(hero.getAttribute('loading')).toBe('lazy');
    expect(hero.getAttribute('fetchpriority')).toBe('high');
  });

  it('carries a «عرض الصورة» button with the size of its smallest copy, for a reader saving data', () => {
    const { container } = renderImage({ rendition: rendition('port', { smallBytes: 17_400 }) });
    const photo = container.querySelector('[data-photo]');
    const button = photo?.querySelector('button[data-photo-load]');
    expect(photo?.firstElementChild?.localName).toBe('picture');
    expect(button?.getAttribute('type')).toBe('button');
    expect(button?.textContent).toBe('عرض الصورة (17 كيلوبايت)');
    const remote = renderImage({
      rendition: { src: 'https://cdn.example.com/p.jpg', width: 800, height: 600 },
    });
    expect(remote.container.querySelector('button')?.textContent).toBe('عرض الصورة');
  });

  it('passes its class name to the img', () => {
    expect(renderImage({ className: 'story-figure__img' }).img.className).toBe('story-figure__img');
  });
});
