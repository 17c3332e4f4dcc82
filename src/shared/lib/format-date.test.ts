import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { visibleText } from '#test/render.tsx';

type FormatDate = typeof import('./format-date.ts');
let formatDateTime: FormatDate['formatDateTime'];
let formatHijriDate: FormatDate['formatHijriDate'];
let formatRelative: FormatDate['formatRelative'];

// Dates are shown in the reader's time zone: pin one so the hour is known. Formatters are
// cached once made, and test files share a worker's modules: load a fresh copy, whose
// cache is made in the pinned zone.
const originalTz = process.env.TZ;
beforeAll(async () => {
  process.env.TZ = 'Asia/Riyadh';
  vi.resetModules();
  ({ formatDateTime, formatHijriDate, formatRelative } = await import('./format-date.ts'));
});
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

// 14:30 UTC is 17:30 in Riyadh (UTC+3, no daylight saving).
const ISO = '2026-11-27T14:30:00Z';

describe('formatDateTime', () => {
  it('writes the date and time in Arabic with Western digits', () => {
    const text = visibleText(formatDateTime(ISO, 'latn'));
    expect(text).toContain('27 نوفمبر 2026');
    expect(text).toMatch(/5:30 م$/);
    expect(text).not.toMatch(/[٠-٩]/);
  });

  it('writes the date and time with Eastern Arabic digits', () => {
    const text = visibleText(formatDateTime(ISO, 'arab'));
    expect(text).toContain('٢٧ نوفمبر ٢٠٢٦');
    expect(text).toMatch(/٥:٣٠ م$/);
    expect(text).not.toMatch(/[0-9]/);
  });

  it('shows the time in the reader’s zone, not in UTC', () => {
    expect(visibleText(formatDateTime('2026-11-27T22:00:00Z', 'latn'))).toContain('28 نوفمبر 2026');
  });
});

describe('formatHijriDate', () => {
  it('writes the Umm al-Qura date with the era', () => {
    expect(visibleText(formatHijriDate(ISO, 'latn'))).toBe('17 جمادى الآخرة 1448 هـ');
    expect(visibleText(formatHijriDate(ISO, 'arab'))).toBe('١٧ جمادى الآخرة ١٤٤٨ هـ');
  });
});

describe('formatRelative', () => {
  const NOW = Date.parse('2026-11-27T12:00:00Z');
  const ago = (ms: number) => new Date(NOW - ms).toISOString();
  const MINUTE = 60_000;
  const HOUR = 60 * MINUTE;
  const DAY = 24 * HOUR;

  it('uses the Arabic dual for two hours', () => {
    expect(visibleText(formatRelative(ago(2 * HOUR), NOW, 'latn'))).toBe('قبل ساعتين');
  });

  it('counts hours and minutes with the right plural forms', () => {
    expect(visibleText(formatRelative(ago(3 * HOUR), NOW, 'latn'))).toBe('قبل 3 ساعات');
    expect(visibleText(formatRelative(ago(5 * MINUTE), NOW, 'latn'))).toBe('قبل 5 دقائق');
    expect(visibleText(formatRelative(ago(1 * HOUR), NOW, 'latn'))).toBe('قبل ساعة واحدة');
  });

  it('says at least one minute for a story published seconds ago', () => {
    expect(visibleText(formatRelative(ago(10_000), NOW, 'latn'))).toBe('قبل دقيقة واحدة');
    expect(visibleText(formatRelative(ago(0), NOW, 'latn'))).toBe('قبل دقيقة واحدة');
  });

  it('says «أمس» for the previous calendar day in the reader’s time zone', () => {
    // NOW is 15:00 on 27 November in Riyadh.
    expect(formatRelative(ago(DAY), NOW, 'latn')).toBe('أمس');
    expect(formatRelative(ago(30 * HOUR), NOW, 'latn')).toBe('أمس');
    expect(formatRelative(ago(38 * HOUR), NOW, 'latn')).toBe('أمس'); // 26 Nov, 01:00
    expect(formatRelative(ago(40 * HOUR), NOW, 'latn')).toBeNull(); // 25 Nov, 23:00
    expect(formatRelative(ago(2 * DAY - 1), NOW, 'latn')).toBeNull();
  });

  it('rounds down, so 59.6 minutes is not «60 minutes»', () => {
    expect(visibleText(formatRelative(ago(59.6 * MINUTE), NOW, 'latn'))).toBe('قبل 59 دقيقة');
    expect(visibleText(formatRelative(ago(23.6 * HOUR), NOW, 'latn'))).toBe('قبل 23 ساعة');
  });

  it('writes Eastern Arabic digits when asked', () => {
    expect(visibleText(formatRelative(ago(3 * HOUR), NOW, 'arab'))).toBe('قبل ٣ ساعات');
  });

  it('is null for stories two days old or older', () => {
    expect(formatRelative(ago(2 * DAY), NOW, 'latn')).toBeNull();
    expect(formatRelative(ago(10 * DAY), NOW, 'latn')).toBeNull();
  });

  it('is null for a date in the future', () => {
    expect(formatRelative(new Date(NOW + MINUTE).toISOString(), NOW, 'latn')).toBeNull();
  });

  it('reads the offset of the ISO string', () => {
    // 14:00 in Riyadh is 11:00 UTC: one hour before NOW.
    expect(visibleText(formatRelative('2026-11-27T14:00:00+03:00', NOW, 'latn'))).toBe(
      'قبل ساعة واحدة',
    );
  });
});
