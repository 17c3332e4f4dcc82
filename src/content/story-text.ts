// The text of a story, field by field, for everything that reads a story as words
// (the search index today). One walker over the body with a handler per block type:
// a new block type is a type error here until someone decides what its text is.
import type { Article, Block, Image, Inline } from './article-schema.ts';

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

export const inlineText = (runs: readonly Inline[]): string =>
  runs.map((run) => (typeof run === 'string' ? run : run.text)).join('');

const imageTexts = (image: Image): StoryText[] => [
  { field: 'captions', text: image.caption ?? '' },
  { field: 'captions', text: image.alt },
];

/** One piece of a story's text and the field it belongs to. */
export type StoryText = { field: StoryField; text: string };

/** One block's texts. */
function blockTexts(block: Block): StoryText[] {
  switch (block.type) {
    case 'paragraph':
      return [{ field: 'body', text: inlineText(block.content) }];
    case 'heading':
      return [{ field: 'headings', text: block.text }];
    case 'quote':
      return [
        { field: 'body', text: inlineText(block.content) },
        ...(block.cite ? [{ field: 'body' as const, text: block.cite }] : []),
      ];
    case 'list':
      return block.items.map((item) => ({ field: 'body' as const, text: inlineText(item) }));
    case 'image':
      return imageTexts(block.image);
    case 'readAlso':
      // Links to other pages: their titles describe those pages, not this story.
      return [];
    default: {
      const unknown: never = block;
      throw new Error(`No text rule for block ${JSON.stringify(unknown)}`);
    }
  }
}

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
    ...article.body.flatMap(blockTexts),
    ...(article.tags ?? []).map((tag) => ({ field: 'tags' as const, text: tag.name })),
    ...(article.authors ?? []).map((name) => ({ field: 'authors' as const, text: name })),
    { field: 'section', text: sectionName },
  ];
  return texts.filter((t) => t.text.trim() !== '');
}
