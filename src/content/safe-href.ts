// One rule for links from content, used by the build and again in the browser:
// https:, http:, mailto: or a path inside the app. Judged on the parsed URL, so
// `java\tscript:` and `JAVASCRIPT:` are caught as the browser would read them.
const ALLOWED_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);
const BASE = 'https://qari.invalid/';

export type HrefVerdict = { ok: true; internal: boolean } | { ok: false; reason: string };

export function judgeHref(href: string): HrefVerdict {
  let url: URL;
  try {
    url = new URL(href, BASE);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  // "//host" (also "/\\host", " //host") leaves the app for another host: not a path inside it.
  // URL parsers skip leading C0 controls and spaces, drop tabs and newlines, and read "\\" as "/".
  let start = 0;
  while (start < href.length && href.charCodeAt(start) <= 0x20) start++;
  if (/^[/\\]{2}/.test(href.slice(start).replace(/[\t\n\r]/g, ''))) {
    return { ok: false, reason: 'protocol-relative URLs ("//host") are not allowed' };
  }
  if (url.origin === new URL(BASE).origin) {
    // Relative input resolved against our base: accept only root paths ("/article/x").
    const trimmed = href.trim();
    return trimmed.startsWith('/') && !trimmed.startsWith('//')
      ? { ok: true, internal: true }
      : { ok: false, reason: 'in-app links must be paths starting with "/"' };
  }
  if (ALLOWED_PROTOCOLS.has(url.protocol)) return { ok: true, internal: false };
  return { ok: false, reason: `${url.protocol} URLs are not allowed` };
}

export function isSafeHref(href: string): boolean {
  return judgeHref(href).ok;
}
