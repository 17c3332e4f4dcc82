import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '#test/render.tsx';
import { NotFoundView } from './not-found-view.tsx';

describe('NotFoundView', () => {
  it('has one h1 containing «غير موجودة»', () => {
    renderWithProviders(<NotFoundView />);
    const headings = screen.getAllByRole('heading', { level: 1 });
    expect(headings).toHaveLength(1);
    expect(headings[0]?.textContent).toBe('الصفحة غير موجودة');
  });

  it('names what is missing', () => {
    renderWithProviders(<NotFoundView what="القصة" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('القصة غير موجودة');
  });

  it('says it is no longer available (a withdrawn story is a 404 like any other)', () => {
    renderWithProviders(<NotFoundView what="القصة" />);
    expect(screen.getByText(/لم تعد متاحة/)).toBeTruthy();
  });

  it('sets the document title', () => {
    renderWithProviders(<NotFoundView what="القسم" />);
    expect(document.title).toContain('القسم غير موجودة');
  });

  it('links home with a client-side move', async () => {
    const { location } = renderWithProviders(<NotFoundView />, { route: '/article/nope' });
    const link = screen.getByRole('link', { name: 'العودة إلى الصفحة الرئيسية' });
    expect(link.getAttribute('href')).toBe('/');
    await userEvent.click(link);
    expect(location().pathname).toBe('/');
  });
});
