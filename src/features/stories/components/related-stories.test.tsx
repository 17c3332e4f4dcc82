import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { teaser } from '#test/factories.ts';
import { renderWithProviders } from '#test/render.tsx';
import { RelatedStories } from './related-stories.tsx';

const TEASERS = [
  teaser({ id: 'first-story', headline: 'القصة الأولى' }),
  teaser({ id: 'second-story', headline: 'القصة الثانية' }),
];

describe('RelatedStories', () => {
  it('is a region named «قصص قد تهمك» holding a link to each story', () => {
    renderWithProviders(<RelatedStories teasers={TEASERS} />);
    const region = screen.getByRole('region', { name: 'قصص قد تهمك' });
    const links = within(region).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['القصة الأولى', '/article/first-story'],
      ['القصة الثانية', '/article/second-story'],
    ]);
  });

  it('renders each card’s actions', () => {
    renderWithProviders(
      <RelatedStories
        teasers={TEASERS}
        renderActions={(t) => (
          <button type="button" aria-pressed="false">
            {`حفظ: ${t.headline}`}
          </button>
        )}
      />,
    );
    expect(screen.getByRole('button', { name: 'حفظ: القصة الأولى' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'حفظ: القصة الثانية' })).toBeTruthy();
  });

  it('renders nothing when there are no related stories', () => {
    const { container } = renderWithProviders(<RelatedStories teasers={[]} />);
    expect(container.innerHTML).toBe('');
    expect(screen.queryByRole('region')).toBeNull();
  });
});
