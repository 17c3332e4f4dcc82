// HTML from feeds, WordPress and ANS becomes the schema's blocks, never HTML (CONTRACT §2).
// parse5 (a WHATWG HTML parser, through parse-html.ts) builds the tree; one iterative walk
// maps it, so markup nested 100,000 deep cannot overflow the stack. What has no block is
// dropped and named in the item's drops; an embed with an address becomes a plain link to it.
import type { DefaultTreeAdapterTypes } from 'parse5';
import type { Inline } from '#content/article-schema.ts';
import { judgeHref } from '#content/safe-href.ts';
import { stripBidiControls } from '#content/strip-bidi-controls.ts';
import type { BlockDraft, Drops, ImageDraft } from './draft.ts';
import { parseHtml } from './parse-html.ts';

type Node = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;
type Run = { text: string; href?: string; strong?: boolean };

export type HtmlContext = {
  /** The page the HTML came from: relative links and photos are resolved against it. */
  baseUrl?: string;
  drops: Drops;
};

/** Elements dropped whole, content and all (embeds among them give a link first). */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'canvas',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'table',
  'map',
  'frame',
  'frameset',
  'applet',
  'dialog',
  'head',
  'title',
  'meta',
  'link',
  'base',
]);
/** Elements that carry nothing a reader sees: skipped without a word. */
const SILENT = new Set(['source', 'track', 'wbr', 'param', 'area', 'col', 'colgroup']);
const EMBEDS = new Set(['iframe', 'embed', 'object', 'video', 'audio']);
/** Elements that end the paragraph before them and start a new one after. */
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'address',
  'center',
  'hgroup',
  'details',
  'summary',
  'dl',
  'dt',
  'dd',
  'pre',
  'hr',
  'li',
  'ul',
  'ol',
  'figcaption',
  'fieldset',
  'legend',
  'caption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'figure',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const SOCIAL_BLOCKQUOTE =
  /\b(twitter-tweet|twitter-video|instagram-media|tiktok-embed|reddit-embed-bq|bluesky-embed|fb-xfbml-parse-ignore|telegram-post)\b/;
const CREDIT_CLASS = /credit|copyright|photographer|byline|source/i;
const SPACES = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000\uFEFF]+/g;

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const classOf = (el: Element) => attr(el, 'class') ?? '';
/** The classic WordPress caption box: a div.wp-caption holding the image and p.wp-caption-text. */
const WP_CAPTION = /(?:^|\s)wp-caption(?:\s|$)/;
const CAPTION_CLASS = /(?:^|\s)wp-(?:caption-text|element-caption)(?:\s|$)/;

/** Deeper than this, tags are dropped (text kept) before parsing: see flattenDeepNesting. */
export const MAX_HTML_DEPTH = 1000;
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/**
 * The HTML parser's tree building slows down with the square of the nesting depth, so
 * markup nested deeper than MAX_HTML_DEPTH (never seen in a real story) loses its tags
 * past that depth, keeping the text. Tags are found by a linear scan of `<…>` tokens.
 */
export function flattenDeepNesting(html: string): { html: string; flattened: number } {
  let opens = 0;
  for (let i = html.indexOf('<'); i !== -1 && opens <= MAX_HTML_DEPTH; i = html.indexOf('<', i + 1))
    opens++;
  if (opens <= MAX_HTML_DEPTH) return { html, flattened: 0 };
  let depth = 0;
  let flattened = 0;
  const parts: string[] = [];
  let kept = 0;
  // exec and slices: String#replace with a callback is quadratic-slow on megabytes of tags.
  const token = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)[^>]*>/g;
  for (let m = token.exec(html); m; m = token.exec(html)) {
    const [text, slash, name] = m;
    if (!name || VOID.has(name.toLowerCase()) || (!slash && text.endsWith('/>'))) continue;
    let drop: boolean;
    if (slash) {
      drop = depth > MAX_HTML_DEPTH;
      depth = Math.max(0, depth - 1);
    } else {
      depth++;
      drop = depth > MAX_HTML_DEPTH;
      if (drop) flattened++;
    }
    if (drop) {
      parts.push(html.slice(kept, m.index));
      kept = m.index + text.length;
    }
  }
  parts.push(html.slice(kept));
  const out = parts.join('');
  return { html: out, flattened };
}
const isElement = (node: Node): node is Element => 'tagName' in node;

