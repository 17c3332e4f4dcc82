// Drafts of the whole run become articles: ids settled (and kept apart), sections and
// tags named, photos settled, links between the run's stories made in-app, summaries
// filled, and every article checked against the schema the build uses. An item that
// cannot be made valid is skipped with its reasons; nothing half-made is returned.
// The decisions that need the whole run (ids, sections, tag names, photos) are taken in
// order on each draft's head; building and checking each article (buildArticle) needs
// only its draft, so it runs on the thread that mapped the draft (item-threads.ts).
import * as v from 'valibot';
import {
  ArticleSchema,
  type Block,
  type Image,
  type Inline,
  type ReadAlsoLink,
  type Tag,
} from '#content/article-schema.ts';
import { MAX_STORY_BYTES } from '#scripts/build/content/load-content.ts';
import { problemsFromIssues } from '#scripts/build/content/problem.ts';
import {
  type BlockDraft,
  Drops,
  type ImageDraft,
  type ItemDraft,
  type StoryLink,
} from './draft.ts';
import { inlineText } from './html-to-blocks.ts';
import { storyId, termSlug } from './ids.ts';
import type { MediaSettler } from './media.ts';
import type { SectionResolver } from './sections.ts';

/** A body block as the run's decisions see it: photos whole, other blocks by kind and place. */
export type BodyOutline =
  | { type: 'image'; image: ImageDraft; at: number }
  | { type: Exclude<BlockDraft['type'], 'image'>; at: number };

/** A draft without the text of its body and its links to other stories (they stay on the thread that mapped it). */
export type ItemHead = Omit<ItemDraft, 'body' | 'related'> & { body: BodyOutline[] };

export function headOf(draft: ItemDraft): ItemHead {
  const { body, related: _related, ...rest } = draft;
  return {
    ...rest,
    body: body.map((block, at) =>
      block.type === 'image' ? { type: 'image', image: block.image, at } : { type: block.type, at },
    ),
  };
}

/** A head, the input it came from, and its item's number in the run (`key`). */
export type SourcedHead = { input: string; key: number; head: ItemHead };

/** What building one article needs besides its draft: every run-wide decision about it. */
export type BuildJob = {
  key: number;
  id: string;
  section: string;
  tags: Tag[];
  hero?: Image;
  /** The body: a number is the draft's block at that place, an image a settled photo. */
  blocks: (number | Image)[];
};

/** The run's stories, for links between them: ids by identity and by URL key, and which are valid. */
export type StoryIndex = {
  byIdentity: Map<string, string>;
  byUrl: Map<string, string>;
  valid: Set<string>;
};

/** One built article (its file's text stays with its draft), or why it is not valid; the drops building added; the stories it links to. */
export type Built = { key: number; drops: string[]; targets: string[] } & (
  | { ok: true; headline: string }
  | { ok: false; reason: string }
);

/** Builds the articles of `jobs` (wherever their drafts are), in the order given. */
export type Builder = (jobs: BuildJob[], index: StoryIndex) => Promise<Built[]>;

export type Finished =
  | {
      input: string;
      label: string;
      id: string;
      ok: true;
      /** The item's number in the run: its JSON is written by the thread that built it. */
      key: number;
      headline: string;
      drops: string[];
    }
  | { input: string; label: string; id?: string; ok: false; reason: string; drops: string[] };

type Skipped = Extract<Finished, { ok: false }>;

const MAX_HEADLINE = 300;
const MAX_SUMMARY = 600;

/** Cuts text to `max` characters at a word edge, with an ellipsis. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const slice = text.slice(0, max - 1);
  const space = slice.lastIndexOf(' ');
  return `${(space > max / 2 ? slice.slice(0, space) : slice).trimEnd()}…`;
}

/** A source excerpt without WordPress's "[…]" and "The post … appeared first on …" tail. */
export function cleanSummary(summary: string | undefined): string | undefined {
  return summary
    ?.replace(/\s*The post .{0,300}? appeared first on .{0,200}$/s, '')
    .replace(
      /\s*(?:ظهرت المقالة|ظهر المقال|ظهرت التدوينة) .{0,300}? (?:أولاً|أولا) على .{0,200}$/s,
      '',
    )
    .replace(/\s*\[(?:…|\.\.\.|&hellip;)\]\s*$/, '…')
    .trim();
}

