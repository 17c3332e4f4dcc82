// `feed`: RSS 2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.1, told apart by feedsmith from
// the document itself. feedsmith reads the XML (namespaces by URI, so any prefix works);
// this file maps its items to drafts.
import { parseFeed } from 'feedsmith';
import { parseJson } from '#scripts/build/content/parse-json.ts';
import { firstDate } from '../../shared/dates.ts';
import {
  type BlockDraft,
  Drops,
  type FormatMapping,
  type ImageDraft,
  InputError,
  type ItemDraft,
  type Term,
} from '../../shared/draft.ts';
import { htmlToBlocks, htmlToText } from '../../shared/html-to-blocks.ts';
import { malformedXml, refuseDangerousXml } from '../../shared/parse-xml.ts';
import {
  arr,
  firstStr,
  int,
  lastSegment,
  type Rec,
  rec,
  scopedIdentity,
  str,
  textParagraphs,
} from '../../shared/pick.ts';
import type { InputDoc } from '../../shared/read-inputs.ts';

type FeedKind = 'rss' | 'atom' | 'rdf' | 'json';
/** Atom's text constructs (and feedsmith's reading of them): a value and its type. */
type TextConstruct = { value?: string; type?: string };

function readFeed(doc: InputDoc): { format: FeedKind; feed: Rec } {
  const text = doc.text.replace(/^\uFEFF/, '');
  let input: string | Rec = text;
  if (/^\s*[{[]/.test(text)) {
    const parsed = parseJson(text);
    if (!parsed.ok) throw new InputError(parsed.message);
    input = rec(parsed.value);
  } else {
    refuseDangerousXml(text);
  }
  try {
    const { format, feed } = parseFeed(input as string);
    return { format: format as FeedKind, feed: rec(feed) };
  } catch (error) {
    if (error instanceof RangeError) throw new InputError('refused: nested too deeply to read');
    const cause = (error as { cause?: Error }).cause?.message;
    const reason = `not an RSS, RDF, Atom or JSON feed: ${(error as Error).message}${cause ? ` (${cause})` : ''}`;
    throw typeof input === 'string' ? malformedXml(input, reason) : new InputError(reason);
  }
}

function constructText(value: unknown): string | undefined {
  const construct = (typeof value === 'string' ? { value } : rec(value)) as TextConstruct;
  if (!construct.value) return undefined;
  return construct.type === 'text' ? str(construct.value) : str(htmlToText(construct.value));
}

function constructBlocks(value: unknown, baseUrl: string | undefined, drops: Drops): BlockDraft[] {
  const construct = (
    typeof value === 'string' ? { value, type: 'html' } : rec(value)
  ) as TextConstruct;
  if (!construct.value) return [];
  return construct.type === 'text'
    ? textParagraphs(construct.value)
    : htmlToBlocks(construct.value, { baseUrl, drops });
}

/** "editor@example.com (سارة علي)" → "سارة علي"; a bare address is no name. */
function authorName(value: string): string | undefined {
  const inParens = /\(([^)]+)\)\s*$/.exec(value)?.[1];
  if (inParens) return str(inParens);
  return /^\S+@\S+$/.test(value.trim()) ? undefined : str(value);
}

const isImage = (type: string | undefined, url: string | undefined, medium?: string) =>
  medium === 'image' ||
  Boolean(type?.startsWith('image/')) ||
  (!type && !medium && /\.(jpe?g|png|webp|gif|avif)(\?|$)/i.test(url ?? ''));

/** The largest photo among media:content, media:thumbnail, enclosures and JSON Feed images. */
function heroOf(item: Rec, headline: string): ImageDraft | undefined {
  const media = rec(item.media);
  const groups = [media, ...arr(media.groups).map(rec), rec(media.group)];
  const candidates: ImageDraft[] = [];
  for (const group of groups) {
    for (const content of arr(group.contents).map(rec)) {
      const url = str(content.url);
      if (!url || !isImage(str(content.type), url, str(content.medium))) continue;
      const caption = constructText(content.description ?? group.description);
      const title = constructText(content.title ?? group.title);
      const credit = firstStr(...arr(content.credits ?? group.credits).map((c) => rec(c).value));
      candidates.push({
        src: url,
        alt: title ?? caption ?? headline,
        ...(caption ? { caption } : {}),
        ...(credit ? { credit } : {}),
        ...dims(content),
      });
    }
  }
  if (candidates.length === 0) {
    for (const group of groups) {
      for (const thumb of arr(group.thumbnails).map(rec)) {
        const url = str(thumb.url);
        if (url) candidates.push({ src: url, alt: headline, ...dims(thumb) });
      }
    }
  }
  for (const enclosure of arr(item.enclosures).map(rec)) {
    const url = str(enclosure.url);
    if (url && isImage(str(enclosure.type), url)) candidates.push({ src: url, alt: headline });
  }
  for (const link of arr(item.links).map(rec)) {
    const url = str(link.href);
    if (url && link.rel === 'enclosure' && isImage(str(link.type), url)) {
      candidates.push({ src: url, alt: headline, ...dims(link) });
    }
  }
  for (const key of ['image', 'banner_image']) {
    const url = str(item[key]);
    if (url) candidates.push({ src: url, alt: headline });
  }
  return candidates.reduce<ImageDraft | undefined>(
    (best, c) => (!best || (c.width ?? 0) > (best.width ?? 0) ? c : best),
    undefined,
  );
}

function dims(source: Rec): { width?: number; height?: number } {
  const width = int(source.width);
  const height = int(source.height);
  return width && height ? { width, height } : {};
}

function atomLink(links: unknown): string | undefined {
  const all = arr(links).map(rec);
  const alternate = all.find((l) => (l.rel ?? 'alternate') === 'alternate' && str(l.href));
  return str(alternate?.href);
}

/** What a feed's items share: its kind, its site (relative links) and its language. */
type FeedContext = { format: FeedKind; site?: string; feedLang?: string };

/** `feed`: every item of an RSS, RDF, Atom or JSON feed. */
export const feed: FormatMapping<FeedContext, Rec> = {
  read(doc) {
    const { format, feed } = readFeed(doc);
    const site =
      format === 'atom'
        ? (atomLink(feed.links) ?? str(feed.id))
        : firstStr(feed.home_page_url, feed.link, doc.url);
    const feedLang = firstStr(feed.language, rec(feed.dc).language);
    const items = arr(format === 'atom' ? feed.entries : feed.items).map(rec);
    return { context: { format, site, feedLang }, items };
  },
  map: mapItem,
};

function mapItem({ format, site, feedLang }: FeedContext, item: Rec, index: number): ItemDraft {
  const drops = new Drops();
  const url =
    format === 'atom' ? atomLink(item.links) : firstStr(item.link, item.url, item.external_url);
  const base = url ?? site;
  const guid = rec(item.guid);
  const id = firstStr(
    format === 'rss' ? guid.value : undefined,
    format === 'atom' || format === 'json' ? item.id : undefined,
    rec(item.rdf).about,
    url,
  );
  const dc = rec(item.dc);
  const headline =
    format === 'atom' ? constructText(item.title) : str(htmlToText(str(item.title) ?? ''));
  const contentHtml = str(rec(item.content).encoded);
  let body: BlockDraft[] = [];
  let summary: string | undefined;
  if (format === 'atom') {
    body = constructBlocks(item.content, base, drops);
    summary = constructText(item.summary);
    if (body.length === 0 && item.summary) body = constructBlocks(item.summary, base, drops);
  } else if (format === 'json') {
    const html = str(item.content_html);
    const text = str(item.content_text);
    body = html ? htmlToBlocks(html, { baseUrl: base, drops }) : text ? textParagraphs(text) : [];
    summary = str(item.summary);
  } else {
    const description = str(item.description);
    body = htmlToBlocks(contentHtml ?? description ?? '', { baseUrl: base, drops });
    // The description is a standfirst only when the full text is elsewhere.
    if (contentHtml && description) summary = htmlToText(description);
  }
  const categories: Term[] =
    format === 'atom'
      ? arr(item.categories)
          .map(rec)
          .flatMap((c) => {
            const name = firstStr(c.label, c.term);
            return name ? [{ name, ...(str(c.term) ? { slug: str(c.term) } : {}) }] : [];
          })
      : format === 'json'
        ? arr(item.tags).flatMap((t) => (str(t) ? [{ name: str(t) as string }] : []))
        : [
            ...arr(item.categories).flatMap((c) => {
              const name = str(rec(c).name);
              return name ? [{ name: htmlToText(name) }] : [];
            }),
            ...arr(dc.subjects).flatMap((s) => (str(s) ? [{ name: str(s) as string }] : [])),
          ];
  const authors = [
    ...arr(item.authors).flatMap((a) => {
      const name = typeof a === 'string' ? authorName(a) : str(rec(a).name);
      return name ? [name] : [];
    }),
    ...(str(rec(item.author).name) ? [str(rec(item.author).name) as string] : []),
    ...arr(dc.creators).flatMap((c) => (str(c) ? [str(c) as string] : [])),
  ];
  const publishedAt = firstDate(
    item.pubDate,
    item.published,
    item.date_published,
    ...arr(dc.dates),
    item.updated,
    item.date_modified,
  );
  const updatedAt = firstDate(item.updated, item.date_modified, rec(item.atom).updated);
  return {
    label: id ?? String(index + 1),
    identity: id ? scopedIdentity(id, site) : '',
    slugHint: lastSegment(url),
    ...(url ? { url } : {}),
    headline: headline ?? '',
    ...(summary ? { summary } : {}),
    ...(firstStr(item.language, feedLang) ? { lang: firstStr(item.language, feedLang) } : {}),
    categories: categories.slice(0, 1),
    tags: categories.slice(1),
    authors: [...new Set(authors)],
    ...(publishedAt ? { publishedAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
    ...(str(rec(item.source).title) ? { source: str(rec(item.source).title) } : {}),
    hero: heroOf(item, headline ?? ''),
    body,
    related: [],
    drops,
  } satisfies ItemDraft;
}
