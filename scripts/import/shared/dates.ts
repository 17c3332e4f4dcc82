// Source dates to ISO 8601 with an offset (CONTRACT §2), keeping the source's own offset
// where it gives one: RFC 822 (RSS pubDate), ISO 8601 (Atom, JSON Feed, ANS, W3C dc:date),
// WordPress GMT stamps without an offset, and epoch milliseconds (Optimo).
import { isIsoDateTimeWithOffset } from '#content/iso-date.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, string> = {
  z: '+00:00',
  ut: '+00:00',
  utc: '+00:00',
  gmt: '+00:00',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
};
const RFC822 =
  /^(?:[a-z]+,?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{2}:?\d{2}|[a-z]{1,5})?$/i;
const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

const pad = (n: number | string, width = 2) => String(n).padStart(width, '0');

function offsetOf(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  const named = ZONES[zone.toLowerCase()];
  if (named) return named;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  return m ? `${m[1]}${m[2]}:${m[3]}` : undefined;
}

function checked(iso: string): string | null {
  return isIsoDateTimeWithOffset(iso) ? iso : null;
}

/**
 * `value` as ISO 8601 with an offset, or null when it is not a date. A string without an
 * offset is read as UTC (WordPress `date_gmt`, `post_date_gmt`); a number is epoch ms.
 */
export function toIsoDate(value: unknown): string | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return null;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : checked(date.toISOString());
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text || text.startsWith('0000-00-00')) return null;
  const iso = ISO_LIKE.exec(text);
  if (iso) {
    const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = iso;
    const offset = zone?.toUpperCase() === 'Z' ? 'Z' : (offsetOf(zone) ?? 'Z');
    return checked(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${offset}`);
  }
  const rfc = RFC822.exec(text);
  if (rfc) {
    const [, d = '', mon = '', y = '', h = '', mi = '', s = '00', zone] = rfc;
    const month = MONTHS.indexOf(mon.toLowerCase());
    if (month < 0) return null;
    const year = y.length === 2 ? 2000 + Number(y) - (Number(y) > 50 ? 100 : 0) : Number(y);
    const offset = zone === undefined ? '+00:00' : offsetOf(zone);
    if (!offset) return null;
    return checked(
      `${pad(year, 4)}-${pad(month + 1)}-${pad(d)}T${pad(h)}:${mi}:${pad(s)}${offset}`,
    );
  }
  return null;
}

/** The later of two ISO dates is an update only when it is after the first. */
export function laterThan(publishedAt: string, candidate: string | null): string | undefined {
  if (!candidate) return undefined;
  return Date.parse(candidate) > Date.parse(publishedAt) ? candidate : undefined;
}

/** The first of `values` that reads as a date. */
export function firstDate(...values: unknown[]): string | undefined {
  for (const value of values) {
    const iso = toIsoDate(value);
    if (iso) return iso;
  }
  return undefined;
}
