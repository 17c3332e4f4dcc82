// The text of a story, field by field, for the search index: what each part of a story
// says and where it says it. Blocks are read by a BlockVisitor (body-walker.ts), so a new
// block type is a type error here until its text is decided. Only the type is imported:
// importing the walker's code would make it a chunk shared with the first view, which
// the search route must not touch (the first-view budget grew 53 bytes when it did).
import type { Article, Block, Image, Inline } from './article-schema.ts';
import type { BlockVisitor } from './body-walker.ts';

const inlineText = (runs: readonly Inline[]): string =>
  runs.map((run) => (typeof run === 'string' ? run : run.text)).join('');

/**
 * The fields of a story's text: `headings` are the body's sub-headings; `body` its
 * paragraphs, quotes (with their cite) and list items; `captions` the captions and
 * alt text of the hero and of body photos.
 */
export type StoryField =
  | 'headline'
  | 'summary'
  | 'tags'
  | 'section'
  | 'dateline'
  | 'authors'
  | 'headings'
  | 'body'
  | 'captions';

/** One piece of a story's text and the field it belongs to. */
export type StoryText = { field: StoryField; text: string };

const imageTexts = (image: Image): StoryText[] => [
  { field: 'captions', text: image.caption ?? '' },
  { field: 'captions', text: image.alt },
];

const blockTexts: BlockVisitor<readonly StoryText[]> = {
  paragraph: (block) => [{ field: 'body', text: inlineText(block.content) }],
  heading: (block) => [{ field: 'headings', text: block.text }],
  image: (block) => imageTexts(block.image),
  quote: (block) => [
    { field: 'body', text: inlineText(block.content) },
    { field: 'body', text: block.cite ?? '' },
  ],
  list: (block) => block.items.map((item) => ({ field: 'body', text: inlineText(item) })),
  // Links to other pages: their titles describe those pages, not this story.
  readAlso: () => [],
};

const textsOf = (block: Block): readonly StoryText[] =>
  (blockTexts[block.type] as (block: Block) => readonly StoryText[])(block);

/**
 * Every text of a story in reading order, each with its field: headline, summary,
 * dateline, the hero's caption and alt, the body blocks, tags, authors and section
 * (`sectionName` is the section's display name). Empty texts are left out.
 */
export function storyTexts(article: Article, sectionName: string): StoryText[] {
  const texts: StoryText[] = [
    { field: 'headline', text: article.headline },
    { field: 'summary', text: article.summary ?? '' },
    { field: 'dateline', text: article.dateline ?? '' },
    ...(article.hero ? imageTexts(article.hero) : []),
    ...article.body.flatMap((block) => textsOf(block)),
    ...(article.tags ?? []).map((tag) => ({ field: 'tags' as const, text: tag.name })),
    ...(article.authors ?? []).map((name) => ({ field: 'authors' as const, text: name })),
    { field: 'section', text: sectionName },
  ];
  return texts.filter((t) => t.text.trim() !== '');
}
