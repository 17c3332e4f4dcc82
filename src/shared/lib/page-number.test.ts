import { describe, expect, it } from 'vitest';
import { pageNumber } from './page-number.ts';

describe('pageNumber', () => {
  it('is 1 when the parameter is absent or empty', () => {
    expect(pageNumber(null)).toBe(1);
    expect(pageNumber('')).toBe(1);
  });

  it.each([
    ['1', 1],
    ['2', 2],
    ['20', 20],
    ['999999', 999999],
  ])('reads %j as page %i', (param, page) => {
    expect(pageNumber(param)).toBe(page);
  });

  it.each([
    '0',
    '000',
    '-1',
    '+2',
    '1.5',
    '1e3',
    '0x10',
    'abc',
    ' 2',
    '2 ',
    '٢',
    '1234567',
    'Infinity',
  ])('rejects %j', (param) => {
    expect(pageNumber(param)).toBeNull();
  });
});
