// Ids for imported stories, sections and tags.
// A story id is `<latin-prefix>-<hash>` (or just `<hash>`): the hash comes from the source's
// own identity (guid, post URL, ANS _id, Optimo URN), so re-importing an item rewrites the
// same file and two items never share one; the prefix is the source slug when it is Latin,
// so a reader of the folder can tell stories apart. Arabic slugs give no prefix: the
// headline carries the Arabic.
import { createHash } from 'node:crypto';
import { ARTICLE_ID_PATTERN, SLUG_PATTERN } from '#content/article-schema.ts';

const MAX_ID = 120;
const PREFIX_MAX = 60;
const HASH_CHARS = 10;
// Crockford's base 32, lower case: no i, l, o, u, so a hash never reads as a word.
const BASE32 = '0123456789abcdefghjkmnpqrstvwxyz';

/** `chars` base-32 characters of the SHA-256 of `text` (5 bits each). */
export function shortHash(text: string, chars = HASH_CHARS): string {
  const digest = createHash('sha256').update(text).digest();
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of digest) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      bits -= 5;
      out += BASE32[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
    if (out.length >= chars) break;
  }
  return out;
}

function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Cuts a hyphenated slug to at most `max` characters at a hyphen where it can. */
function cutSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > max / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}

/** The ASCII prefix a slug gives, or '' when the slug is not Latin (or says nothing). */
export function latinPrefix(hint: string | undefined): string {
  if (!hint) return '';
  const decoded = decodePercent(hint).normalize('NFKD').replace(/\p{M}/gu, '');
  // A slug with letters of another script would lose them: no prefix rather than half of one.
  if (/[^\p{Script=Latin}\P{L}]/u.test(decoded)) return '';
  const ascii = decoded
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if ((ascii.match(/[a-z]/g) ?? []).length < 3) return '';
  return cutSlug(ascii, PREFIX_MAX);
}

/** The story id for a source identity; `hashChars` grows only to part two identities that collide. */
export function storyId(identity: string, slugHint?: string, hashChars = HASH_CHARS): string {
  const hash = shortHash(identity, hashChars);
  const prefix = latinPrefix(slugHint);
  const id = prefix ? `${prefix}-${hash}` : hash;
  if (!ARTICLE_ID_PATTERN.test(id) || id.length > MAX_ID) throw new Error(`bad id ${id}`);
  return id;
}

/**
 * A section or tag id from a source term: letters and digits of any script joined by
 * hyphens (CONTRACT §2), lower case, Arabic diacritics and tatweel removed. Null when
 * nothing is left.
 */
export function termSlug(text: string): string | null {
  const slug = decodePercent(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{M}\u0640]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (!slug) return null;
  const cut = cutSlug(slug, 120);
  return SLUG_PATTERN.test(cut) ? cut : null;
}
