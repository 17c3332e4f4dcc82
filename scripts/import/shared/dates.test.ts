// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { laterThan, toIsoDate } from './dates.ts';

describe('toIsoDate', () => {
  it('reads RFC 822 dates and keeps their offset', () => {
    expect(toIsoDate('Tue, 14 Oct 2025 09:30:00 +0300')).toBe('2025-10-14T09:30:00+03:00');
    expect(toIsoDate('Tue, 14 Oct 2025 09:30:00 GMT')).toBe('2025-10-14T09:30:00+00:00');
    expect(toIsoDate('14 Oct 25 9:30 EST')).toBe('2025-10-14T09:30:00-05:00');
    expect(toIsoDate('Tue, 14 Oct 2025 09:30:00')).toBe('2025-10-14T09:30:00+00:00');
  });

  it('reads ISO 8601 with or without an offset (none means UTC)', () => {
    expect(toIsoDate('2025-10-14T09:30:00+03:00')).toBe('2025-10-14T09:30:00+03:00');
    expect(toIsoDate('2025-10-14T09:30:00.123Z')).toBe('2025-10-14T09:30:00.123Z');
    expect(toIsoDate('2025-10-14T09:30:00')).toBe('2025-10-14T09:30:00Z');
    expect(toIsoDate('2025-10-14 09:30:00')).toBe('2025-10-14T09:30:00Z');
    expect(toIsoDate('2025-10-14T09:30:00+0300')).toBe('2025-10-14T09:30:00+03:00');
    expect(toIsoDate('2025-10-14')).toBe('2025-10-14T00:00:00Z');
  });

  it('reads epoch milliseconds', () => {
    expect(toIsoDate(1570184527836)).toBe('2019-10-04T10:22:07.836Z');
  });

  it('gives null for what is not a date', () => {
    for (const bad of [
      '0000-00-00 00:00:00',
      'yesterday',
      '',
      '2025-02-30T00:00:00Z',
      NaN,
      -1,
      {},
    ]) {
      expect(toIsoDate(bad)).toBeNull();
    }
  });
});

describe('laterThan', () => {
  it('keeps an update only when it is after the publication', () => {
    expect(laterThan('2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z')).toBe('2025-01-02T00:00:00Z');
    expect(laterThan('2025-01-01T03:00:00+03:00', '2025-01-01T00:00:00Z')).toBeUndefined();
    expect(laterThan('2025-01-01T00:00:00Z', null)).toBeUndefined();
  });
});
