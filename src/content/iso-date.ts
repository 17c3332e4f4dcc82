// ISO 8601 date-time with an explicit offset (Z or ±hh:mm), and a real calendar date.
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

export function isIsoDateTimeWithOffset(value: string): boolean {
  const m = ISO_WITH_OFFSET.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s = '0', , oh = '0', om = '0'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    Number(h) <= 23 &&
    Number(mi) <= 59 &&
    Number(s) <= 59 &&
    Number(oh) <= 14 &&
    Number(om) <= 59 &&
    !Number.isNaN(Date.parse(value))
  );
}

/** The UTC month of a time in ms (`2026-11`): a story's month in the sitemaps and in a publish's state. */
export const utcMonth = (ms: number): string => new Date(ms).toISOString().slice(0, 7);
