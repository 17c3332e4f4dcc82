import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Block } from '#content/article-schema.ts';
import { everyBlockPayload, storyPayload, teaser } from '#test/factories.ts';
import { renderWithProviders, visibleText } from '#test/render.tsx';
import { StoryBody } from './story-body.tsx';

function renderBody(payload = everyBlockPayload()) {
  const view = renderWithProviders(<StoryBody payload={payload} />);
  const body = view.container.querySelector('.story-body') as HTMLElement;
  return { ...view, body };
}

function renderBlocks(...body: Block[]) {
  return renderBody(storyPayload({ article: { body } }));
}

describe('StoryBody', () => {
  it('renders every block in order, each as its own element', () => {
    const { body } = renderBody();
    expect([...body.children].map((el) => el.tagName.toLowerCase())).toEqual([
      'p',
      'h2',
      'figure',
      'blockquote',
      'ol',
      'ul',
      'section',
    ]);
  });

  it('renders a paragraph with its runs', () => {
    const { body } = renderBlocks({
      type: 'paragraph',
      content: ['نص الفقرة ', { text: 'مهم', strong: true }],
    });
    const p = body.querySelector(':scope > p');
    expect(p?.textContent).toBe('نص الفقرة مهم');
    expect(p?.querySelector('strong')?.textContent).toBe('مهم');
  });

  it('renders a heading as an h2, never an h1', () => {
    renderBlocks({ type: 'heading', text: 'عنوان فرعي' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('عنوان فرعي');
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
  });

  it('renders an image block as a figure with caption and credit', () => {
    renderBody();
    const figure = screen.getByRole('figure');
    const img = within(figure).getByRole('img', { name: 'رافعات في ميناء بيروت' });
    expect(img.getAttribute('src')).toBe('/media/photos/port-800.jpg');
    expect(visibleText(figure.querySelector('figcaption')?.textContent)).toBe(
      'أعمال التأهيل في الرصيف المصدر: Reuters',
    );
  });

  it('renders a quote as a blockquote with its cite', () => {
    const { body } = renderBody();
    const quote = body.querySelector('blockquote');
    expect(quote?.querySelector('p')?.textContent).toBe('القاعدة الذهبية أن النص نص.');
    expect(quote?.querySelector('cite')?.textContent).toBe('حسام الدين يوسف');
  });

  it('renders a quote without a cite', () => {
    const { body } = renderBlocks({ type: 'quote', content: ['قول بلا قائل'] });
    const quote = body.querySelector('blockquote');
    expect(quote?.textContent).toBe('قول بلا قائل');
    expect(quote?.querySelector('cite')).toBeNull();
  });

  it('renders ordered and unordered lists with their items', () => {
    renderBody();
    const [ordered, unordered] = screen.getAllByRole('list').filter((l) => !l.closest('section'));
    expect(ordered?.tagName).toBe('OL');
    expect(
      within(ordered as HTMLElement)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['الخطوة الأولى', 'الخطوة الثانية']);
    expect(unordered?.tagName).toBe('UL');
    expect(within(unordered as HTMLElement).getAllByRole('listitem')).toHaveLength(3);
  });

  it('renders read-also as a group named «اقرأ أيضاً» with in-app and external links', () => {
    renderBody();
    const group = screen.getByRole('group', { name: 'اقرأ أيضاً' });
    const links = within(group).getAllByRole('link');
    // The link to a story with no teaser in the payload is left out.
    expect(links).toHaveLength(2);

    const [inApp, external] = links as [HTMLElement, HTMLElement];
    expect(inApp.textContent).toBe('قصة سابقة عن الميناء');
    expect(inApp.getAttribute('href')).toBe('/article/older-story');
    expect(inApp.hasAttribute('target')).toBe(false);

    expect(external.getAttribute('href')).toBe('https://www.who.int/ar/news');
    expect(external.getAttribute('target')).toBe('_blank');
    expect(external.getAttribute('rel')).toBe('noopener noreferrer');
    expect(external.textContent).toContain('منظمة الصحة العالمية');
  });

  it('uses the teaser headline for an in-app read-also link', () => {
    renderBody(
      storyPayload({
        article: { body: [{ type: 'readAlso', items: [{ id: 'older-story' }] }] },
        readAlso: { 'older-story': teaser({ id: 'older-story', headline: 'عنوان من الملخص' }) },
      }),
    );
    const link = screen.getByRole('link', { name: 'عنوان من الملخص' });
    expect(link.getAttribute('href')).toBe('/article/older-story');
  });

  it('drops read-also links with unsafe URLs, and the box when none is left', () => {
    const { body } = renderBody(
      storyPayload({
        article: {
          body: [
            {
              type: 'readAlso',
              items: [{ url: 'javascript:alert(1)', title: 'فخ' }, { id: 'not-in-payload' }],
            },
          ],
        },
        readAlso: { other: teaser({ id: 'other' }) },
      }),
    );
    expect(screen.queryByRole('group')).toBeNull();
    expect(body.querySelector('a')).toBeNull();
    expect(body.textContent).not.toContain('فخ');
  });

  it('leaves out an image block it cannot size', () => {
    const { body } = renderBlocks(
      { type: 'image', image: { src: 'media/photos/unknown.jpg', alt: 'صورة' } },
      { type: 'paragraph', content: ['بعد الصورة'] },
    );
    expect(body.querySelector('figure')).toBeNull();
    expect(body.textContent).toBe('بعد الصورة');
  });
});
