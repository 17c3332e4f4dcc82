import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { everyBlockPayload, rendition, storyPayload, teaser } from '#test/factories.ts';
import { renderWithProviders, visibleText } from '#test/render.tsx';
import { StoryView } from './story-view.tsx';

describe('StoryView', () => {
  it('sets lang and dir on the article from an Arabic story', () => {
    renderWithProviders(<StoryView payload={storyPayload()} />);
    const article = screen.getByRole('article');
    expect(article.getAttribute('lang')).toBe('ar');
    expect(article.getAttribute('dir')).toBe('rtl');
  });

  it('sets dir ltr on the article of an English story', () => {
    renderWithProviders(
      <StoryView
        payload={storyPayload({ article: { lang: 'en', headline: 'Talks in Moscow' } })}
      />,
    );
    const article = screen.getByRole('article');
    expect(article.getAttribute('lang')).toBe('en');
    expect(article.getAttribute('dir')).toBe('ltr');
    expect(within(article).getByRole('heading', { level: 1 }).textContent).toBe('Talks in Moscow');
  });

  it('lays out one h1, hero, dateline, body and tags inside the article', () => {
    const payload = everyBlockPayload();
    payload.article.hero = { src: 'media/photos/hero.jpg', alt: 'صورة رئيسية', credit: 'AFP' };
    payload.media['media/photos/hero.jpg'] = rendition('hero');
    payload.article.dateline = 'بيروت';
    payload.article.source = 'قارئ';
    payload.article.tags = [{ id: 'ports', name: 'موانئ' }];
    renderWithProviders(<StoryView payload={payload} />);
    const article = screen.getByRole('article');

    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    const hero = within(article).getByRole('img', { name: 'صورة رئيسية' });
    expect(hero.getAttribute('fetchpriority')).toBe('high');
    expect(hero.closest('figure')).not.toBeNull();
    expect(article.querySelector('.story__dateline')?.textContent).toBe('بيروت - قارئ');
    expect(within(article).getByRole('group', { name: 'اقرأ أيضاً' })).toBeTruthy();
    const tags = within(article).getByRole('navigation', { name: 'تصنيفات' });
    expect(within(tags).getByRole('link').getAttribute('href')).toBe('/tag/ports');
    expect(within(article).getByRole('button', { name: 'مشاركة' })).toBeTruthy();
  });

  it('puts related stories after the article, with the card actions', () => {
    renderWithProviders(
      <StoryView
        payload={storyPayload({ related: [teaser({ id: 'next', headline: 'قصة ذات صلة' })] })}
        actions={
          <button type="button" aria-pressed="false">
            حفظ
          </button>
        }
        renderCardActions={(t) => <button type="button">{`حفظ: ${t.headline}`}</button>}
      />,
    );
    // The related cards are articles too: the story's own is the one holding the h1.
    const article = screen.getByRole('heading', { level: 1 }).closest('article') as HTMLElement;
    const region = screen.getByRole('region', { name: 'قصص قد تهمك' });
    expect(article.contains(region)).toBe(false);
    expect(within(region).getByRole('link', { name: 'قصة ذات صلة' }).getAttribute('href')).toBe(
      '/article/next',
    );
    expect(within(article).getByRole('button', { name: 'حفظ' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    expect(within(region).getByRole('button', { name: 'حفظ: قصة ذات صلة' })).toBeTruthy();
    expect(visibleText(region.textContent)).toContain('قصة ذات صلة');
  });
});
