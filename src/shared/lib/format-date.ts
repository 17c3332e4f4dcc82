import { arabicLocale, type Digits, getDigits } from './locale.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** «27 نوفمبر 2026، 2:30 م» in Arabic, in the reader's time zone. */
export function formatDateTime(iso: string, digits: Digits = getDigits()): string {
  return new Intl.DateTimeFormat(arabicLocale(digits), {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function formatDate(iso: string, digits: Digits = getDigits()): string {
  return new Intl.DateTimeFormat(arabicLocale(digits), { dateStyle: 'long' }).format(new Date(iso));
}

export function formatHijriDate(iso: string, digits: Digits = getDigits()): string {
  return new Intl.DateTimeFormat(arabicLocale(digits, 'islamic-umalqura'), {
    dateStyle: 'long',
  }).format(new Date(iso));
}

/**
 * «قبل ساعتين», «أمس» for stories of the last two days, as ICU words them
 * (with Arabic dual forms); null for older stories, which show their date.
 */
export function formatRelative(
  iso: string,
  now: number,
  digits: Digits = getDigits(),
): string | null {
  const diff = Date.parse(iso) - now;
  const ago = -diff;
  if (ago < 0 || ago >= 2 * DAY) return null;
  const rtf = new Intl.RelativeTimeFormat(arabicLocale(digits), { numeric: 'auto' });
  if (ago < HOUR) return rtf.format(-Math.max(1, Math.round(ago / 60000)), 'minute');
  if (ago < DAY) return rtf.format(-Math.round(ago / HOUR), 'hour');
  return rtf.format(-1, 'day');
}
