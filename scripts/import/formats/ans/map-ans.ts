// `ans`: Arc XP ANS stories (0.10.x): one story, an array of them, or a Content API
// answer that lists them in `content_elements`. Text elements carry inline HTML, read by
// the same HTML mapping as feeds; the rest is mapped element by element.
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
import { embedLink, htmlToBlocks, htmlToText, normalizeRuns } from '../../shared/html-to-blocks.ts';
import { arr, firstStr, int, isRec, type Rec, rec, str } from '../../shared/pick.ts';

const isStory = (value: unknown) => isRec(value) && value.type === 'story';

/** The stories in a document: a story, an array of stories, or a search or collection answer. */
function storiesIn(value: unknown): Rec[] {
  if (isStory(value)) return [value as Rec];
  if (Array.isArray(value)) return value.filter(isStory) as Rec[];
  const record = rec(value);
  for (const key of ['content_elements', 'data', 'results']) {
    const list = arr(record[key]).filter(isStory) as Rec[];
    if (list.length > 0) return list;
  }
  return [];
}

function absolute(url: string | undefined, site: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, site).href;
  } catch {
    return undefined;
  }
}

function ansImage(element: Rec, fallbackAlt: string): ImageDraft | undefined {
  const src = str(element.url);
  if (!src) return undefined;
  const caption = htmlToText(str(element.caption) ?? '');
  const credits = rec(element.credits);
  const credit = [...arr(credits.by), ...arr(credits.affiliation)]
    .flatMap((c) => (str(rec(c).name) ? [str(rec(c).name) as string] : []))
    .join('، ');
  const width = int(element.width);
  const height = int(element.height);
  return {
    src,
    alt: str(element.alt_text) ?? (caption || str(element.subtitle) || fallbackAlt),
    ...(caption ? { caption } : {}),
    ...(credit ? { credit } : {}),
    ...(width && height ? { width, height } : {}),
  };
}

/** A related item or link-list entry as a link to another story. */
function storyLink(item: Rec, site: string | undefined): StoryLink | null {
  const referent = rec(item.referent);
  const identity = firstStr(item._id, referent.id);
  const url = absolute(firstStr(item.canonical_url, item.website_url, item.url), site);
  const title = firstStr(
    rec(item.headlines).basic,
    item.content ? htmlToText(String(item.content)) : undefined,
  );
  if (!identity && !url) return null;
  return {
    ...(identity ? { identity: `ans:${identity}` } : {}),
    ...(url ? { url } : {}),
    ...(title ? { title } : {}),
  };
}

function mapElements(
  elements: unknown[],
  ctx: { site?: string; drops: Drops; headline: string },
): BlockDraft[] {
  const { site, drops } = ctx;
  const blocks: BlockDraft[] = [];
  for (const element of elements.map(rec)) {
    const type = str(element.type) ?? '(no type)';
    const content = str(element.content);
    switch (type) {
      case 'text':
      case 'correction':
        if (content || element.text) {
          blocks.push(
            ...htmlToBlocks(`<p>${content ?? str(element.text) ?? ''}</p>`, {
              baseUrl: site,
              drops,
            }),
          );
        }
        break;
      case 'header': {
        const text = htmlToText(content ?? '');
        if (text) blocks.push({ type: 'heading', text });
        break;
      }
      case 'image': {
        const image = ansImage(element, ctx.headline);
        if (image) blocks.push({ type: 'image', image });
        else drops.add('image element without a url dropped');
        break;
      }
      case 'quote': {
        const inner = arr(element.content_elements).map(rec);
        const html = inner.map((e) => `<p>${str(e.content) ?? ''}</p>`).join('');
        const quote = htmlToBlocks(`<blockquote>${html}</blockquote>`, { baseUrl: site, drops });
        const cite = htmlToText(str(rec(element.citation).content) ?? '');
        for (const block of quote)
          blocks.push(block.type === 'quote' && cite ? { ...block, cite } : block);
        break;
      }
      case 'list': {
        const items = arr(element.items)
          .map(rec)
          .map((item) => {
            const text =
              item.type === 'list'
                ? htmlToText(
                    arr(item.items)
                      .map((i) => str(rec(i).content) ?? '')
                      .join(' '),
                  )
                : str(item.content);
            return normalizeRuns([{ text: htmlToText(text ?? '') }]);
          })
          .filter((item) => item.length > 0);
        if (items.length > 0)
          blocks.push({ type: 'list', ordered: element.list_type === 'ordered', items });
        break;
      }
      case 'link_list':
      case 'interstitial_link': {
        const entries = type === 'link_list' ? arr(element.items).map(rec) : [element];
        const items = entries.flatMap((e) => {
          const link = storyLink(e, site);
          return link ? [link] : [];
        });
        if (items.length > 0) blocks.push({ type: 'readAlso', items });
        break;
      }
      case 'oembed_response': {
        const url = absolute(
          firstStr(
            rec(element.referent).id,
            rec(element.raw_oembed)._id,
            rec(element.raw_oembed).url,
          ),
          site,
        );
        if (url) {
          drops.add(
            `${str(element.subtype) ?? 'oembed'} embed (${new URL(url).hostname}) replaced by a link to it`,
          );
          blocks.push(embedLink(new URL(url)));
        } else drops.add(`${str(element.subtype) ?? 'oembed'} embed dropped`);
        break;
      }
      case 'gallery':
        blocks.push(...mapElements(arr(element.content_elements), ctx));
        break;
      default:
        drops.add(`${type} element dropped`);
    }
  }
  return blocks;
}

