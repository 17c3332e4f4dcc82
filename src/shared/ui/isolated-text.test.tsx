import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { IsolatedText } from './isolated-text.tsx';

function renderText(text: string) {
  const { container } = render(
    <p>
      <IsolatedText text={text} />
    </p>,
  );
  const p = container.querySelector('p') as HTMLParagraphElement;
  return { p, runs: [...p.querySelectorAll('bdi')].map((bdi) => bdi.textContent) };
}

describe('IsolatedText', () => {
  it('returns pure Arabic text as it is, with no bdi', () => {
    const text = 'محادثات في موسكو حول الطاقة';
    const { p, runs } = renderText(text);
    expect(runs).toEqual([]);
    expect(p.textContent).toBe(text);
  });

  it('isolates a Latin product name with its numbers as one run', () => {
    const text = 'أطلقت الشركة iPhone 17 Pro في دبي';
    const { p, runs } = renderText(text);
    expect(runs).toEqual(['iPhone 17 Pro']);
    expect(p.textContent).toBe(text);
  });

  it('isolates every Latin or number run and leaves the Arabic between them untouched', () => {
    const text = 'ارتفع مؤشر S&P 500 بنسبة 3.5% وانتهت المباراة 2-1';
    const { p, runs } = renderText(text);
    expect(runs).toEqual(['S&P 500', '3.5%', '2-1']);
    expect(p.textContent).toBe(text);
    // The Arabic stays as plain text nodes outside the bdi elements.
    const outside = [...p.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent);
    expect(outside).toEqual(['ارتفع مؤشر ', ' بنسبة ', ' وانتهت المباراة ']);
  });

  it('isolates a run at the very start and at the very end', () => {
    const { p, runs } = renderText('NASA تطلق Artemis');
    expect(runs).toEqual(['NASA', 'Artemis']);
    expect(p.textContent).toBe('NASA تطلق Artemis');
  });

  it('isolates a single Latin letter or digit', () => {
    expect(renderText('الفئة 5 من الإعصار').runs).toEqual(['5']);
  });

  it('keeps HTML-looking text as text', () => {
    const { p } = renderText('وسم <b>عريض</b>');
    expect(p.textContent).toBe('وسم <b>عريض</b>');
    expect(p.querySelector('b')).toBeNull();
  });
});
