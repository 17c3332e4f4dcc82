// What a format's mapping gives for one source item, before ids, sections, photos and
// links to other stories are settled for the whole run (finish-articles.ts does that).
import type { Image, Inline } from '#content/article-schema.ts';
import type { InputDoc } from './read-inputs.ts';

/** A photo as the source describes it: `src` is an absolute URL until photos are settled. */
export type ImageDraft = Omit<Image, 'width' | 'height'> & { width?: number; height?: number };

/** A link to another story: by the source's identity or URL, matched against this run's items. */
export type StoryLink = { identity?: string; url?: string; title?: string };

export type BlockDraft =
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'heading'; text: string }
  | { type: 'image'; image: ImageDraft }
  | { type: 'quote'; content: Inline[]; cite?: string }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'readAlso'; items: StoryLink[] };

/** A category or tag: `slug` is the source's own, when it has one. */
export type Term = { name: string; slug?: string };

export type ItemDraft = {
  /** Where the item sits in its input, for the report: "3" or the source's own id. */
  label: string;
  /** The source's stable identity (guid, post URL, ANS _id, Optimo URN): the id's hash. */
  identity: string;
  /** A slug to make the id readable (kept only when Latin). */
  slugHint?: string;
  /** The story's address at the source: links to it from other items become in-app links. */
  url?: string;
  /** Other addresses and ids the source uses for the same story (Optimo asset ids…). */
  aliases?: string[];
  headline: string;
  summary?: string;
  lang?: string;
  categories: Term[];
  tags: Term[];
  authors: string[];
  publishedAt?: string;
  updatedAt?: string;
  source?: string;
  breaking?: boolean;
  hero?: ImageDraft;
  body: BlockDraft[];
  related: StoryLink[];
  /** What the mapping dropped, one line each. */
  drops: Drops;
};

/**
 * A format: how one document is read, and how each of its items is mapped. Items are
 * independent: a large run maps them on several threads, so `map` reads nothing but its
 * arguments, and the context and items are plain data (copied to other threads).
 */
export type FormatMapping<Context = unknown, Item = unknown> = {
  /** Parses a document (InputError when it cannot be read) into what its items share and the items. */
  read(doc: InputDoc): { context: Context; items: Item[] };
  /** One item's draft, or null when it is no story to import (a WordPress draft…). */
  map(context: Context, item: Item, index: number): ItemDraft | null;
};

/** Every draft of one document, in order. */
export function mapDocument<C, I>(format: FormatMapping<C, I>, doc: InputDoc): ItemDraft[] {
  const { context, items } = format.read(doc);
  return items.flatMap((item, index) => format.map(context, item, index) ?? []);
}

/** Drop messages of one item; the same message twice is counted, not repeated. */
export class Drops {
  readonly counts: Map<string, number>;

  /** `counts` as another thread sent them (a Map crosses threads, a class does not). */
  constructor(counts?: Iterable<[string, number]>) {
    this.counts = new Map(counts);
  }

  add(message: string): void {
    this.counts.set(message, (this.counts.get(message) ?? 0) + 1);
  }

  lines(): string[] {
    return [...this.counts].map(([message, n]) => (n > 1 ? `${message} (${n} times)` : message));
  }
}

/** An input that could not be read at all: malformed, hostile, too big, unreachable. */
export class InputError extends Error {}
