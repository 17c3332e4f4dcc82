import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setDigits, setShowHijri } from '#shared/lib/locale.ts';
import { storyPayload } from '#test/factories.ts';
import { renderWithProviders, visibleText } from '#test/render.tsx';
import { StoryHeader } from './story-header.tsx';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  // Two hours after the default story's publishedAt (10:00+03:00 is 07:00 UTC).
  vi.setSystemTime(new Date('2026-11-27T09:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
  setDigits('latn');
  setShowHijri(false);
});

describe('StoryHeader', () => {
  it('has exactly one h1, the headline', () => {
    renderWithProviders(<StoryHeader payload={storyPayload()} />);
    const headings = screen.getAllByRole('heading', { level: 1 });
    expect(headings).toHaveLength(1);
    expect(headings[0]?.textContent).toBe('محادثات في موسكو حول الطاقة');
  });

  it('isolates Latin runs in the headline', () => {
    renderWithProviders(
      <StoryHeader payload={storyPayload({ article: { headline: 'إطلاق iPhone 17 في دبي' } })} />,
    );
    const h1 = screen.getByRole('heading', { level: 1 });
    expect(h1.querySelector('bdi')?.textContent).toBe('iPhone 17');
  });

  it('shows «عاجل» for a breaking story only', () => {
    const breaking = renderWithProviders(
      <StoryHeader payload={storyPayload({ article: { breaking: true } })} />,
    );
    expect(breaking.container.querySelector('.breaking-label')?.textContent).toBe('عاجل');
    breaking.unmount();
    const { container } = renderWithProviders(<StoryHeader payload={storyPayload()} />);
    expect(container.textContent).not.toContain('عاجل');
  });

  it('shows the reading time with Arabic plural forms', () => {
    const { container, unmount } = renderWithProviders(
      <StoryHeader payload={storyPayload({ readingMinutes: 2 })} />,
    );
    expect(container.querySelector('.story-header__reading-time')?.textContent).toBe(
      'مدة القراءة: دقيقتان',
    );
    unmount();
    const long = renderWithProviders(
      <StoryHeader payload={storyPayload({ readingMinutes: 13 })} />,
    );
    expect(long.container.textContent).toContain('مدة القراءة: 13 دقيقة');
  });

  it('marks the publication time with <time dateTime>', () => {
    const { container } = renderWithProviders(<StoryHeader payload={storyPayload()} />);
    const times = container.querySelectorAll('time');
    expect(times).toHaveLength(1);
    expect(times[0]?.getAttribute('datetime')).toBe('2026-11-27T10:00:00+03:00');
    expect(visibleText(times[0]?.textContent)).toBe('نُشر قبل ساعتين');
  });

  it('adds the update time when there is one', () => {
    const { container } = renderWithProviders(
      <StoryHeader
        payload={storyPayload({ article: { updatedAt: '2026-11-27T11:30:00+03:00' } })}
      />,
    );
    const times = [...container.querySelectorAll('time')];
    expect(times.map((t) => t.getAttribute('datetime'))).toEqual([
      '2026-11-27T10:00:00+03:00',
      '2026-11-27T11:30:00+03:00',
    ]);
    expect(times[1]?.textContent?.startsWith('حُدّث ')).toBe(true);
  });

  it('links the section and shows summary and byline', () => {
    renderWithProviders(
      <StoryHeader
        payload={storyPayload({
          article: { summary: 'ملخص الخبر.', authors: ['سارة أحمد', 'John'] },
        })}
      />,
    );
    expect(screen.getByRole('link', { name: 'العالم' }).getAttribute('href')).toBe(
      '/section/world',
    );
    expect(screen.getByText('ملخص الخبر.')).toBeTruthy();
    expect(screen.getByText(/^بقلم/).textContent).toBe('بقلم سارة أحمد وJohn');
  });

  it('adds the Hijri date and follows the reader’s digits when asked', () => {
    const { container } = renderWithProviders(
      <StoryHeader payload={storyPayload({ readingMinutes: 13 })} />,
    );
    expect(container.querySelector('.story-header__hijri')).toBeNull();
    act(() => {
      setShowHijri(true);
      setDigits('arab');
    });
    const hijri = visibleText(container.querySelector('.story-header__hijri')?.textContent);
    expect(hijri).toMatch(/^الموافق [٠-٩]+ [^\d]+ ١٤٤٨ هـ$/);
    expect(container.textContent).toContain('مدة القراءة: ١٣ دقيقة');
  });
});
