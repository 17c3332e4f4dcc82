import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rendition, teaser } from '#test/factories.ts';
import { renderWithProviders, visibleText } from '#test/render.tsx';
import { StoryCard } from './story-card.tsx';

beforeEach(() => {
  // Only the clock is fake, so "now" is known and timers still run.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-27T11:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('StoryCard', () => {
  it('links its headline to the story, inside an h3 by default', () => {
    renderWithProviders(<StoryCard teaser={teaser()} />);
    const heading = screen.getByRole('heading', { level: 3 });
    const link = within(heading).getByRole('link');
    expect(link.textContent).toBe('مناقصة قياسية للطاقة الشمسية في الخليج');
    expect(link.getAttribute('href')).toBe('/article/gulf-solar-tender');
  });

  it('uses an h2 when asked', () => {
    renderWithProviders(<StoryCard teaser={teaser()} level={2} />);
    expect(screen.getByRole('heading', { level: 2 })).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 3 })).toBeNull();
  });

  it('moves to the story inside the app when its link is clicked', async () => {
    const { location } = renderWithProviders(<StoryCard teaser={teaser()} />);
    await userEvent.click(screen.getByRole('link'));
    expect(location().pathname).toBe('/article/gulf-solar-tender');
  });

  it('shows section, summary, reading time and a relative time', () => {
    const { container } = renderWithProviders(<StoryCard teaser={teaser()} />);
    const text = container.textContent ?? '';
    expect(text).toContain('العالم');
    expect(text).toContain('سعر غير مسبوق للكيلوواط ساعة.');
    expect(text).toContain('مدة القراءة: 3 دقائق');
    const time = container.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe('2026-11-27T09:00:00Z');
    expect(visibleText(time?.textContent)).toBe('قبل ساعتين');
  });

  it('marks a breaking story «عاجل», and only a breaking one', () => {
    const { container, unmount } = renderWithProviders(
      <StoryCard teaser={teaser({ breaking: true })} />,
    );
    expect(container.textContent).toContain('عاجل');
    unmount();
    const plain = renderWithProviders(<StoryCard teaser={teaser()} />);
    expect(plain.container.textContent).not.toContain('عاجل');
  });

  it('hides the section when asked and the summary on compact cards', () => {
    const { container } = renderWithProviders(
      <StoryCard teaser={teaser()} variant="compact" showSection={false} />,
    );
    expect(container.textContent).not.toContain('العالم');
    expect(container.textContent).not.toContain('سعر غير مسبوق');
  });

  it('has no img when the teaser has no image', () => {
    const { container } = renderWithProviders(<StoryCard teaser={teaser()} />);
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows the teaser image, at high priority only for the lead card', () => {
    const image = { ...rendition('solar'), alt: 'ألواح شمسية في الصحراء' };
    const lead = renderWithProviders(<StoryCard teaser={teaser({ image })} variant="lead" />);
    const leadImg = lead.getByRole('img', { name: 'ألواح شمسية في الصحراء' });
    expect(leadImg.getAttribute('fetchpriority')).toBe('high');
    lead.unmount();
    renderWithProviders(<StoryCard teaser={teaser({ image })} />);
    expect(screen.getByRole('img').getAttribute('fetchpriority')).toBe('auto');
  });

  it('renders the actions it is given', () => {
    renderWithProviders(
      <StoryCard
        teaser={teaser()}
        actions={
          <button type="button" aria-pressed="false">
            حفظ: مناقصة
          </button>
        }
      />,
    );
    expect(screen.getByRole('button', { name: 'حفظ: مناقصة' })).toBeTruthy();
  });
});
