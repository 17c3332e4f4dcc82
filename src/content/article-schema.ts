// The article schema (version 1) of CONTRACT §2: the one definition that checks
// content at build time and what the browser fetches at run time. Types derive from it.
import * as v from 'valibot';
import { forbiddenCharacter, isHttpsUrl, isMediaPath } from './forbidden-characters.ts';
import { isIsoDateTimeWithOffset } from './iso-date.ts';
import { judgeHref } from './safe-href.ts';
import { stripBidiControls } from './strip-bidi-controls.ts';

export const ARTICLE_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Section and tag ids end up in URLs and file names: letters and digits of any script, joined by hyphens. */
export const SLUG_PATTERN = /^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u;

/** No control character, noncharacter or lone surrogate (./forbidden-characters.ts). */
const Clean = v.check<string, (issue: v.CheckIssue<string>) => string>(
  (text) => forbiddenCharacter(text) === null,
  (issue) => `must not contain ${forbiddenCharacter(issue.input)}`,
);
/** Any text from content: clean, bidi controls removed, never interpreted as HTML. */
const Text = v.pipe(v.string(), Clean, v.transform(stripBidiControls));
const NonEmptyText = v.pipe(
  v.string(),
  Clean,
  v.transform(stripBidiControls),
  v.minLength(1, 'must not be empty'),
);

export const ArticleId = v.pipe(
  v.string(),
  v.maxLength(120, 'at most 120 characters'),
  v.regex(ARTICLE_ID_PATTERN, 'must be lowercase a-z, 0-9 and single hyphens'),
);
export const Slug = v.pipe(
  v.string(),
  v.maxLength(120, 'at most 120 characters'),
  v.regex(SLUG_PATTERN, 'must be letters and digits joined by single hyphens'),
);

const Href = v.pipe(
  v.string(),
  Clean,
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const verdict = judgeHref(dataset.value);
    if (!verdict.ok) addIssue({ message: verdict.reason });
  }),
);

const IsoDateTime = v.pipe(
  v.string(),
  v.check(isIsoDateTimeWithOffset, 'must be an ISO 8601 date-time with an offset'),
);

const Lang = v.pipe(
  v.string(),
  v.check((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  }, 'must be a BCP 47 language tag'),
);

export const ImageSchema = v.pipe(
  v.strictObject({
    src: v.pipe(
      v.string(),
      v.check(
        (src) => isMediaPath(src) || isHttpsUrl(src),
        'must be a path under media/ or an https: URL',
      ),
    ),
    alt: Text,
    caption: v.optional(Text),
    credit: v.optional(Text),
    width: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    height: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed || !isHttpsUrl(dataset.value.src)) return;
    for (const key of ['width', 'height'] as const) {
      if (dataset.value[key] === undefined) {
        addIssue({
          message: 'is required for remote images',
          path: [{ type: 'object', origin: 'value', input: dataset.value, key, value: undefined }],
        });
      }
    }
  }),
);

const InlineObject = v.strictObject({
  text: Text,
  href: v.optional(Href),
  strong: v.optional(v.literal(true, 'must be true when present')),
});
/** A run of text: a plain string, or an object that may link or stress it. */
export const InlineSchema = v.lazy((input) => (typeof input === 'string' ? Text : InlineObject));
const InlineList = v.array(InlineSchema);

const ReadAlsoItem = v.lazy((input) =>
  typeof input === 'object' && input !== null && 'url' in input
    ? v.strictObject({ url: Href, title: NonEmptyText })
    : v.strictObject({ id: ArticleId }),
);

export const BlockSchema = v.variant(
  'type',
  [
    v.strictObject({ type: v.literal('paragraph'), content: InlineList }),
    v.strictObject({ type: v.literal('heading'), text: NonEmptyText }),
    v.strictObject({ type: v.literal('image'), image: ImageSchema }),
    v.strictObject({ type: v.literal('quote'), content: InlineList, cite: v.optional(Text) }),
    v.strictObject({ type: v.literal('list'), ordered: v.boolean(), items: v.array(InlineList) }),
    v.strictObject({
      type: v.literal('readAlso'),
      items: v.pipe(v.array(ReadAlsoItem), v.minLength(1, 'must hold at least one link')),
    }),
  ],
  'must be a block of type paragraph, heading, image, quote, list or readAlso',
);

export const TagSchema = v.strictObject({ id: Slug, name: NonEmptyText });

export const ArticleSchema = v.pipe(
  v.strictObject({
    schemaVersion: v.literal(1, 'must be 1'),
    id: ArticleId,
    lang: v.optional(Lang, 'ar'),
    headline: v.pipe(NonEmptyText, v.maxLength(300, 'at most 300 characters')),
    summary: v.optional(v.pipe(Text, v.maxLength(600, 'at most 600 characters'))),
    section: Slug,
    tags: v.optional(v.array(TagSchema)),
    publishedAt: IsoDateTime,
    updatedAt: v.optional(IsoDateTime),
    dateline: v.optional(Text),
    source: v.optional(Text),
    authors: v.optional(v.array(NonEmptyText)),
    breaking: v.optional(v.boolean()),
    hero: v.optional(ImageSchema),
    body: v.pipe(v.array(BlockSchema), v.minLength(1, 'must hold at least one block')),
    related: v.optional(v.array(ArticleId)),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const { publishedAt, updatedAt } = dataset.value;
    if (updatedAt !== undefined && Date.parse(updatedAt) < Date.parse(publishedAt)) {
      addIssue({
        message: 'must not be before publishedAt',
        path: [
          {
            type: 'object',
            origin: 'value',
            input: dataset.value,
            key: 'updatedAt',
            value: updatedAt,
          },
        ],
      });
    }
  }),
);

export const SectionSchema = v.strictObject({ id: Slug, name: NonEmptyText });
export const SectionListSchema = v.pipe(
  v.array(SectionSchema),
  v.minLength(1, 'must list at least one section'),
);

export type Article = v.InferOutput<typeof ArticleSchema>;
export type ArticleInput = v.InferInput<typeof ArticleSchema>;
export type Block = v.InferOutput<typeof BlockSchema>;
export type Inline = string | v.InferOutput<typeof InlineObject>;
export type Image = v.InferOutput<typeof ImageSchema>;
export type Tag = v.InferOutput<typeof TagSchema>;
export type Section = v.InferOutput<typeof SectionSchema>;
export type ReadAlsoLink = Extract<Block, { type: 'readAlso' }>['items'][number];
