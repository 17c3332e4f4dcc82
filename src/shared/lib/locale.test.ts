import { afterEach, describe, expect, it } from 'vitest';
import { arabicLocale, formatNumber, getDigits, setDigits } from './locale.ts';

afterEach(() => setDigits('latn'));

describe('digits setting', () => {
  it('is Western digits by default and can be switched', () => {
    expect(getDigits()).toBe('latn');
    setDigits('arab');
    expect(getDigits()).toBe('arab');
  });
});

describe('arabicLocale', () => {
  it('spells the numbering system explicitly', () => {
    expect(arabicLocale('latn')).toBe('ar-u-nu-latn');
    expect(arabicLocale('arab')).toBe('ar-u-nu-arab');
  });

  it('spells the calendar before the numbering system', () => {
    expect(arabicLocale('latn', 'islamic-umalqura')).toBe('ar-u-ca-islamic-umalqura-nu-latn');
    expect(arabicLocale('arab', 'islamic-umalqura')).toBe('ar-u-ca-islamic-umalqura-nu-arab');
  });

  it('follows the current setting when no digits are given', () => {
    setDigits('arab');
    expect(arabicLocale()).toBe('ar-u-nu-arab');
  });

  it('gives tags Intl accepts as they are', () => {
    expect(Intl.getCanonicalLocales(arabicLocale('arab', 'islamic-umalqura'))).toEqual([
      'ar-u-ca-islamic-umalqura-nu-arab',
    ]);
  });
});

describe('formatNumber', () => {
  it('writes Western digits with Arabic-locale grouping', () => {
    expect(formatNumber(1234.5, 'latn')).toBe('1,234.5');
  });

  it('writes Eastern Arabic digits with the Arabic thousands and decimal separators', () => {
    expect(formatNumber(1234.5, 'arab')).toBe('١٬٢٣٤٫٥');
  });

  it('follows the current setting when no digits are given', () => {
    expect(formatNumber(42)).toBe('42');
    setDigits('arab');
    expect(formatNumber(42)).toBe('٤٢');
  });
});
