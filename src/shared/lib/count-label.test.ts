import { describe, expect, it } from 'vitest';
import { countLabel, STORY_FORMS } from './count-label.ts';

describe('countLabel with STORY_FORMS', () => {
  it.each([
    [0, 'لا قصص'],
    [1, 'قصة واحدة'],
    [2, 'قصتان'],
    [3, '3 قصص'],
    [10, '10 قصص'],
    [11, '11 قصة'],
    [99, '99 قصة'],
    [100, '100 قصة'],
    [102, '102 قصة'],
    [105, '105 قصص'],
  ])('counts %i as «%s»', (count, expected) => {
    expect(countLabel(count, STORY_FORMS, 'latn')).toBe(expected);
  });

  it('writes the number with Eastern Arabic digits and grouping when asked', () => {
    expect(countLabel(7, STORY_FORMS, 'arab')).toBe('٧ قصص');
    expect(countLabel(1200, STORY_FORMS, 'arab')).toBe('١٬٢٠٠ قصة');
    expect(countLabel(1200, STORY_FORMS, 'latn')).toBe('1,200 قصة');
  });
});

describe('countLabel with other forms', () => {
  const RESULTS = {
    zero: 'لا نتائج',
    one: 'نتيجة واحدة',
    two: 'نتيجتان',
    few: '{n} نتائج',
    many: '{n} نتيجة',
    other: '{n} نتيجة',
  };

  it('uses the form of the plural category of the count', () => {
    expect(countLabel(0, RESULTS, 'latn')).toBe('لا نتائج');
    expect(countLabel(2, RESULTS, 'latn')).toBe('نتيجتان');
    expect(countLabel(4, RESULTS, 'latn')).toBe('4 نتائج');
    expect(countLabel(25, RESULTS, 'latn')).toBe('25 نتيجة');
  });
});