/** Every element under `root` (iteratively), in document order. */
function descendants(root: Element): Element[] {
  const found: Element[] = [];
  const stack: Node[] = [...root.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (!isElement(node)) continue;
    found.push(node);
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as Node);
  }
  return found;
}

/** The text under `root`, whitespace collapsed, dropped elements left out. */
function textOf(root: { childNodes: Node[] }): string {
  let out = '';
  // A string on the stack is a separator to write once the element before it is done.
  const stack: (Node | string)[] = [...root.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Node | string;
    if (typeof node === 'string') out += node;
    else if (node.nodeName === '#text') out += (node as DefaultTreeAdapterTypes.TextNode).value;
    else if (isElement(node) && !DROPPED.has(node.tagName)) {
      if (BLOCK.has(node.tagName) || node.tagName === 'br') {
        out += ' ';
        stack.push(' ');
      }
      for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as Node);
    }
  }
  return stripBidiControls(out).replace(SPACES, ' ').trim();
}

/** Plain text of an HTML string: titles, captions, excerpts. Entities decoded, tags gone. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return stripBidiControls(html).replace(SPACES, ' ').trim();
  return textOf(parseHtml(flattenDeepNesting(html).html));
}

/** Collapses whitespace across runs, trims the ends, merges runs that look alike. */
export function normalizeRuns(runs: readonly Run[]): Inline[] {
  const out: Run[] = [];
  for (const run of runs) {
    let text = stripBidiControls(run.text).replace(SPACES, ' ');
    const prev = out.at(-1);
    if (!prev || prev.text.endsWith(' ')) text = text.replace(/^ /, '');
    if (!text) continue;
    // A styled run of spaces carries no link or stress worth keeping.
    const plain = text.trim() === '';
    const href = plain ? undefined : run.href;
    const strong = plain ? undefined : run.strong;
    if (prev && prev.href === href && Boolean(prev.strong) === Boolean(strong)) prev.text += text;
    else out.push({ text, href, strong });
  }
  while (out.length > 0) {
    const last = out.at(-1) as Run;
    last.text = last.text.trimEnd();
    if (last.text) break;
    out.pop();
  }
  return out.map(({ text, href, strong }) =>
    href || strong
      ? { text, ...(href ? { href } : {}), ...(strong ? { strong: true } : {}) }
      : text,
  );
}

export function inlineText(content: readonly Inline[]): string {
  return content.map((run) => (typeof run === 'string' ? run : run.text)).join('');
}

/**
 * The paragraph an embed becomes: a link to its address, named by its host, so a long
 * address never runs past a phone's width.
 */
export function embedLink(url: URL): { type: 'paragraph'; content: Inline[] } {
  return {
    type: 'paragraph',
    content: [{ text: url.hostname.replace(/^www\./, ''), href: url.href }],
  };
}

