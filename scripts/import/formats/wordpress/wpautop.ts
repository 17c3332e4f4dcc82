// A WXR export holds posts as they were typed, not as WordPress shows them: blank lines
// are paragraphs, and shortcodes stand for captions, embeds and galleries. This turns
// the common ones into HTML the block mapping reads; other shortcodes are removed
// (their inner text kept) and reported.
import type { Drops } from '../../shared/draft.ts';

const CAPTION = /\[(?:wp_)?caption\b[^\]]*\]([\s\S]*?)\[\/(?:wp_)?caption\]/gi;
const EMBED = /\[embed\b[^\]]*\]\s*(https?:\/\/[^\s[]+)\s*\[\/embed\]/gi;
/** Shortcodes of WordPress and the page builders common on news sites. */
const SHORTCODE =
  /\[\/?((?:gallery|video|audio|playlist|embed|contact-form(?:-7)?|(?:vc|et_pb|fusion|su|av|tie|td)_[\w-]+))\b[^\]]*\]/gi;
const BLOCK_START = /^\s*<(?:p|h[1-6]|ul|ol|blockquote|figure|div|table|pre|hr|iframe)\b/i;

export function wpautop(content: string, drops: Drops): string {
  let html = content
    .replace(CAPTION, (_whole, inner: string) => {
      const m = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
      return m ? `<figure>${m[1]}<figcaption>${m[2]}</figcaption></figure>` : inner;
    })
    .replace(
      EMBED,
      (_whole, url: string) => `<iframe src="${url.replace(/"/g, '&quot;')}"></iframe>`,
    )
    .replace(SHORTCODE, (_whole, name: string) => {
      drops.add(`shortcode [${name.toLowerCase()}] dropped`);
      return '';
    });
  // Block-editor posts already carry their paragraphs; classic ones use blank lines.
  if (/<p[\s>]|<!-- wp:/i.test(html)) return html;
  html = html
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK_START.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>')}</p>`))
    .join('\n');
  return html;
}
