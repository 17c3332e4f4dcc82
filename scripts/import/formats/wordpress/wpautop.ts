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
  // Blank lines part paragraphs; within one, a line opening a block element stands alone
  // and the other lines form a paragraph with line breaks.
  const out: string[] = [];
  for (const chunk of html.split(/\n\s*\n/)) {
    let lines: string[] = [];
    const flush = () => {
      if (lines.length > 0) out.push(`<p>${lines.join('<br>')}</p>`);
      lines = [];
    };
    for (const line of chunk
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)) {
      if (BLOCK_START.test(line)) {
        flush();
        out.push(line);
      } else lines.push(line);
    }
    flush();
  }
  html = out.join('\n');
  return html;
}