/** The first sentence of the story's first paragraph: a summary where the source has none. */
export function firstSentence(body: readonly BlockDraft[]): string | undefined {
  const first = body.find((b) => b.type === 'paragraph');
  if (first?.type !== 'paragraph') return undefined;
  const text = inlineText(first.content).trim();
  const end = /[.!?؟。](?=\s|$)/.exec(text);
  const sentence = end ? text.slice(0, end.index + 1) : text;
  return sentence ? cut(sentence, MAX_SUMMARY) : undefined;
}

/** URLs compared without their fragment, trailing slash or letter case of the host. */
export function urlKey(url: string): string | undefined {
  try {
    const u = new URL(url);
    u.hash = '';
    return `${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return undefined;
  }
}

export type FinishContext = {
  sections: SectionResolver;
  media: MediaSettler;
  /** Tag names already used in the content folder: one id keeps one name (CONTRACT §2). */
  tagNames: Map<string, string>;
};

type Placed = SourcedHead & { id: string };

/** Gives every draft its id; drafts that cannot be placed are returned as skipped. */
function placeDrafts(heads: readonly SourcedHead[]): { placed: Placed[]; skipped: Finished[] } {
  const placed: Placed[] = [];
  const skipped: Finished[] = [];
  const byIdentity = new Map<string, Placed>();
  const byId = new Map<string, string>();
  for (const item of heads) {
    const { head: draft, input } = item;
    const base = { input, label: draft.label, ok: false as const, drops: draft.drops.lines() };
    if (!draft.identity) {
      skipped.push({ ...base, reason: 'no guid, id or link to know the item by' });
      continue;
    }
    const twin = byIdentity.get(draft.identity);
    if (twin) {
      skipped.push({
        ...base,
        id: twin.id,
        reason: `same item as ${twin.input} item ${twin.head.label}`,
      });
      continue;
    }
    let id = storyId(draft.identity, draft.slugHint);
    // Two identities with one short hash: the later one takes a longer hash.
    for (let chars = 16; byId.has(id) && byId.get(id) !== draft.identity; chars += 6) {
      id = storyId(draft.identity, draft.slugHint, chars);
    }
    byId.set(id, draft.identity);
    const entry = { ...item, id };
    byIdentity.set(draft.identity, entry);
    placed.push(entry);
  }
  return { placed, skipped };
}

/** The schema's complaints as the build words them: `<json path>: <what>`, joined. */
function issues(result: v.SafeParseResult<typeof ArticleSchema>): string {
  if (result.success) return '';
  return problemsFromIssues('', result.issues)
    .map((problem) => `${problem.path}: ${problem.message}`)
    .join('; ');
}

export async function finishArticles(
  heads: readonly SourcedHead[],
  ctx: FinishContext,
  buildAll: Builder,
): Promise<Finished[]> {
  const { placed, skipped } = placeDrafts(heads);
  const byIdentity = new Map<string, string>();
  const byUrl = new Map<string, string>();
  for (const { head, id } of placed) {
    byIdentity.set(head.identity, id);
    for (const alias of head.aliases ?? []) byIdentity.set(alias, id);
    const key = head.url && urlKey(head.url);
    if (key) byUrl.set(key, id);
  }

  // Everything but links to other stories, which wait until the run knows which items are valid.
  const prepared = await Promise.all(placed.map((item) => prepare(item, ctx)));
  // Links to other stories are made to every story that is valid. Each article is built and
  // checked once; when some fail, the ones that linked to them are built again without those
  // links (rare: an item that prepared well almost never fails the schema).
  const index: StoryIndex = {
    byIdentity,
    byUrl,
    valid: new Set(prepared.flatMap((p) => (p.ok ? [p.id] : []))),
  };
  const results = new Map<string, Finished>();
  let pending = prepared.filter((p): p is Prepared => p.ok);
  for (let round = 0; pending.length > 0 && round < 4; round++) {
    const failedNow: string[] = [];
    const linksTo = new Map<string, Set<string>>();
    const built = await buildAll(pending.map(jobOf), index);
    pending.forEach((p, i) => {
      const result = built[i] as Built;
      linksTo.set(p.id, new Set(result.targets));
      // Drops are built on a copy, so a rebuilt article does not report them twice.
      const drops = [...p.drops.lines(), ...result.drops];
      if (!result.ok) failedNow.push(p.id);
      results.set(
        p.id,
        result.ok
          ? { ...base(p), ok: true, key: p.key, headline: result.headline, drops }
          : { ...base(p), ok: false, reason: result.reason, drops },
      );
    });
    for (const id of failedNow) index.valid.delete(id);
    pending =
      failedNow.length === 0
        ? []
        : pending.filter(
            (p) => index.valid.has(p.id) && failedNow.some((f) => linksTo.get(p.id)?.has(f)),
          );
  }
  const finished: Finished[] = [...skipped];
  for (const p of prepared) finished.push(p.ok ? (results.get(p.id) as Finished) : p);
  return finished;
}

const base = (p: Prepared) => ({ input: p.input, label: p.label, id: p.id });

function jobOf(p: Prepared): BuildJob {
  return {
    key: p.key,
    id: p.id,
    section: p.section,
    tags: p.tags,
    ...(p.hero ? { hero: p.hero } : {}),
    blocks: p.blocks.map((b) => (b.type === 'image' ? b.image : b.at)),
  };
}

/** The id of a valid story of the run that `link` names, other than `self`. */
function storyOf(link: StoryLink, self: string, index: StoryIndex): string | undefined {
  const byIdentity = link.identity && index.byIdentity.get(link.identity);
  const byUrl = link.url && index.byUrl.get(urlKey(link.url) ?? '');
  const id = byIdentity || byUrl;
  return id && id !== self && index.valid.has(id) ? id : undefined;
}

/** Builds one article from its draft and the run's decisions, and checks it against the schema. */
export function buildArticle(
  draft: ItemDraft,
  job: BuildJob,
  index: StoryIndex,
): { built: Built; json?: string } {
  const targets = new Set<string>();
  const hrefFor = (href: string) => {
    const id = index.byUrl.get(urlKey(href) ?? '');
    if (!id || id === job.id || !index.valid.has(id)) return undefined;
    targets.add(id);
    return `/article/${id}`;
  };
  const linked = (link: StoryLink) => {
    const id = storyOf(link, job.id, index);
    if (id) targets.add(id);
    return id;
  };
  const drops = new Drops();
  const blocks = job.blocks.map((b): BlockDraft | { type: 'image'; image: Image } =>
    typeof b === 'number' ? (draft.body[b] as BlockDraft) : { type: 'image', image: b },
  );
  const result = v.safeParse(ArticleSchema, build(draft, job, blocks, linked, hrefFor, drops));
  const done = { key: job.key, drops: drops.lines(), targets: [...targets] };
  if (!result.success)
    return { built: { ...done, ok: false, reason: `invalid: ${issues(result)}` } };
  // Kept as text: written as it is (fs converts it on the way out), no buffer of its own.
  const json = `${JSON.stringify(result.output, null, 2)}\n`;
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_STORY_BYTES) {
    return {
      built: { ...done, ok: false, reason: `${bytes} bytes, over the 2 MB story limit` },
    };
  }
  return { built: { ...done, ok: true, headline: result.output.headline }, json };
}

type Prepared = {
  ok: true;
  input: string;
  key: number;
  label: string;
  id: string;
  drops: Drops;
  section: string;
  tags: Tag[];
  hero?: Image;
  blocks: (BodyOutline | { type: 'image'; image: Image })[];
};

async function prepare(item: Placed, ctx: FinishContext): Promise<Prepared | Skipped> {
  const { head: draft, input, id, key } = item;
  const { drops } = draft;
  const fail = (reason: string): Skipped => ({
    input,
    label: draft.label,
    id,
    ok: false,
    reason,
    drops: drops.lines(),
  });
  if (!draft.headline) return fail('no headline');
  if (!draft.publishedAt) return fail('no publication date that reads as a date');

  const { section, rest } = ctx.sections.resolve(draft.categories);
  const tags: Tag[] = [];
  for (const term of [...rest, ...draft.tags]) {
    const tagId = termSlug(term.slug ?? '') ?? termSlug(term.name);
    if (!tagId) {
      drops.add(`tag "${term.name}" dropped: no letters or digits to name it by`);
      continue;
    }
    if (tags.some((t) => t.id === tagId)) continue;
    const name = ctx.tagNames.get(tagId) ?? term.name;
    ctx.tagNames.set(tagId, name);
    tags.push({ id: tagId, name });
  }

  // A source hero that also opens the body is shown once; a body that opens with a photo
  // gives the hero where the source names none.
  const body = [...draft.body];
  let heroDraft = draft.hero;
  if (heroDraft) {
    const at = body.findIndex((b) => b.type === 'image' && b.image.src === heroDraft?.src);
    if (at >= 0) {
      const [dup] = body.splice(at, 1);
      if (dup?.type === 'image') heroDraft = { ...dup.image, ...heroDraft };
    }
  } else if (body[0]?.type === 'image') {
    heroDraft = (body.shift() as Extract<BodyOutline, { type: 'image' }>).image;
  }
  const hero = heroDraft ? ((await ctx.media.settle(heroDraft, drops)) ?? undefined) : undefined;
  const blocks: Prepared['blocks'] = [];
  for (const block of body) {
    if (block.type !== 'image') blocks.push(block);
    else {
      const image = await ctx.media.settle(block.image, drops);
      if (image) blocks.push({ type: 'image', image });
    }
  }
  if (!blocks.some((b) => b.type !== 'readAlso')) return fail('no body text');
  return {
    ok: true,
    input,
    key,
    label: draft.label,
    id,
    drops,
    section: section.id,
    tags,
    ...(hero ? { hero } : {}),
    blocks,
  };
}

/** The article as the schema reads it; links to other stories resolved by `storyOf`. */
function build(
  draft: ItemDraft,
  p: BuildJob,
  blocks: readonly (BlockDraft | { type: 'image'; image: Image })[],
  storyOf: (link: StoryLink) => string | undefined,
  hrefFor: (href: string) => string | undefined,
  drops: Drops,
): unknown {
  const mapInline = (run: Inline): Inline =>
    typeof run === 'string' || !run.href ? run : { ...run, href: hrefFor(run.href) ?? run.href };
  const readAlso = (items: readonly StoryLink[]): ReadAlsoLink[] => {
    const out: ReadAlsoLink[] = [];
    for (const link of items) {
      const id = storyOf(link);
      if (id) out.push({ id });
      else if (link.url && link.title) out.push({ url: link.url, title: link.title });
      else
        drops.add(
          `read-also link ${link.url ?? link.identity ?? ''} dropped: not imported in this run and no title`,
        );
    }
    return out;
  };
  const body: Block[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph')
      body.push({ type: 'paragraph', content: block.content.map(mapInline) });
    else if (block.type === 'quote') body.push({ ...block, content: block.content.map(mapInline) });
    else if (block.type === 'list')
      body.push({ ...block, items: block.items.map((item) => item.map(mapInline)) });
    else if (block.type === 'readAlso') {
      const items = readAlso(block.items);
      if (items.length > 0) body.push({ type: 'readAlso', items });
    } else body.push(block as Block);
  }
  const related: string[] = [];
  const outside: StoryLink[] = [];
  for (const link of draft.related) {
    const id = storyOf(link);
    if (id && !related.includes(id)) related.push(id);
    else if (!id) outside.push(link);
  }
  // Related stories outside this run are kept as a read-also box at the end.
  const outsideLinks: ReadAlsoLink[] = [];
  for (const link of outside) {
    if (link.url && link.title) outsideLinks.push({ url: link.url, title: link.title });
    else
      drops.add(
        `related story ${link.url ?? link.identity ?? ''} dropped: not imported in this run and no address with a title`,
      );
  }
  if (outsideLinks.length > 0) body.push({ type: 'readAlso', items: outsideLinks });

  let headline = draft.headline;
  if (headline.length > MAX_HEADLINE) {
    drops.add(`headline cut to ${MAX_HEADLINE} characters`);
    headline = cut(headline, MAX_HEADLINE);
  }
  let summary = cleanSummary(draft.summary) || firstSentence(blocks as BlockDraft[]);
  if (summary && summary.length > MAX_SUMMARY) {
    drops.add(`summary cut to ${MAX_SUMMARY} characters`);
    summary = cut(summary, MAX_SUMMARY);
  }
  let lang = draft.lang;
  if (lang) {
    try {
      lang = Intl.getCanonicalLocales(lang.replace(/_/g, '-'))[0];
    } catch {
      drops.add(`language "${lang}" is not a BCP 47 tag: "ar" assumed`);
      lang = undefined;
    }
  }
  return {
    schemaVersion: 1,
    id: p.id,
    lang: lang ?? 'ar',
    headline,
    ...(summary ? { summary } : {}),
    section: p.section,
    ...(p.tags.length > 0 ? { tags: p.tags } : {}),
    publishedAt: draft.publishedAt,
    ...(draft.updatedAt && Date.parse(draft.updatedAt) > Date.parse(draft.publishedAt as string)
      ? { updatedAt: draft.updatedAt }
      : {}),
    ...(draft.source ? { source: draft.source } : {}),
    ...(draft.authors.length > 0 ? { authors: draft.authors } : {}),
    ...(draft.breaking ? { breaking: true } : {}),
    ...(p.hero ? { hero: p.hero } : {}),
    body,
    ...(related.length > 0 ? { related } : {}),
  };
}