function mapStory(story: Rec, index: number, site: string | undefined): ItemDraft {
  const drops = new Drops();
  // ANS keeps site-relative paths; --base-url (or the address the stories came from) makes them whole.
  const canonical = firstStr(story.canonical_url, story.website_url);
  const url = absolute(canonical, site);
  const headline = htmlToText(firstStr(rec(story.headlines).basic, rec(story.headlines).web) ?? '');
  const taxonomy = rec(story.taxonomy);
  const primary = rec(taxonomy.primary_section);
  const sections = [primary, ...arr(taxonomy.sections).map(rec)].filter((s) => str(s.name));
  const seen = new Set<string>();
  const categories: Term[] = [];
  for (const section of sections) {
    const slug = str(section._id)
      ?.replace(/^\/+|\/+$/g, '')
      .replace(/\//g, '-');
    const key = slug ?? str(section.name) ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    categories.push({ name: str(section.name) as string, ...(slug ? { slug } : {}) });
  }
  const tags: Term[] = arr(taxonomy.tags)
    .map(rec)
    .flatMap((t) => {
      const name = firstStr(t.text, t.name);
      return name ? [{ name, ...(str(t.slug) ? { slug: str(t.slug) } : {}) }] : [];
    });
  const promo = rec(rec(story.promo_items).basic);
  const hero = promo.type === 'image' || str(promo.url) ? ansImage(promo, headline) : undefined;
  if (isRec(rec(story.promo_items).basic) && !hero)
    drops.add(`promo item of type ${str(promo.type) ?? 'unknown'} dropped`);
  const publishedAt = firstDate(
    story.first_publish_date,
    story.display_date,
    story.publish_date,
    story.created_date,
  );
  const source = rec(story.source);
  const distributor = rec(story.distributor);
  const id = str(story._id);
  return {
    label: id ?? String(index + 1),
    identity: id ? `ans:${id}` : '',
    slugHint: str(story.slug) ?? canonical?.split('/').filter(Boolean).at(-1),
    ...(url ? { url } : {}),
    headline,
    ...(htmlToText(str(rec(story.description).basic) ?? '')
      ? { summary: htmlToText(str(rec(story.description).basic) ?? '') }
      : {}),
    ...(str(story.language) ? { lang: str(story.language) } : {}),
    categories: categories.slice(0, 1),
    tags: [...categories.slice(1), ...tags],
    authors: arr(rec(story.credits).by).flatMap((c) =>
      str(rec(c).name) ? [str(rec(c).name) as string] : [],
    ),
    ...(publishedAt ? { publishedAt } : {}),
    ...(publishedAt &&
    laterThan(publishedAt, firstDate(story.last_updated_date, story.publish_date) ?? null)
      ? {
          updatedAt: laterThan(
            publishedAt,
            firstDate(story.last_updated_date, story.publish_date) ?? null,
          ),
        }
      : {}),
    ...(firstStr(distributor.name, source.source_type === 'wires' ? source.name : undefined)
      ? { source: firstStr(distributor.name, source.name) }
      : {}),
    ...(hero ? { hero } : {}),
    body: mapElements(arr(story.content_elements), { site: url, drops, headline }),
    related: arr(rec(story.related_content).basic)
      .map(rec)
      .flatMap((item) => {
        const link = storyLink(item, url);
        return link ? [link] : [];
      }),
    drops,
  };
}

/** `ans`: every story of a document; relative addresses resolve against the site (--base-url). */
export const ans: FormatMapping<string | undefined, Rec> = {
  read(doc) {
    const parsed = parseJson(doc.text);
    if (!parsed.ok) throw new InputError(parsed.message);
    const stories = storiesIn(parsed.value);
    if (stories.length === 0)
      throw new InputError('no ANS story here (expected objects with "type": "story")');
    return { context: doc.url, items: stories };
  },
  map: (site, story, index) => mapStory(story, index, site),
};
