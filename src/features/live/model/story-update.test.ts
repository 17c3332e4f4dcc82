import { describe, expect, it } from 'vitest';
import { storyPayload, teaser } from '#test/factories.ts';
import { isStoryUpdated, updateTime } from './story-update.ts';

const shown = storyPayload({ article: { updatedAt: '2026-11-27T11:00:00+03:00' } });

describe('isStoryUpdated', () => {
  it('is false for the same story, even when its related teasers changed', () => {
    expect(isStoryUpdated(shown, storyPayload(shown))).toBe(false);
    expect(isStoryUpdated(shown, { ...shown, related: [teaser({ id: 'new' })] })).toBe(false);
  });

  it('is true when the text or the time of update changed', () => {
    const edited = storyPayload({
      article: {
        updatedAt: '2026-11-27T12:00:00+03:00',
        body: [{ type: 'paragraph', content: ['فقرة مصححة.'] }],
      },
    });
    expect(isStoryUpdated(shown, edited)).toBe(true);
    expect(
      isStoryUpdated(storyPayload(), storyPayload({ article: { headline: 'عنوان آخر' } })),
    ).toBe(true);
  });

  it('is false for an older version (a cache behind the page)', () => {
    const older = storyPayload({
      article: { updatedAt: '2026-11-27T10:30:00+03:00', headline: 'عنوان قديم' },
    });
    expect(isStoryUpdated(shown, older)).toBe(false);
  });
});

describe('updateTime', () => {
  it('is the story’s updatedAt, else when the page found the change', () => {
    expect(updateTime(shown, 0)).toBe('2026-11-27T11:00:00+03:00');
    const found = Date.parse('2026-11-30T12:00:00Z');
    expect(updateTime(storyPayload(), found)).toBe('2026-11-30T12:00:00.000Z');
  });
});
