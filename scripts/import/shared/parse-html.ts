// HTML to a parse5 tree, with the same tree for less work. parse5 reads text one code point
// at a time, and a story's text is most of its markup; yet in plain markup, text between
// tags changes nothing in how the tree is built but whether it is white space. So when
// every tag is plain (a name the fast path knows, attributes the HTML tokenizer reads the
// same way) and the text has no entity, comment, CR or NUL, each run of text that is not
// all white space goes to parse5 as one private-use character, and comes back into the
// text nodes afterwards; raw text (script, style…) goes as it is. Any other markup is
// parsed as it is.
import { type DefaultTreeAdapterTypes, parseFragment } from 'parse5';

type Fragment = DefaultTreeAdapterTypes.DocumentFragment;
type Node = DefaultTreeAdapterTypes.ChildNode;

/**
 * Elements whose tree building never looks at text beyond "white space or not": no tables
 * (foster parenting splits runs), column groups, pre, listing or textarea (a first newline
 * is dropped), no html, head, body, frameset, template, select or foreign content.
 */
export const PLAIN_TAGS: ReadonlySet<string> = new Set([
  'a',
  'abbr',
  'address',
  'article',
  'aside',
  'audio',
  'b',
  'bdi',
  'bdo',
  'blockquote',
  'br',
  'center',
  'cite',
  'code',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'embed',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'i',
  'iframe',
  'img',
  'ins',
  'kbd',
  'li',
  'main',
  'mark',
  'nav',
  'noscript',
  'object',
  'ol',
  'p',
  'param',
  'picture',
  'q',
  's',
  'samp',
  'script',
  'section',
  'small',
  'source',
  'span',
  'strong',
  'style',
  'sub',
  'summary',
  'sup',
  'time',
  'track',
  'u',
  'ul',
  'var',
  'video',
  'wbr',
  'xmp',
]);
/**
 * A start or end tag as the tokenizer reads it: HTML white space only (never U+00A0), names
 * of letters and digits, attribute values quoted or plain; anything rarer is not plain.
 */
const TAG =
  /<\/?([a-zA-Z][a-zA-Z0-9]*)(?:[\t\n\f ]+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:[\t\n\f ]*=[\t\n\f ]*(?:"[^"]*"|'[^']*'|[^\t\n\f "'=<>`]+))?)*[\t\n\f ]*\/?>/y;
/** Elements whose content the tokenizer reads as raw text, up to their end tag: kept as it is. */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noscript']);
/** What text must not hold to be sent as a placeholder (private-use characters are the placeholders). */
const NOT_PLAIN_TEXT = /[&\r\0\uE000-\uF8FF]/;
const HTML_SPACE = /^[\t\n\f ]*$/;
const FIRST_PLACEHOLDER = 0xe000;
const PLACEHOLDERS = 0xf8ff - FIRST_PLACEHOLDER + 1;

/** The markup with each run of text as one placeholder, and the runs; null when not plain. */
export function placeholders(html: string): { skeleton: string; runs: string[] } | null {
  const parts: string[] = [];
  const runs: string[] = [];
  let at = 0;
  while (at < html.length) {
    if (html.charCodeAt(at) === 60 /* < */) {
      TAG.lastIndex = at;
      const tag = TAG.exec(html);
      const name = tag?.[1]?.toLowerCase() ?? '';
      if (!tag || !PLAIN_TAGS.has(name)) return null;
      at = TAG.lastIndex;
      if (RAW_TEXT.has(name) && tag[0][1] !== '/') {
        // Up to the element's end tag, which the tokenizer finds whatever comes before it
        // (script's comment-like escapes aside: those are not plain).
        const end = new RegExp(`</${name}[\\t\\n\\f />]`, 'gi');
        end.lastIndex = at;
        const found = end.exec(html);
        const stop = found ? found.index : html.length;
        if (name === 'script' && html.slice(at, stop).includes('<!--')) return null;
        parts.push(tag[0], html.slice(at, stop));
        at = stop;
        continue;
      }
      parts.push(tag[0]);
      continue;
    }
    const end = html.indexOf('<', at);
    const run = html.slice(at, end === -1 ? html.length : end);
    at += run.length;
    if (NOT_PLAIN_TEXT.test(run)) return null;
    if (HTML_SPACE.test(run)) parts.push(run);
    else {
      if (runs.length === PLACEHOLDERS) return null;
      parts.push(String.fromCharCode(FIRST_PLACEHOLDER + runs.length));
      runs.push(run);
    }
  }
  return { skeleton: parts.join(''), runs };
}

/** Puts the runs of text back in place of their placeholders. */
function restore(root: Fragment, runs: readonly string[]): void {
  const stack: Node[] = [...root.childNodes];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.nodeName === '#text') {
      const text = node as DefaultTreeAdapterTypes.TextNode;
      let value = '';
      for (let i = 0; i < text.value.length; i++) {
        const code = text.value.charCodeAt(i);
        value +=
          code >= FIRST_PLACEHOLDER && code - FIRST_PLACEHOLDER < runs.length
            ? runs[code - FIRST_PLACEHOLDER]
            : text.value[i];
      }
      text.value = value;
    } else if ('childNodes' in node) stack.push(...node.childNodes);
  }
}

/** An HTML fragment as parse5 builds it. */
export function parseHtml(html: string): Fragment {
  const plain = placeholders(html);
  if (!plain) return parseFragment(html);
  const root = parseFragment(plain.skeleton);
  restore(root, plain.runs);
  return root;
}
