import { dateTimeFormat, relativeTimeFormat } from './intl-cache.ts';
import { arabicLocale, type Digits, getDigits } from './locale.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * The newsroom's time zone: prerendered HTML is written in it (the build machine's own
 * zone would differ from the reader's and break hydration); after hydration dates
 * switch to the reader's zone.
 */
export const SITE_TIME_ZONE = 'Asia/Riyadh';

/** «27 نوفمبر 2026، 2:30 م» in Arabic, in the reader's time zone unless one is given. */
export function formatDateTime(
  iso: string,
  digits: Digits = getDigits(),
  timeZone?: string,
): string {
  return dateTimeFormat(arabicLocale(digits), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

export function formatHijriDate(iso: string, digits: Digits = getDigits()): string {
  return dateTimeFormat(arabicLocale(digits, 'islamic-umalqura'), { dateStyle: 'long' }).format(
    new Date(iso),
  );
}

const localDay = (time: number) => {
  const date = new Date(time);
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
};

/**
 * «قبل ساعتين», «أمس» for stories of the last day or so, as ICU words them (with
 * Arabic dual forms); null for older stories and future dates, which show their date.
 */
export function formatRelative(
  iso: string,
  now: number,
  digits: Digits = getDigits(),
): string | null {
  const time = Date.parse(iso);
  const ago = now - time;
  if (ago < 0) return null;
  const rtf = relativeTimeFormat(arabicLocale(digits), { numeric: 'auto' });
  if (ago < HOUR) return rtf.format(-Math.max(1, Math.floor(ago / 60000)), 'minute');
  if (ago < DAY) return rtf.format(-Math.floor(ago / HOUR), 'hour');
  // «أمس» by the reader's calendar, not by 24-hour spans.
  return localDay(now) - localDay(time) === DAY ? rtf.format(-1, 'day') : null;
}