/** An absolute http(s) URL from a source attribute, or null. */
export function absoluteUrl(value: string | undefined, baseUrl?: string): URL | null {
  if (!value?.trim()) return null;
  try {
    const url = new URL(value.trim(), baseUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function embedUrl(el: Element, baseUrl?: string): URL | null {
  const own = attr(el, 'src') ?? attr(el, 'data') ?? attr(el, 'data-src');
  const src =
    own ?? descendants(el).find((d) => d.tagName === 'source' && attr(d, 'src')) ?? undefined;
  const url = absoluteUrl(typeof src === 'string' ? src : src && attr(src, 'src'), baseUrl);
  if (!url) return null;
  // A YouTube player address becomes the video's page, which a reader can open.
  const player = /^(?:www\.)?youtube(?:-nocookie)?\.com$/.test(url.hostname)
    ? /^\/embed\/([\w-]+)/.exec(url.pathname)
    : null;
  return player ? new URL(`https://www.youtube.com/watch?v=${player[1]}`) : url;
}

function socialEmbedUrl(el: Element, baseUrl?: string): URL | null {
  const direct = attr(el, 'data-instgrm-permalink') ?? attr(el, 'cite');
  const links = descendants(el).filter((d) => d.tagName === 'a' && attr(d, 'href'));
  return absoluteUrl(direct ?? (links.at(-1) && attr(links.at(-1) as Element, 'href')), baseUrl);
}

/** The largest candidate of a srcset. */
function largestOfSrcset(srcset: string | undefined): string | undefined {
  if (!srcset) return undefined;
  let best: { url: string; size: number } | undefined;
  for (const part of srcset.split(',')) {
    const [url, size = '1x'] = part.trim().split(/\s+/);
    const n = Number.parseFloat(size);
    if (url && (!best || n > best.size)) best = { url, size: Number.isFinite(n) ? n : 0 };
  }
  return best?.url;
}

const dimension = (value: string | undefined) => {
  const n = value && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

type Frame =
  | { kind: 'heading'; runs: Run[] }
  | { kind: 'quote'; runs: Run[]; cite: Run[] }
  | { kind: 'cite'; runs: Run[] }
  | { kind: 'item'; runs: Run[] }
  | { kind: 'caption'; runs: Run[] }
  | { kind: 'credit'; runs: Run[] };
type Figure = { image?: ImageDraft; caption: Run[]; credit: Run[] };
type ListState = { ordered: boolean; items: Inline[][] };

/** Maps an HTML fragment to blocks; what cannot be kept is added to `ctx.drops`. */
export function htmlToBlocks(html: string, ctx: HtmlContext): BlockDraft[] {
  const { baseUrl, drops } = ctx;
  const blocks: BlockDraft[] = [];
  let paragraph: Run[] = [];
  const frames: Frame[] = [];
  const figures: Figure[] = [];
  const lists: ListState[] = [];
  const hrefs: (string | undefined)[] = [];
  /** The innermost link's address (nested links keep the inner one). */
  let href: string | undefined;
  let strong = 0;

  const flush = () => {
    const content = normalizeRuns(paragraph);
    paragraph = [];
    if (content.length > 0) blocks.push({ type: 'paragraph', content });
  };
  /** A block edge: a new paragraph at the top level, a space inside a heading, quote or item. */
  const edge = () => {
    const frame = frames.at(-1);
    if (frame) frame.runs.push({ text: ' ' });
    else flush();
  };
  const pushText = (text: string) => {
    const run: Run = { text };
    if (href) run.href = href;
    if (strong > 0) run.strong = true;
    (frames.at(-1)?.runs ?? paragraph).push(run);
  };
  const linkParagraph = (url: URL, what: string) => {
    drops.add(`${what} (${url.hostname}) replaced by a link to it`);
    if (frames.length > 0) return;
    flush();
    blocks.push(embedLink(url));
  };

  const image = (el: Element) => {
    const raw = attr(el, 'src');
    const src =
      raw && !raw.trim().startsWith('data:')
        ? raw
        : (attr(el, 'data-src') ??
          attr(el, 'data-lazy-src') ??
          largestOfSrcset(attr(el, 'srcset')) ??
          raw);
    const url = absoluteUrl(src, baseUrl);
    if (!url) {
      drops.add(
        `image with ${src ? `an unusable source "${src.slice(0, 40)}"` : 'no source'} dropped`,
      );
      return;
    }
    const width = dimension(attr(el, 'width'));
    const height = dimension(attr(el, 'height'));
    if (width === 1 && height === 1) {
      drops.add(`tracking pixel (${url.hostname}) dropped`);
      return;
    }
    const draft: ImageDraft = {
      src: url.href,
      alt: htmlToText(attr(el, 'alt') ?? ''),
      ...(width ? { width } : {}),
      ...(height ? { height } : {}),
    };
    const figure = figures.at(-1);
    if (figure && !figure.image) figure.image = draft;
    else if (frames.length > 0) drops.add('image inside a heading, quote or list dropped');
    else {
      flush();
      blocks.push({ type: 'image', image: draft });
    }
  };

  type Exit = {
    exit: 'none' | 'link' | 'strong' | 'heading' | 'quote' | 'pop' | 'list' | 'item' | 'figure';
    edge: boolean;
    frame?: Frame;
    list?: ListState;
    figure?: Figure;
  };
  type Step = { node: Node } | Exit;
  const close = (step: Exit) => {
    if (step.edge) edge();
    const { frame, list, figure } = step;
    switch (step.exit) {
      case 'link':
        href = hrefs.pop();
        break;
      case 'strong':
        strong--;
        break;
      case 'pop':
        frames.pop();
        break;
      case 'heading': {
        frames.pop();
        const text = inlineText(normalizeRuns(frame?.runs ?? []));
        if (text) blocks.push({ type: 'heading', text });
        break;
      }
      case 'quote': {
        frames.pop();
        const content = normalizeRuns(frame?.runs ?? []);
        const cite = inlineText(normalizeRuns(frame?.kind === 'quote' ? frame.cite : []));
        if (content.length > 0) blocks.push({ type: 'quote', content, ...(cite ? { cite } : {}) });
        else if (cite) drops.add('quote with only a citation dropped');
        break;
      }
      case 'list':
        lists.pop();
        if (list && list.items.length > 0)
          blocks.push({ type: 'list', ordered: list.ordered, items: list.items });
        break;
      case 'item': {
        frames.pop();
        const item = normalizeRuns(frame?.runs ?? []);
        if (item.length > 0) lists.at(-1)?.items.push(item);
        break;
      }
      case 'figure': {
        figures.pop();
        if (!figure) break;
        if (!figure.image) {
          const text = normalizeRuns(figure.caption);
          if (text.length > 0) blocks.push({ type: 'paragraph', content: text });
          break;
        }
        const caption = inlineText(normalizeRuns(figure.caption));
        const credit = inlineText(normalizeRuns(figure.credit));
        blocks.push({
          type: 'image',
          image: {
            ...figure.image,
            ...(caption ? { caption } : {}),
            ...(credit ? { credit } : {}),
          },
        });
        break;
      }
    }
  };
  const stack: Step[] = [];
  const pushChildren = (el: { childNodes: Node[] }) => {
    for (let i = el.childNodes.length - 1; i >= 0; i--)
      stack.push({ node: el.childNodes[i] as Node });
  };
  const flat = flattenDeepNesting(html);
  if (flat.flattened > 0) {
    drops.add(
      `${flat.flattened} elements nested deeper than ${MAX_HTML_DEPTH} levels flattened to their text`,
    );
  }
  pushChildren(parseHtml(flat.html));

  while (stack.length > 0) {
    const step = stack.pop() as Step;
    if ('exit' in step) {
      close(step);
      continue;
    }
    const { node } = step;
    if (node.nodeName === '#text') {
      pushText((node as DefaultTreeAdapterTypes.TextNode).value);
      continue;
    }
    if (!isElement(node)) continue;
    const tag = node.tagName;
    for (const { name } of node.attrs) {
      if (/^on/i.test(name)) drops.add(`event handler ${name} on <${tag}> dropped`);
    }
    if (SILENT.has(tag)) continue;
    if (DROPPED.has(tag)) {
      const url = EMBEDS.has(tag) ? embedUrl(node, baseUrl) : null;
      if (url) linkParagraph(url, `${tag} embed`);
      else drops.add(`<${tag}> dropped`);
      continue;
    }
    const cls = classOf(node);
    if (tag === 'blockquote' && SOCIAL_BLOCKQUOTE.test(cls)) {
      const kind = SOCIAL_BLOCKQUOTE.exec(cls)?.[1] ?? 'social';
      const url = socialEmbedUrl(node, baseUrl);
      if (url) linkParagraph(url, `${kind} embed`);
      else drops.add(`${kind} embed dropped`);
      continue;
    }
    if (tag === 'figure' && /\bwp-block-embed\b/.test(cls)) {
      const url =
        absoluteUrl(textOf(node).split(' ')[0], baseUrl) ??
        descendants(node)
          .map((d) => (EMBEDS.has(d.tagName) ? embedUrl(d, baseUrl) : null))
          .find(Boolean) ??
        null;
      if (url) linkParagraph(url, 'embed');
      else drops.add('embed dropped');
      continue;
    }
    if (tag === 'br') {
      edge();
      continue;
    }
    if (tag === 'img') {
      image(node);
      continue;
    }

    // What closing this element does; one plain object, no closure per element.
    let exit: Exit['exit'] = 'none';
    let frame: Frame | undefined;
    let list: ListState | undefined;
    let figure: Figure | undefined;
    const top = frames.length === 0;
    if (tag === 'a') {
      hrefs.push(href);
      href = resolveHref(attr(node, 'href'), baseUrl, drops) ?? href;
      exit = 'link';
    } else if (tag === 'strong' || tag === 'b') {
      strong++;
      exit = 'strong';
    } else if (HEADINGS.has(tag) && top && figures.length === 0) {
      flush();
      frame = { kind: 'heading', runs: [] };
      frames.push(frame);
      exit = 'heading';
    } else if (tag === 'blockquote' && top) {
      flush();
      frame = { kind: 'quote', runs: [], cite: [] };
      frames.push(frame);
      exit = 'quote';
    } else if ((tag === 'cite' || tag === 'footer') && frames.at(-1)?.kind === 'quote') {
      const quote = frames.at(-1) as Extract<Frame, { kind: 'quote' }>;
      frames.push({ kind: 'cite', runs: quote.cite });
      exit = 'pop';
    } else if ((tag === 'ul' || tag === 'ol') && top) {
      flush();
      list = { ordered: tag === 'ol', items: [] };
      lists.push(list);
      exit = 'list';
    } else if (tag === 'li' && top && lists.length > 0) {
      frame = { kind: 'item', runs: [] };
      frames.push(frame);
      exit = 'item';
    } else if ((tag === 'figure' || (tag === 'div' && WP_CAPTION.test(cls))) && top) {
      flush();
      figure = { caption: [], credit: [] };
      figures.push(figure);
      exit = 'figure';
    } else if (
      (tag === 'figcaption' || ((tag === 'p' || tag === 'div') && CAPTION_CLASS.test(cls))) &&
      figures.length > 0 &&
      top
    ) {
      frames.push({ kind: 'caption', runs: (figures.at(-1) as Figure).caption });
      exit = 'pop';
    } else if (
      frames.at(-1)?.kind === 'caption' &&
      (tag === 'cite' || tag === 'small' || CREDIT_CLASS.test(cls))
    ) {
      frames.push({ kind: 'credit', runs: (figures.at(-1) as Figure).credit });
      exit = 'pop';
    }
    const block = BLOCK.has(tag);
    if (block) edge();
    if (exit !== 'none' || block) stack.push({ exit, edge: block, frame, list, figure });
    pushChildren(node);
  }
  flush();
  return blocks;
}

/** A link's address as the schema allows it, or undefined (the text stays) with a drop. */
function resolveHref(href: string | undefined, baseUrl: string | undefined, drops: Drops) {
  if (href === undefined) return undefined;
  const trimmed = href.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed, baseUrl);
  } catch {
    drops.add(`link "${trimmed.slice(0, 60)}" dropped (not an address; its text kept)`);
    return undefined;
  }
  const verdict = judgeHref(url.href);
  if (!verdict.ok || !['https:', 'http:', 'mailto:'].includes(url.protocol)) {
    drops.add(`${url.protocol} link dropped (its text kept)`);
    return undefined;
  }
  return url.href;
}
