// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isIsoDateTimeWithOffset, utcMonth } from './iso-date.ts';

describe('isIsoDateTimeWithOffset', () => {
  it.each([
    '2026-03-01T10:00:00Z',
    '2026-03-01T10:00Z',
    '2026-03-01T10:00:00+03:00',
    '2026-03-01T10:00:00-05:30',
    '2026-03-01T10:00:00.5Z',
    '2026-03-01T10:00:00.123456789+14:00',
    '2024-02-29T23:59:59Z',
    '2026-12-31T00:00:00Z',
  ])('accepts %j', (value) => {
    expect(isIsoDateTimeWithOffset(value)).toBe(true);
  });

  it.each([
    ['no offset', '2026-03-01T10:00:00'],
    ['date only', '2026-03-01'],
    ['space separator', '2026-03-01 10:00:00Z'],
    ['lower-case t', '2026-03-01t10:00:00Z'],
    ['February 30', '2026-02-30T10:00:00Z'],
    ['February 29 of a common year', '2025-02-29T10:00:00Z'],
    ['April 31', '2026-04-31T10:00:00Z'],
    ['month 13', '2026-13-01T10:00:00Z'],
    ['month 0', '2026-00-10T10:00:00Z'],
    ['day 0', '2026-01-00T10:00:00Z'],
    ['hour 24', '2026-03-01T24:00:00Z'],
    ['minute 60', '2026-03-01T10:60:00Z'],
    ['second 60', '2026-03-01T10:00:60Z'],
    ['offset without colon', '2026-03-01T10:00:00+0300'],
    ['offset hour 15', '2026-03-01T10:00:00+15:00'],
    ['offset minute 60', '2026-03-01T10:00:00+03:60'],
    ['short year', '26-03-01T10:00:00Z'],
    ['trailing text', '2026-03-01T10:00:00Z junk'],
    ['empty', ''],
  ])('rejects %s (%j)', (_why, value) => {
    expect(isIsoDateTimeWithOffset(value)).toBe(false);
  });
});

describe('utcMonth', () => {
  it('gives the month toISOString writes, at month, year and century edges', () => {
    const times = [
      0,
      -1,
      Date.UTC(2026, 10, 30, 23, 59, 59, 999),
      Date.UTC(2026, 11, 1),
      Date.UTC(2000, 1, 29, 12),
      Date.UTC(1900, 2, 1) - 1,
      Date.UTC(2100, 1, 28, 23, 59),
      Date.UTC(9999, 11, 31, 23, 59, 59),
      Date.UTC(10000, 0, 1),
      -62_198_755_200_000, // 0000-01-01T00:00Z
      -62_198_755_200_001, // a millisecond before: year -1
    ];
    // And a spread of times over the years stories are dated in.
    for (let ms = Date.UTC(1950, 0, 1); ms < Date.UTC(2100, 0, 1); ms += 7_654_321_987)
      times.push(ms);
    for (const ms of times)
      expect(utcMonth(ms), String(ms)).toBe(new Date(ms).toISOString().slice(0, 7));
  });
});
