// Characters no text from content may hold: the C0 controls other than tab, line feed and
// carriage return, DEL and the C1 controls, Unicode noncharacters (U+FFFE, U+FFFF,
// U+FDD0–U+FDEF …) and lone surrogates. Nobody types them on purpose: they come from
// pastes (Word's line break is U+000B) and broken encoders, XML (the feed, the sitemaps)
// cannot hold them, and removing them silently could join two words. So they are
// problems that name the character, for the editor to fix (docs/robustness.md).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose
const FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]|\p{Noncharacter_Code_Point}|\p{Cs}/u;
/**
 * Every text that FORBIDDEN matches holds one of these code units (a supplementary
 * noncharacter is a surrogate pair): the same test, without the property lookups that
 * made FORBIDDEN 6 % of a 20,000-story build's check. Only a text that matches this
 * one goes on to FORBIDDEN.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose
const MAYBE_FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

const codePoint = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first forbidden character of `text`, described for a problem message; null when none. */
export function forbiddenCharacter(text: string): string | null {
  if (!MAYBE_FORBIDDEN.test(text)) return null;
  const found = FORBIDDEN.exec(text)?.[0];
  if (found === undefined) return null;
  const cp = found.codePointAt(0) ?? 0;
  if (cp >= 0xd800 && cp <= 0xdfff) return `a lone surrogate ${codePoint(cp)}`;
  if (cp < 0xa0) return `the control character ${codePoint(cp)}`;
  return `the noncharacter ${codePoint(cp)}`;
}

/** Controls and line terminators (U+2028, U+2029 too): never in a path or URL. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose
const CONTROL_OR_LINE_BREAK = /[\0-\x1F\x7F-\x9F\u2028\u2029]/;

/**
 * A photo path inside the content folder's media/: no empty, `.` or `..` segment, no `\`,
 * `?` or `#`, and no control character or line terminator of any kind (a `\n` once hid a
 * `..` from a regular expression's `.`).
 */
export function isMediaPath(src: string): boolean {
  if (!src.startsWith('media/') || /[\\?#]/.test(src) || CONTROL_OR_LINE_BREAK.test(src)) {
    return false;
  }
  return src
    .split('/')
    .slice(1)
    .every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** An https: URL a browser and a feed reader take as it is: it parses, with no whitespace or controls. */
export function isHttpsUrl(src: string): boolean {
  if (!src.startsWith('https://') || /\s/u.test(src) || CONTROL_OR_LINE_BREAK.test(src)) {
    return false;
  }
  try {
    return new URL(src).hostname !== '';
  } catch {
    return false;
  }
}
