// `optimo`: BBC Optimo article JSON, the block model behind the World Service sites (BBC
// Arabic among them): `metadata`, `promo`, `content.model.blocks` and `relatedContent`,
// bare or wrapped in `{ data: { article } }`. Blocks nest deeply (text → paragraph →
// fragment / urlLink); every walk here keeps its own stack.
import { parseJson } from '#scripts/build/content/parse-json.ts';
import { firstDate, laterThan } from '../../shared/dates.ts';
import {
  type BlockDraft,
  Drops,
  type FormatMapping,
  type ImageDraft,
  InputError,
  type ItemDraft,
  type StoryLink,
  type Term,
} from '../../shared/draft.ts';
import { absoluteUrl, embedLink, normalizeRuns } from '../../shared/html-to-blocks.ts';
import { arr, firstStr, int, isRec, type Rec, rec, str } from '../../shared/pick.ts';

type Run = { text: string; href?: string; strong?: boolean };

/** Widths ichef serves for World Service images; the largest one not above the original. */
const ICHEF_WIDTHS = [240, 320, 480, 624, 800, 976];
/** Blocks that hold no story text: page furniture, skipped without a word. */
const FURNITURE = new Set([
  'mpu',
  'wsoj',
  'continueReading',
  'visuallyHiddenHeadline',
  'timestamp',
  'headline',
  'byline',
  'podcastPromo',
]);

const children = (block: Rec) => arr(rec(block.model).blocks).map(rec);
const ofType = (block: Rec, type: string) => children(block).filter((b) => b.type === type);

/** Every block under `root` of one of `types`, in order, found without recursion. */
function findAll(root: Rec, types: ReadonlySet<string>): Rec[] {
  const found: Rec[] = [];
  const stack = [...children(root)].reverse();
  while (stack.length > 0) {
    const block = stack.pop() as Rec;
    if (types.has(String(block.type))) found.push(block);
    else stack.push(...[...children(block)].reverse());
  }
  return found;
}

/** A paragraph's runs: fragments (bold → strong, italic → plain) and urlLinks. */
function paragraphRuns(paragraph: Rec): Run[] {
  const runs: Run[] = [];
  const parts = children(paragraph);
  if (parts.length === 0) return [{ text: str(rec(paragraph.model).text) ?? '' }];
  for (const part of parts) {
    const model = rec(part.model);
    if (part.type === 'urlLink') {
      const href = absoluteUrl(str(model.locator))?.href;
      const text =
        str(model.text) ??
        children(part)
          .map((f) => str(rec(f.model).text) ?? '')
          .join('');
      runs.push({ text, ...(href ? { href } : {}) });
    } else {
      const attributes = arr(model.attributes);
      runs.push({
        text: String(model.text ?? ''),
        ...(attributes.includes('bold') ? { strong: true } : {}),
      });
    }
  }
  return runs;
}

/** All the text under a block, paragraphs joined by spaces. */
function blockText(block: Rec): string {
  const paragraphs = findAll(block, new Set(['paragraph']));
  const runs = paragraphs.flatMap((p, i) => [
    ...(i > 0 ? [{ text: ' ' }] : []),
    ...paragraphRuns(p),
  ]);
  return normalizeRuns(runs)
    .map((r) => (typeof r === 'string' ? r : r.text))
    .join('');
}

/** An ichef address for a rawImage, and the size it serves. */
function ichef(raw: Rec): { src: string; width?: number; height?: number } | null {
  const locator = str(raw.locator);
  if (!locator) return null;
  const width = int(raw.width);
  const height = int(raw.height);
  if (/^(https?:\/\/)?ichef\./.test(locator) || locator.includes('$')) {
    const w = width ?? 976;
    const src = locator
      .replace(/^(https?:\/\/)?/, 'https://')
      .replace('$recipe', `${w}x${height ?? Math.round((w * 9) / 16)}`)
      .replace('$widthxn', `${w}xn`);
    return { src, ...(width && height ? { width, height } : {}) };
  }
  const origin = str(raw.originCode) ?? 'cpsprodpb';
  const served = width
    ? ([...ICHEF_WIDTHS].reverse().find((w) => w <= width) ?? ICHEF_WIDTHS[0])
    : 976;
  return {
    src: `https://ichef.bbci.co.uk/ace/ws/${served}/${origin}/${locator.replace(/^\/+/, '')}`,
    ...(width && height && served
      ? { width: served, height: Math.max(1, Math.round((height * served) / width)) }
      : {}),
  };
}

function imageBlock(block: Rec): ImageDraft | null {
  const raw = rec(ofType(block, 'rawImage')[0]?.model);
  const where = ichef(raw);
  if (!where) return null;
  const alt = blockText(ofType(block, 'altText')[0] ?? {});
  const caption = blockText(ofType(block, 'caption')[0] ?? {});
  const credit = str(raw.copyrightHolder);
  return {
    ...where,
    alt: alt || caption,
    ...(caption ? { caption } : {}),
    ...(credit ? { credit } : {}),
  };
}

