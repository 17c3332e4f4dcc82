import { describe, expect, it } from 'vitest';
import { teaserOf } from '#content/teaser.ts';
import { storyPayload } from '#test/factories.ts';
import {
  bookmarkFileContent,
  MAX_CLOCK_SKEW_MS,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ENTRIES,
  parseBookmarkFile,
} from './bookmark-file.ts';

const story = (id: string) => storyPayload({ article: { id, headline: `قصة ${id}` } });
const file = (bookmarks: unknown[], overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'qari-bookmarks',
    version: 1,
    exportedAt: '2026-11-29T08:00:00.000Z',
    bookmarks,
    ...overrides,
  });
const rejected = (text: string, size?: number) => {
  const result = parseBookmarkFile(text, size);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.reason;
};

describe('bookmark files', () => {
  it('an exported file imports as the same bookmarks, teasers made from the stories', () => {
    const entries = [
      { savedAt: 2_000, story: story('second') },
      { savedAt: 1_000, story: story('first') },
    ];
    const text = bookmarkFileContent(entries, new Date('2026-11-29T08:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({
      format: 'qari-bookmarks',
      version: 1,
      exportedAt: '2026-11-29T08:00:00.000Z',
    });
    const result = parseBookmarkFile(text);
    expect(result).toEqual({
      ok: true,
      bookmarks: entries.map(({ savedAt, story: payload }) => ({
        savedAt,
        payload,
        teaser: teaserOf(payload),
      })),
    });
  });

  it('keeps one bookmark per story, the later save, when a file lists one twice', () => {
    const result = parseBookmarkFile(
      file([
        { savedAt: 1_000, story: story('twice') },
        { savedAt: 3_000, story: story('twice') },
        { savedAt: 2_000, story: story('twice') },
      ]),
    );
    expect(result.ok && result.bookmarks.map((b) => [b.teaser.id, b.savedAt])).toEqual([
      ['twice', 3_000],
    ]);
  });

  it('refuses a file over the size limit before reading it', () => {
    expect(rejected('{}', MAX_IMPORT_BYTES + 1)).toBe('الملف أكبر من الحد المسموح (20 ميغابايت).');
  });

  it('refuses what is not JSON', () => {
    expect(rejected('{"format": "qari-bookmarks", ')).toBe('الملف ليس بصيغة JSON صالحة.');
  });

  it.each([
    ['another format', file([], { format: 'pocket-export' }), 'format'],
    ['a later version', file([], { version: 2 }), 'version'],
    ['wrong types', file([{ savedAt: 'yesterday', story: story('a') }]), 'bookmarks.0.savedAt'],
    [
      'a story that is not one',
      file([{ savedAt: 1, story: { id: 'x' } }]),
      'bookmarks.0.story.article',
    ],
    [
      'a javascript: link inside a story',
      file([
        {
          savedAt: 1,
          story: storyPayload({
            article: {
              body: [
                { type: 'paragraph', content: [{ text: 'اضغط', href: 'javascript:alert(1)' }] },
              ],
            },
          }),
        },
      ]),
      'bookmarks.0.story.article.body.0.content.0.href',
    ],
    ['an unknown field', file([], { script: '<script>alert(1)</script>' }), 'script'],
  ])('refuses a file with %s, saying where', (_, text, where) => {
    expect(rejected(text)).toBe(`الملف ليس ملف محفوظات صالحاً من قارئ (الموضع: ${where}).`);
  });

  it(`refuses more than ${MAX_IMPORT_ENTRIES} bookmarks`, () => {
    const one = { savedAt: 1, story: story('many') };
    const reason = rejected(file(Array.from({ length: MAX_IMPORT_ENTRIES + 1 }, () => one)));
    expect(reason).toBe('الملف ليس ملف محفوظات صالحاً من قارئ (الموضع: bookmarks).');
  });

  it('accepts a save time up to a minute ahead of this clock (another device’s may run fast)', () => {
    const now = Date.parse('2026-11-29T08:00:00Z');
    const result = parseBookmarkFile(
      file([{ savedAt: now + MAX_CLOCK_SKEW_MS, story: story('skewed') }]),
      undefined,
      now,
    );
    expect(result.ok && result.bookmarks.map((b) => b.savedAt)).toEqual([now + MAX_CLOCK_SKEW_MS]);
  });

  it.each([
    ['later than a minute from now', (now: number) => now + MAX_CLOCK_SKEW_MS + 1],
    ['far in the future, above every later save', () => 1e300],
  ])('refuses a save time %s, saying where', (_, savedAt) => {
    const now = Date.parse('2026-11-29T08:00:00Z');
    const text = file([
      { savedAt: now - 1_000, story: story('fine') },
      { savedAt: savedAt(now), story: story('future') },
    ]);
    const result = parseBookmarkFile(text, undefined, now);
    expect(result).toEqual({
      ok: false,
      reason: 'الملف ليس ملف محفوظات صالحاً من قارئ (الموضع: bookmarks.1.savedAt).',
    });
  });
});
