import { describe, expect, it } from 'vitest';
import { directionOf } from './text-direction.ts';

describe('directionOf', () => {
  it.each(['ar', 'ar-EG', 'AR', 'fa', 'fa-IR', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv'])(
    'reads %j right to left',
    (lang) => {
      expect(directionOf(lang)).toBe('rtl');
    },
  );

  it.each(['en', 'en-GB', 'fr', 'tr', 'de-CH', 'arn', 'hi', ''])(
    'reads %j left to right',
    (lang) => {
      expect(directionOf(lang)).toBe('ltr');
    },
  );
});
