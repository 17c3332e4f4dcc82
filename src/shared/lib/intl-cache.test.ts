import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat, relativeTimeFormat } from './intl-cache.ts';

describe('shared Intl formatters', () => {
  it('makes one formatter per locale and options, and formats as a fresh one does', () => {
    const options = { dateStyle: 'long', timeZone: 'Asia/Riyadh' } as const;
    expect(dateTimeFormat('ar-u-nu-latn', options)).toBe(
      dateTimeFormat('ar-u-nu-latn', { ...options }),
    );
    expect(dateTimeFormat('ar-u-nu-arab', options)).not.toBe(
      dateTimeFormat('ar-u-nu-latn', options),
    );
    expect(dateTimeFormat('ar-u-nu-latn', { dateStyle: 'short' })).not.toBe(
      dateTimeFormat('ar-u-nu-latn', options),
    );
    const date = new Date('2026-11-27T11:30:00Z');
    expect(dateTimeFormat('ar-u-nu-latn', options).format(date)).toBe(
      new Intl.DateTimeFormat('ar-u-nu-latn', options).format(date),
    );
    expect(relativeTimeFormat('ar', { numeric: 'auto' })).toBe(
      relativeTimeFormat('ar', { numeric: 'auto' }),
    );
    expect(numberFormat('ar-u-nu-arab').format(12)).toBe('١٢');
  });
});
