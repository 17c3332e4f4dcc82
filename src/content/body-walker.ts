// The one walk over a story's body. A visitor names a handler for every block type,
// so a new block type is a type error in each consumer (reading time, search text,
// media, read-also links, content checks, the story page) until it is handled.
import type { Block, Image, Inline } from './article-schema.ts';

export type BlockType = Block['type'];
export type BlockOf<T extends BlockType> = Extract<Block, { type: T }>;
export type BlockVisitor<R> = { [T in BlockType]: (block: BlockOf<T>, index: number) => R };

export function visitBlock<R>(block: Block, index: number, visitor: BlockVisitor<R>): R {
  const handle = visitor[block.type] as (block: Block, index: number) => R;
  return handle(block, index);
}

/** Every block's result, in order, flattened: handlers return a list (often empty). */
export function collectFromBody<R>(
  body: readonly Block[],
  visitor: BlockVisitor<readonly R[]>,
): R[] {
  return body.flatMap((block, index) => visitBlock(block, index, visitor));
}

export const inlineText = (runs: readonly Inline[]): string =>
  runs.map((run) => (typeof run === 'string' ? run : run.text)).join('');

const none = () => [] as const;

/** The running text of each block a reader reads: captions count, read-also boxes do not. */
export const blockReadingText: BlockVisitor<readonly string[]> = {
  paragraph: (block) => [inlineText(block.content)],
  heading: (block) => [block.text],
  image: (block) => (block.image.caption ? [block.image.caption] : []),
  quote: (block) => [inlineText(block.content)],
  list: (block) => block.items.map(inlineText),
  readAlso: none,
};

/** The photos a story's body shows. */
const blockImages: BlockVisitor<readonly Image[]> = {
  paragraph: none,
  heading: none,
  image: (block) => [block.image],
  quote: none,
  list: none,
  readAlso: none,
};

/** The ids of stories here that a body's «اقرأ أيضاً» boxes link to. */
export const blockReadAlsoIds: BlockVisitor<readonly string[]> = {
  paragraph: none,
  heading: none,
  image: none,
  quote: none,
  list: none,
  readAlso: (block) => block.items.flatMap((item) => ('id' in item ? [item.id] : [])),
};

/** The hero and every photo of the body, hero first. */
export function storyImages(article: {
  hero?: Image | undefined;
  body: readonly Block[];
}): Image[] {
  return [...(article.hero ? [article.hero] : []), ...collectFromBody(article.body, blockImages)];
}
