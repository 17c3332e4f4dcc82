// `wordpress`: the REST API's /wp/v2/posts JSON (one page or many, `_embed` read when
// present) and the WXR export XML, told apart by the document. Both name a post by its
// guid (https://site/?p=ID), which the site's RSS feed also uses: one post keeps one id
// whichever of the three it is imported from.
import { parseJson } from '#scripts/build/content/parse-json.ts';
import { firstDate } from '../../shared/dates.ts';
import {
  Drops,
  type FormatMapping,
  type ImageDraft,
  InputError,
  type ItemDraft,
  type Term,
} from '../../shared/draft.ts';
import { htmlToBlocks, htmlToText } from '../../shared/html-to-blocks.ts';
import { decodeXmlText, parseXml } from '../../shared/parse-xml.ts';
import { arr, firstStr, int, isRec, type Rec, rec, str } from '../../shared/pick.ts';
import type { InputDoc } from '../../shared/read-inputs.ts';
import { wpautop } from './wpautop.ts';

const rendered = (value: unknown) => str(rec(value).rendered) ?? str(value);

function origin(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}

/** "https://site/?p=123": the identity the REST API, WXR and the RSS feed share. */
function postIdentity(guid: string | undefined, link: string | undefined, id: string | undefined) {
  return guid ?? (id && origin(link) ? `${origin(link)}/?p=${id}` : link);
}

function restHero(post: Rec, drops: Drops, headline: string): ImageDraft | undefined {
  const media = rec(arr(rec(post._embedded)['wp:featuredmedia'])[0]);
  const url = str(media.source_url);
  if (!url) {
    if (int(post.featured_media))
      drops.add(`featured image ${post.featured_media} not embedded (fetch with ?_embed)`);
    return undefined;
  }
  const details = rec(media.media_details);
  const sizes = rec(details.sizes);
  // The large rendition where there is one: the original upload can be many megabytes.
  const large = rec(sizes.large ?? sizes.full);
  const caption = htmlToText(rendered(media.caption) ?? '');
  const credit = str(rec(details.image_meta).credit);
  const useLarge = str(large.source_url) && int(large.width) && int(large.height);
  return {
    src: useLarge ? (str(large.source_url) as string) : url,
    alt: str(media.alt_text) ?? (caption || headline),
    ...(caption ? { caption } : {}),
    ...(credit ? { credit } : {}),
    ...(useLarge
      ? { width: int(large.width), height: int(large.height) }
      : int(details.width) && int(details.height)
        ? { width: int(details.width), height: int(details.height) }
        : {}),
  };
}

function mapRestPost(post: Rec, index: number): ItemDraft | null {
  if (str(post.status) && post.status !== 'publish') return null;
  const drops = new Drops();
  const link = str(post.link);
  const id = str(post.id);
  const headline = htmlToText(rendered(post.title) ?? '');
  const terms = arr(rec(post._embedded)['wp:term'])
    .flatMap((group) => arr(group))
    .map(rec);
  const term = (t: Rec): Term[] => {
    const name = str(t.name);
    return name ? [{ name: htmlToText(name), ...(str(t.slug) ? { slug: str(t.slug) } : {}) }] : [];
  };
  const categories = terms.filter((t) => t.taxonomy === 'category').flatMap(term);
  const tags = terms.filter((t) => t.taxonomy === 'post_tag').flatMap(term);
  if (terms.length === 0 && arr(post.categories).length > 0) {
    drops.add(
      `categories ${arr(post.categories).join(', ')} have no names here (fetch with ?_embed)`,
    );
  }
  const locale = str(rec(post.yoast_head_json).og_locale);
  return {
    label: id ?? String(index + 1),
    identity: postIdentity(rendered(post.guid), link, id) ?? '',
    slugHint: str(post.slug),
    ...(link ? { url: link } : {}),
    headline,
    ...(htmlToText(rendered(post.excerpt) ?? '')
      ? { summary: htmlToText(rendered(post.excerpt) ?? '') }
      : {}),
    ...(locale ? { lang: locale.replace('_', '-').replace(/-AR$/, '') } : {}),
    categories,
    tags,
    authors: arr(rec(post._embedded).author).flatMap((a) =>
      str(rec(a).name) ? [str(rec(a).name) as string] : [],
    ),
    ...(firstDate(post.date_gmt, post.date)
      ? { publishedAt: firstDate(post.date_gmt, post.date) }
      : {}),
    ...(firstDate(post.modified_gmt, post.modified)
      ? { updatedAt: firstDate(post.modified_gmt, post.modified) }
      : {}),
    hero: restHero(post, drops, headline),
    body: htmlToBlocks(rendered(post.content) ?? '', { baseUrl: link, drops }),
    related: [],
    drops,
  };
}

