import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '#test/render.tsx';
import { TagNav } from './tag-nav.tsx';

describe('TagNav', () => {
  it('is a navigation named «تصنيفات» with a link to each tag page', () => {
    renderWithProviders(
      <TagNav
        tags={[
          { id: 'energy', name: 'طاقة' },
          { id: 'تطوير-الويب', name: 'تطوير الويب' },
        ]}
      />,
    );
    const nav = screen.getByRole('navigation', { name: 'تصنيفات' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(['طاقة', 'تطوير الويب']);
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/tag/energy',
      `/tag/${encodeURIComponent('تطوير-الويب')}`,
    ]);
  });

  it('renders nothing without tags', () => {
    const none = renderWithProviders(<TagNav tags={undefined} />);
    expect(none.container.innerHTML).toBe('');
    none.unmount();
    const empty = renderWithProviders(<TagNav tags={[]} />);
    expect(empty.container.innerHTML).toBe('');
  });
});
