import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Image } from '#content/article-schema.ts';
import { rendition } from '#test/factories.ts';
import { visibleText } from '#test/render.tsx';
import { StoryFigure } from './story-figure.tsx';

const IMAGE: Image = {
  src: 'media/photos/port.jpg',
  alt: 'رافعات في ميناء بيروت',
  caption: 'أعمال التأهيل في الرصيف',
  credit: 'Reuters',
};

describe('StoryFigure', () => {
  it('is a figure with the img and a caption holding caption and credit', () => {
    const { container } = render(<StoryFigure image={IMAGE} rendition={rendition('port')} />);
    const figure = screen.getByRole('figure');
    const img = screen.getByRole('img', { name: 'رافعات في ميناء بيروت' });
    expect(figure.contains(img)).toBe(true);
    expect(img.getAttribute('src')).toBe(rendition('port').src);
    const caption = figure.querySelector('figcaption');
    expect(visibleText(caption?.textContent)).toBe('أعمال التأهيل في الرصيف المصدر: Reuters');
    expect(caption?.querySelector('bdi')?.textContent).toBe('Reuters');
    expect(container.querySelectorAll('figure')).toHaveLength(1);
  });

  it('loads every photo lazily (data saver may hold it), the hero at high priority', () => {
    const body = render(<StoryFigure image={IMAGE} rendition={rendition('port')} />);
    expect(body.getByRole('img').getAttribute('loading')).toBe('lazy');
    body.unmount();
    render(<StoryFigure image={IMAGE} rendition={rendition('port')} hero />);
    const img = screen.getByRole('img');
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('fetchpriority')).toBe('high');
  });

  it('shows a remote photo by its own width and height when there is no rendition', () => {
    render(
      <StoryFigure
        image={{ src: 'https://cdn.example.com/p.jpg', alt: 'صورة', width: 800, height: 600 }}
        rendition={undefined}
      />,
    );
    const img = screen.getByRole('img', { name: 'صورة' });
    expect(img.getAttribute('src')).toBe('https://cdn.example.com/p.jpg');
    expect(img.getAttribute('width')).toBe('800');
    expect(img.getAttribute('height')).toBe('600');
  });

  it('renders nothing without a rendition or a known size', () => {
    const { container } = render(<StoryFigure image={IMAGE} rendition={undefined} />);
    expect(container.innerHTML).toBe('');
  });

  it('has no figcaption when there is neither caption nor credit', () => {
    const { container } = render(
      <StoryFigure image={{ src: IMAGE.src, alt: 'صورة' }} rendition={rendition()} />,
    );
    expect(container.querySelector('figcaption')).toBeNull();
  });

  it('shows a credit alone, and a caption alone', () => {
    const credit = render(
      <StoryFigure image={{ ...IMAGE, caption: undefined }} rendition={rendition()} />,
    );
    expect(visibleText(credit.container.querySelector('figcaption')?.textContent)).toBe(
      'المصدر: Reuters',
    );
    credit.unmount();
    const caption = render(
      <StoryFigure image={{ ...IMAGE, credit: undefined }} rendition={rendition()} />,
    );
    const figcaption = caption.container.querySelector('figcaption');
    expect(figcaption?.textContent).toBe('أعمال التأهيل في الرصيف');
    expect(figcaption?.querySelector('bdi')).toBeNull();
  });
});
