import { act, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  arabicLocale,
  formatNumber,
  getDigits,
  getShowHijri,
  setDigits,
  setShowHijri,
  subscribeLocale,
  useDigits,
  useShowHijri,
} from './locale.ts';

afterEach(() => setDigits('latn'));

function Probe() {
  return createElement('p', null, `${formatNumber(12, useDigits())} ${useShowHijri()}`);
}

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

describe('the locale store', () => {
  afterEach(() => setShowHijri(false));

  it('tells subscribers when digits or the Hijri setting change, and only then', () => {
    const listener = vi.fn();
    const stop = subscribeLocale(listener);
    setDigits('latn');
    expect(listener).not.toHaveBeenCalled();
    setDigits('arab');
    setShowHijri(true);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(getShowHijri()).toBe(true);
    stop();
    setDigits('latn');
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('re-renders components that read it', () => {
    render(createElement(Probe));
    expect(screen.getByText('12 false')).toBeTruthy();
    act(() => {
      setDigits('arab');
      setShowHijri(true);
    });
    expect(screen.getByText('١٢ true')).toBeTruthy();
  });

  it('renders the defaults on the server, whatever the reader chose, so hydration matches', () => {
    setDigits('arab');
    setShowHijri(true);
    expect(renderToString(createElement(Probe))).toBe('<p>12 false</p>');
  });
});
