import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Byline } from './byline.tsx';

function renderByline(authors: string[] | undefined) {
  const { container } = render(<Byline authors={authors} />);
  const p = container.querySelector('p');
  return {
    container,
    text: p?.textContent ?? '',
    isolated: [...container.querySelectorAll('bdi')].map((b) => b.textContent),
  };
}

describe('Byline', () => {
  it('joins names with Intl.ListFormat, isolating each', () => {
    const { text, isolated } = renderByline(['أحمد', 'Sara', 'محمد']);
    expect(text).toBe(`بقلم ${new Intl.ListFormat('ar').format(['أحمد', 'Sara', 'محمد'])}`);
    expect(text).toBe('بقلم أحمد وSara ومحمد');
    expect(isolated).toEqual(['أحمد', 'Sara', 'محمد']);
  });

  it('writes a single author with no conjunction', () => {
    const { text, isolated } = renderByline(['نور الهدى بنسعيد']);
    expect(text).toBe('بقلم نور الهدى بنسعيد');
    expect(isolated).toEqual(['نور الهدى بنسعيد']);
  });

  it('joins two names with و', () => {
    expect(renderByline(['أحمد', 'John Smith']).text).toBe('بقلم أحمد وJohn Smith');
  });

  it('renders nothing without authors (the source shows in the dateline)', () => {
    expect(renderByline(undefined).container.innerHTML).toBe('');
    expect(renderByline([]).container.innerHTML).toBe('');
  });
});