/** The text of a WXR element: its text (XML entities decoded) and CDATA (as written). */
function xmlText(node: unknown): string | undefined {
  const parts: string[] = [];
  for (const item of arr(node)) {
    if (typeof item === 'string') parts.push(decodeXmlText(item));
    else if (isRec(item)) {
      if (typeof item['#text'] === 'string') parts.push(decodeXmlText(item['#text']));
      for (const cdata of arr(item['#cdata'])) {
        const text = isRec(cdata) ? cdata['#text'] : cdata;
        if (typeof text === 'string') parts.push(text);
      }
    }
  }
  return str(parts.join(''));
}

const attrOf = (node: unknown, name: string) => str(rec(arr(node)[0])[`@${name}`]);

/** Post meta of a WXR item as key → value. */
function postmeta(item: Rec): Map<string, string> {
  const meta = new Map<string, string>();
  for (const entry of arr(item['wp:postmeta']).map(rec)) {
    const key = xmlText(entry['wp:meta_key']);
    const value = xmlText(entry['wp:meta_value']);
    if (key && value !== undefined) meta.set(key, value);
  }
  return meta;
}

/** Width and height from PHP-serialized attachment metadata (`s:5:"width";i:1200;`). */
function serializedSize(meta: string | undefined): { width?: number; height?: number } {
  const width = int(/s:5:"width";i:(\d+);/.exec(meta ?? '')?.[1]);
  const height = int(/s:6:"height";i:(\d+);/.exec(meta ?? '')?.[1]);
  return width && height ? { width, height } : {};
}

/** What a WXR export's posts share: the site, its language, author names and attachments. */
type WxrContext = {
  site?: string;
  lang?: string;
  authors: Map<string, string>;
  attachments: Map<string, ImageDraft>;
};

function readWxr(doc: InputDoc): { context: WxrContext; items: [Rec, number][] } {
  const root = parseXml(doc.text);
  const channel = rec(arr(rec(arr(root.rss)[0]).channel)[0]);
  if (!isRec(arr(root.rss)[0])) throw new InputError('not a WordPress export (no <rss><channel>)');
  const items = arr(channel.item).map(rec);
  const site = firstStr(xmlText(channel['wp:base_blog_url']), xmlText(channel.link));
  const lang = xmlText(channel.language);
  const authors = new Map<string, string>();
  for (const author of arr(channel['wp:author']).map(rec)) {
    const login = xmlText(author['wp:author_login']);
    const name = xmlText(author['wp:author_display_name']);
    if (login && name) authors.set(login, name);
  }
  const attachments = new Map<string, ImageDraft>();
  for (const item of items) {
    if (xmlText(item['wp:post_type']) !== 'attachment') continue;
    const id = xmlText(item['wp:post_id']);
    const url = xmlText(item['wp:attachment_url']);
    if (!id || !url) continue;
    const meta = postmeta(item);
    const caption = htmlToText(xmlText(item['excerpt:encoded']) ?? '');
    attachments.set(id, {
      src: url,
      alt: meta.get('_wp_attachment_image_alt') ?? caption,
      ...(caption ? { caption } : {}),
      ...serializedSize(meta.get('_wp_attachment_metadata')),
    });
  }
  // Published posts, each with its place among all items (attachments included) for its label.
  const posts = items.flatMap((item, index): [Rec, number][] =>
    xmlText(item['wp:post_type']) === 'post' && xmlText(item['wp:status']) === 'publish'
      ? [[item, index]]
      : [],
  );
  return { context: { site, lang, authors, attachments }, items: posts };
}