/** The asset id in an Optimo URN or an article address: …:article:c1er5mjnznzo, /articles/c1er5mjnznzo. */
function assetId(value: string | undefined): string | undefined {
  return /(?:article|asset):(c[a-z0-9]{8,})$|\/articles\/(c[a-z0-9]{8,})(?:[/?#.]|$)/
    .exec(value ?? '')
    ?.slice(1)
    .find(Boolean);
}

const identityOf = (asset: string) => `bbc-optimo:${asset}`;

/** A link block (or relatedContent promo) as a link to another story. */
function linkOf(block: Rec): StoryLink | null {
  const url = findAll(block, new Set(['urlLink']))
    .map((u) => str(rec(u.model).locator))
    .find(Boolean);
  const locator = str(rec(block.model).locator);
  const decoded = locator?.startsWith('urn:bbc:content:url-promo:')
    ? decodeURIComponent(locator.slice(26))
    : undefined;
  const address = absoluteUrl(url ?? decoded)?.href;
  const title = blockText(ofType(block, 'text')[0] ?? block) || undefined;
  const asset = assetId(address) ?? assetId(locator);
  if (!address && !asset) return null;
  return {
    ...(asset ? { identity: identityOf(asset) } : {}),
    ...(address ? { url: address } : {}),
    ...(title ? { title } : {}),
  };
}

function promoLink(promo: Rec): StoryLink | null {
  const inner = rec(promo.promo ?? promo);
  const locators = rec(inner.locators);
  const path = firstStr(locators.canonicalUrl, locators.assetUri);
  const url = absoluteUrl(path, 'https://www.bbc.com')?.href;
  const asset = assetId(str(inner.id)) ?? assetId(url);
  const title = firstStr(
    rec(inner.headlines).headline,
    rec(inner.headlines).seoHeadline,
    rec(rec(inner.headlines).promoHeadline).text,
  );
  if (!url && !asset) return null;
  return {
    ...(asset ? { identity: identityOf(asset) } : {}),
    ...(url ? { url } : {}),
    ...(title ? { title } : {}),
  };
}

function paragraphBlock(paragraph: Rec): BlockDraft | null {
  const content = normalizeRuns(paragraphRuns(paragraph));
  return content.length > 0 ? { type: 'paragraph', content } : null;
}

function listBlock(list: Rec): BlockDraft | null {
  const items = ofType(list, 'listItem')
    .map((item) =>
      normalizeRuns(
        findAll(item, new Set(['paragraph'])).flatMap((p, i) => [
          ...(i > 0 ? [{ text: ' ' }] : []),
          ...paragraphRuns(p),
        ]),
      ),
    )
    .filter((item) => item.length > 0);
  return items.length > 0 ? { type: 'list', ordered: list.type === 'orderedList', items } : null;
}

function mapBlocks(
  blocks: Rec[],
  drops: Drops,
  out: { authors: string[]; related: StoryLink[] },
): BlockDraft[] {
  const body: BlockDraft[] = [];
  for (const block of blocks) {
    const type = str(block.type) ?? '(no type)';
    if (type === 'byline') {
      for (const contributor of ofType(block, 'contributor')) {
        const name = blockText(ofType(contributor, 'name')[0] ?? {});
        if (name) out.authors.push(name);
      }
      continue;
    }
    if (FURNITURE.has(type)) continue;
    switch (type) {
      case 'text': {
        // Paragraphs and lists at any depth, found without recursion.
        for (const child of findAll(
          block,
          new Set(['paragraph', 'unorderedList', 'orderedList']),
        )) {
          const mapped = child.type === 'paragraph' ? paragraphBlock(child) : listBlock(child);
          if (mapped) body.push(mapped);
        }
        break;
      }
      case 'paragraph': {
        const mapped = paragraphBlock(block);
        if (mapped) body.push(mapped);
        break;
      }
      case 'subheadline':
      case 'crosshead': {
        const text = blockText(block);
        if (text) body.push({ type: 'heading', text });
        break;
      }
      case 'unorderedList':
      case 'orderedList': {
        const mapped = listBlock(block);
        if (mapped) body.push(mapped);
        break;
      }
      case 'image': {
        const image = imageBlock(block);
        if (image) body.push({ type: 'image', image });
        else drops.add('image block without a rawImage locator dropped');
        break;
      }
      case 'links': {
        const items = ofType(block, 'link').flatMap((l) => linkOf(l) ?? []);
        if (items.length > 0) body.push({ type: 'readAlso', items });
        else drops.add('links block without links dropped');
        break;
      }
      case 'relatedContent':
        out.related.push(...ofType(block, 'link').flatMap((l) => linkOf(l) ?? []));
        break;
      case 'social':
      case 'oEmbed': {
        const model = rec(block.model);
        const url = absoluteUrl(firstStr(model.source, rec(model.oembed).url, model.href));
        if (url) {
          drops.add(`${type} block (${url.hostname}) replaced by a link to it`);
          body.push(embedLink(url));
        } else drops.add(`${type} block dropped`);
        break;
      }
      default:
        drops.add(`${type} block dropped`);
    }
  }
  return body;
}

/** Articles in a document: one (bare, or under data.article / article), or a list of them. */
function articlesIn(value: unknown): Rec[] {
  const candidates = Array.isArray(value) ? value : [value];
  return candidates.flatMap((c) => {
    const article = [rec(rec(rec(c).data).article), rec(rec(c).article), rec(c)].find(
      (a) => isRec(a.metadata) && isRec(a.content),
    );
    return article ? [article] : [];
  });
}

function mapArticle(article: Rec, index: number): ItemDraft {
  const drops = new Drops();
  const metadata = rec(article.metadata);
  const promo = rec(article.promo);
  const blocks = arr(rec(rec(article.content).model).blocks).map(rec);
  const asset = assetId(str(metadata.id)) ?? assetId(str(rec(metadata.locators).optimoUrn));
  const service =
    /^([a-z]+)\.articles\./.exec(str(rec(metadata.analyticsLabels).page) ?? '')?.[1] ??
    /\/home\/([A-Za-z]+)$/.exec(str(rec(metadata.passport).home) ?? '')?.[1]?.toLowerCase();
  const url =
    absoluteUrl(str(rec(metadata.locators).canonicalUrl))?.href ??
    (asset && service ? `https://www.bbc.com/${service}/articles/${asset}` : undefined);
  const headlineBlock = blocks.find((b) => b.type === 'headline');
  const headline =
    firstStr(
      rec(promo.headlines).seoHeadline,
      rec(promo.headlines).headline,
      headlineBlock && blockText(headlineBlock),
    ) ?? '';
  const summary =
    typeof promo.summary === 'string'
      ? str(promo.summary)
      : blockText(rec(promo.summary).blocks ? { model: promo.summary } : {});
  const out = { authors: [] as string[], related: [] as StoryLink[] };
  const body = mapBlocks(blocks, drops, out);
  for (const group of arr(rec(article.relatedContent).groups).map(rec)) {
    out.related.push(
      ...arr(group.promos)
        .map(rec)
        .flatMap((p) => promoLink(p) ?? []),
    );
  }
  const promoImage = rec(rec(promo.images).defaultPromoImage);
  const hero =
    body[0]?.type === 'image' || !isRec(promoImage) ? undefined : imageBlock({ model: promoImage });
  const topics: Term[] = arr(metadata.topics)
    .map(rec)
    .flatMap((t) => (str(t.topicName) ? [{ name: str(t.topicName) as string }] : []));
  const about: Term[] = arr(rec(metadata.tags).about)
    .map(rec)
    .flatMap((t) => (str(t.thingLabel) ? [{ name: str(t.thingLabel) as string }] : []));
  const sectionName = str(rec(rec(article.relatedContent).section).name);
  const categories = sectionName ? [{ name: sectionName }] : topics.slice(0, 1);
  const timestamp = rec(blocks.find((b) => b.type === 'timestamp')?.model);
  const publishedAt = firstDate(metadata.firstPublished, timestamp.firstPublished);
  const updated = firstDate(metadata.lastPublished, timestamp.lastPublished);
  return {
    label: asset ?? String(index + 1),
    identity: asset ? identityOf(asset) : (str(metadata.id) ?? ''),
    slugHint: asset,
    ...(url ? { url } : {}),
    headline,
    ...(summary ? { summary } : {}),
    ...(firstStr(metadata.language, rec(metadata.passport).language)
      ? { lang: firstStr(metadata.language, rec(metadata.passport).language) }
      : {}),
    categories,
    tags: [...(sectionName ? topics : topics.slice(1)), ...about],
    authors: [...new Set(out.authors)],
    ...(publishedAt ? { publishedAt } : {}),
    ...(publishedAt && laterThan(publishedAt, updated ?? null) ? { updatedAt: updated } : {}),
    ...(hero ? { hero } : {}),
    body,
    related: out.related,
    drops,
  };
}

/** `optimo`: every BBC Optimo article of a document. */
export const optimo: FormatMapping<null, Rec> = {
  read(doc) {
    const parsed = parseJson(doc.text);
    if (!parsed.ok) throw new InputError(parsed.message);
    const articles = articlesIn(parsed.value);
    if (articles.length === 0)
      throw new InputError(
        'no Optimo article here (expected "metadata" and "content.model.blocks")',
      );
    return { context: null, items: articles };
  },
  map: (_context, article, index) => mapArticle(article, index),
};
