import { afterEach, describe, expect, it, vi } from 'vitest';
import { teaser } from '#test/factories.ts';
import { BOOKMARK_VERSION, migrateBookmark, readBookmark } from './bookmark-record.ts';

const entry = (overrides: Record<string, unknown> = {}) => ({
  v: BOOKMARK_VERSION,
  id: 'gulf-solar-tender',
  savedAt: 1_764_000_000_000,
  teaser: teaser(),
  ...overrides,
});

describe('bookmark records', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads a current record as it is', () => {
    expect(readBookmark(entry())).toEqual(entry());
    expect(readBookmark(entry({ position: 0.4 }))?.position).toBe(0.4);
  });

  it('migrates a version-0 record (no v, savedAt as an ISO string) to the current version', () => {
    const old = { id: 'gulf-solar-tender', savedAt: '2026-11-20T08:00:00.000Z', teaser: teaser() };
    expect(migrateBookmark(old)).toEqual({
      ...old,
      v: 1,
      savedAt: Date.parse('2026-11-20T08:00:00.000Z'),
    });
    expect(readBookmark(old)).toEqual(entry({ savedAt: Date.parse('2026-11-20T08:00:00.000Z') }));
  });

  it('leaves what is not a record, and a record of an unknown later version, to validation', () => {
    expect(migrateBookmark(null)).toBeNull();
    expect(migrateBookmark('text')).toBe('text');
    expect(migrateBookmark(entry({ v: 9 }))).toEqual(entry({ v: 9 }));
  });

  it.each([
    ['garbage', 'not a record'],
    ['null', null],
    ['an unknown later version', entry({ v: 2 })],
    ['a position past the end', entry({ position: 1.5 })],
    ['a savedAt that is not a time', entry({ savedAt: 'yesterday' })],
    ['a field not in the schema', entry({ html: '<img onerror=alert(1)>' })],
    ['a teaser that is not one', entry({ teaser: { headline: 'بلا معرّف' } })],
  ])('skips %s, and says so in the console', (_, raw) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readBookmark(raw)).toBeNull();
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.slice(0, 2)).toEqual([
      'Skipping an unreadable bookmark record',
      raw,
    ]);
  });
});
