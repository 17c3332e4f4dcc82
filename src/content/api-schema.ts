// Shapes of the static JSON API the content build writes and the browser reads.
// The story payload embeds the article exactly as ArticleSchema defines it.
import * as v from 'valibot';
import { ArticleSchema, SectionSchema, Slug } from './article-schema.ts';

const SitePath = v.pipe(
  v.string(),
  v.check(
    (s) => /^\/(?!\/)/.test(s) || s.startsWith('https://'),
    'must be a site path or https: URL',
  ),
);

/** Where a photo can be fetched, in what sizes. Local photos get AVIF and JPEG renditions. */
export const RenditionSchema = v.strictObject({
  src: SitePath,
  width: v.pipe(v.number(), v.integer(), v.minValue(1)),
  height: v.pipe(v.number(), v.integer(), v.minValue(1)),
  srcset: v.optional(v.string()),
  avifSrcset: v.optional(v.string()),
  /** Bytes of the smallest AVIF: what a reader saving data loads when they tap the photo. */
  smallBytes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

const TeaserImageSchema = v.strictObject({
  ...RenditionSchema.entries,
  alt: v.string(),
});

export const TeaserSchema = v.strictObject({
  id: v.string(),
  headline: v.string(),
  summary: v.optional(v.string()),
  section: SectionSchema,
  publishedAt: v.string(),
  readingMinutes: v.number(),
  breaking: v.optional(v.boolean()),
  image: v.optional(TeaserImageSchema),
});

export const StoryPayloadSchema = v.strictObject({
  article: ArticleSchema,
  section: SectionSchema,
  readingMinutes: v.pipe(v.number(), v.integer(), v.minValue(1)),
  wordCount: v.number(),
  /** Renditions of every local photo of the story, keyed by the `src` written in the article. */
  media: v.record(v.string(), RenditionSchema),
  /** Teasers for read-also links given by id, keyed by id. */
  readAlso: v.record(v.string(), TeaserSchema),
  related: v.array(TeaserSchema),
});

/** A list of stories is a section's or a tag's. */
export const LIST_KINDS = ['section', 'tag'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

const ListFields = {
  kind: v.picklist(LIST_KINDS),
  id: Slug,
  name: v.string(),
  /** Newest first. */
  items: v.array(TeaserSchema),
};
const PageNumber = v.pipe(v.number(), v.integer(), v.minValue(1));

/** A list's head file: what page 1 shows, and the counts every page needs (src/content/list-paging.ts). */
export const ListHeadSchema = v.strictObject({
  ...ListFields,
  total: v.pipe(v.number(), v.integer(), v.minValue(0)),
  pageCount: PageNumber,
});

/** One of a list's full chunks of 20, numbered from the oldest (0). */
export const ListChunkSchema = v.strictObject({
  ...ListFields,
  chunk: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** What a list page shows: the head or a chunk, with its page number counted from the newest. */
export const ListPageSchema = v.strictObject({
  ...ListFields,
  page: PageNumber,
  pageCount: PageNumber,
  total: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export const FrontPayloadSchema = v.strictObject({
  lead: v.nullable(TeaserSchema),
  latest: v.array(TeaserSchema),
  rails: v.array(v.strictObject({ section: SectionSchema, items: v.array(TeaserSchema) })),
});

/**
 * `/api/live.json`: what every open page watches besides its own list or story. Today the
 * newest story published with `breaking: true` (by publishedAt, the whole corpus), or null.
 */
export const LivePayloadSchema = v.strictObject({
  breaking: v.nullable(TeaserSchema),
});

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const IndexVersion = v.literal(7);

// The search index (src/content/search-index-layout.ts): term chunks, posting lists too
// long to inline (a head, and a tail's blocks when long), word lists for spelling slips, and a
// record per story.
export const SearchTermChunkSchema = v.strictObject({
  v: IndexVersion,
  /** Each word's postings inline, or 0: they are in its list file (its head says how many). */
  terms: v.array(v.tuple([v.string(), v.union([v.string(), v.literal(0)])])),
});
export const SearchPostingListSchema = v.strictObject({
  v: IndexVersion,
  postings: v.string(),
  /** A head's tail blocks, in impact order: each one's first posting (its file's name) and size. */
  tail: v.optional(v.array(v.tuple([Count, Count]))),
});
export const SearchLexiconSchema = v.strictObject({
  v: IndexVersion,
  words: v.array(v.tuple([v.string(), Count])),
});
export const SearchDocRecordSchema = v.pipe(
  v.strictObject({
    v: IndexVersion,
    id: v.string(),
    headline: v.string(),
    section: SectionSchema,
    publishedAt: v.string(),
    summary: v.optional(v.string()),
    passages: v.array(v.string()),
    /** Each passage's field, one letter a passage (the letters of story-terms.ts). */
    fields: v.pipe(v.string(), v.regex(/^[tdahbc]*$/)),
  }),
  v.check((r) => r.fields.length === r.passages.length, 'one field letter for each passage'),
);

export type Rendition = v.InferOutput<typeof RenditionSchema>;
export type Teaser = v.InferOutput<typeof TeaserSchema>;
export type StoryPayload = v.InferOutput<typeof StoryPayloadSchema>;
export type ListHead = v.InferOutput<typeof ListHeadSchema>;
export type ListChunk = v.InferOutput<typeof ListChunkSchema>;
export type ListPage = v.InferOutput<typeof ListPageSchema>;
export type FrontPayload = v.InferOutput<typeof FrontPayloadSchema>;
export type LivePayload = v.InferOutput<typeof LivePayloadSchema>;
export type TermChunk = v.InferOutput<typeof SearchTermChunkSchema>;
export type TermEntry = TermChunk['terms'][number];
export type PostingList = v.InferOutput<typeof SearchPostingListSchema>;
export type LexiconChunk = v.InferOutput<typeof SearchLexiconSchema>;
export type SearchDocRecord = v.InferOutput<typeof SearchDocRecordSchema>;
