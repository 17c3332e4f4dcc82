// Defensive reading of parsed source data: real inputs hold surprises, and a field of the
// wrong shape must read as missing (and be reported by the caller), never crash the run.
export type Rec = Record<string, unknown>;

export const isRec = (value: unknown): value is Rec =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const rec = (value: unknown): Rec => (isRec(value) ? value : {});

export const arr = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];

/** A non-empty trimmed string, or undefined; numbers become strings. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

/** A positive integer (from a number or a numeric string), or undefined. */
export function int(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The first argument that is a non-empty string. */
export const firstStr = (...values: unknown[]): string | undefined => {
  for (const value of values) {
    const s = str(value);
    if (s) return s;
  }
  return undefined;
};

/** The last path segment of a URL, decoded: a slug hint. */
export function lastSegment(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const segments = new URL(url).pathname.split('/').filter(Boolean);
    return segments.at(-1)?.replace(/\.[a-z]{2,5}$/i, '');
  } catch {
    return undefined;
  }
}

/** An absolute identity: a URI as it is, anything else scoped to the site it came from. */
export function scopedIdentity(id: string, site: string | undefined): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(id) || !site ? id : `${site}#${id}`;
}

/** Plain text split into paragraphs at blank lines (JSON Feed content_text, Atom type="text"). */
export function textParagraphs(text: string): { type: 'paragraph'; content: string[] }[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((part) => ({ type: 'paragraph' as const, content: [part] }));
}