function mapWxrPost(
  { site, lang, authors, attachments }: WxrContext,
  [item, index]: [Rec, number],
): ItemDraft {
  const drops = new Drops();
  const id = xmlText(item['wp:post_id']);
  const link = xmlText(item.link);
  const headline = htmlToText(xmlText(item.title) ?? '');
  const categories: Term[] = [];
  const tags: Term[] = [];
  for (const category of arr(item.category)) {
    const name = xmlText(category);
    const domain = attrOf([category], 'domain');
    const slug = attrOf([category], 'nicename');
    const term = name ? { name: htmlToText(name), ...(slug ? { slug } : {}) } : null;
    if (term && domain === 'category') categories.push(term);
    else if (term && domain === 'post_tag') tags.push(term);
  }
  const meta = postmeta(item);
  const thumbnail = meta.get('_thumbnail_id');
  const hero = thumbnail ? attachments.get(thumbnail) : undefined;
  if (thumbnail && !hero) drops.add(`featured image ${thumbnail} is not in the export`);
  const creator = xmlText(item['dc:creator']);
  const excerpt = htmlToText(xmlText(item['excerpt:encoded']) ?? '');
  const content = wpautop(xmlText(item['content:encoded']) ?? '', drops);
  return {
    label: id ?? String(index + 1),
    identity: postIdentity(xmlText(item.guid), link ?? site, id) ?? '',
    slugHint: xmlText(item['wp:post_name']),
    ...(link ? { url: link } : {}),
    headline,
    ...(excerpt ? { summary: excerpt } : {}),
    ...(lang ? { lang } : {}),
    categories,
    tags,
    authors: creator ? [authors.get(creator) ?? creator] : [],
    ...(firstDate(xmlText(item['wp:post_date_gmt']), xmlText(item.pubDate))
      ? { publishedAt: firstDate(xmlText(item['wp:post_date_gmt']), xmlText(item.pubDate)) }
      : {}),
    ...(firstDate(xmlText(item['wp:post_modified_gmt']))
      ? { updatedAt: firstDate(xmlText(item['wp:post_modified_gmt'])) }
      : {}),
    ...(hero ? { hero: { ...hero, alt: hero.alt || headline } } : {}),
    body: htmlToBlocks(content, { baseUrl: link ?? site, drops }),
    related: [],
    drops,
  };
}

type WordPressItem = { rest: Rec } | { wxr: [Rec, number] };

/** `wordpress`: REST API posts (JSON) or a WXR export (XML), told apart by the document. */
export const wordpress: FormatMapping<WxrContext | null, WordPressItem> = {
  read(doc) {
    if (!/^\s*[[{]/.test(doc.text)) {
      const { context, items } = readWxr(doc);
      return { context, items: items.map((wxr) => ({ wxr })) };
    }
    const parsed = parseJson(doc.text);
    if (!parsed.ok) throw new InputError(parsed.message);
    const posts = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
    if (!posts.every((p) => isRec(p) && (p.title !== undefined || p.content !== undefined))) {
      throw new InputError(
        'not WordPress REST posts (expected /wp/v2/posts JSON: objects with title and content)',
      );
    }
    return { context: null, items: posts.map((post) => ({ rest: rec(post) })) };
  },
  map(context, item, index) {
    if ('rest' in item) return mapRestPost(item.rest, index);
    return context && mapWxrPost(context, item.wxr);
  },
};
