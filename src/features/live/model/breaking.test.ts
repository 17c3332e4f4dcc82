import { describe, expect, it } from 'vitest';
import { teaser } from '#test/factories.ts';
import { BREAKING_SHOWN_FOR, breakingToShow } from './breaking.ts';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const story = teaser({ id: 'quake', breaking: true, publishedAt: '2026-11-30T11:50:00Z' });

describe('breakingToShow', () => {
  it('shows a recent breaking story the reader has not seen', () => {
    expect(breakingToShow({ breaking: story }, [], NOW)).toBe(story);
  });

  it('shows nothing once the reader dismissed or followed it', () => {
    expect(breakingToShow({ breaking: story }, ['other', 'quake'], NOW)).toBeNull();
  });

  it('shows nothing for an old breaking story, none at all, or before the first check', () => {
    expect(breakingToShow({ breaking: story }, [], NOW + BREAKING_SHOWN_FOR)).toBeNull();
    expect(breakingToShow({ breaking: null }, [], NOW)).toBeNull();
    expect(breakingToShow(undefined, [], NOW)).toBeNull();
  });
});
