import { afterEach, describe, expect, it } from 'vitest';
import { setDigits } from './locale.ts';
import { minutesLabel, readingTimeLabel } from './reading-time-label.ts';

afterEach(() => setDigits('latn'));

describe('minutesLabel', () => {
  it.each([
    [0, '0 دقيقة'],
    [1, 'دقيقة واحدة'],
    [2, 'دقيقتان'],
    [3, '3 دقائق'],
    [10, '10 دقائق'],
    [11, '11 دقيقة'],
    [99, '99 دقيقة'],
    [100, '100 دقيقة'],
    [101, '101 دقيقة'],
    // 103 is "few" again in Arabic (n % 100 in 3..10): a rule on n alone gets it wrong.
    [103, '103 دقائق'],
    [111, '111 دقيقة'],
  ])('words %i minutes as «%s»', (minutes, expected) => {
    expect(minutesLabel(minutes, 'latn')).toBe(expected);
  });

  it.each([
    [3, '٣ دقائق'],
    [10, '١٠ دقائق'],
    [11, '١١ دقيقة'],
    [100, '١٠٠ دقيقة'],
  ])('writes %i with Eastern Arabic digits as «%s»', (minutes, expected) => {
    expect(minutesLabel(minutes, 'arab')).toBe(expected);
  });

  it('does not put a digit before the one and two forms', () => {
    expect(minutesLabel(1, 'arab')).toBe('دقيقة واحدة');
    expect(minutesLabel(2, 'arab')).toBe('دقيقتان');
  });

  it('follows the app-wide digit setting when none is given', () => {
    expect(minutesLabel(5)).toBe('5 دقائق');
    setDigits('arab');
    expect(minutesLabel(5)).toBe('٥ دقائق');
  });
});

describe('readingTimeLabel', () => {
  it('prefixes the minutes with «مدة القراءة»', () => {
    expect(readingTimeLabel(2, 'latn')).toBe('مدة القراءة: دقيقتان');
    expect(readingTimeLabel(13, 'arab')).toBe('مدة القراءة: ١٣ دقيقة');
  });
});
