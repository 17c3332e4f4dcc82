// Reading time from the words a reader reads. 180 words a minute is the usual
// estimate for silent reading of Arabic (reading aloud, IReST, is nearer 138; English
// silent reading ≈ 238). Rounded up: a story of 181 words takes two minutes to read.
import type { Article } from './article-schema.ts';
import { blockReadingText, collectFromBody } from './body-walker.ts';

export const ARABIC_WORDS_PER_MINUTE = 180;

/** The running text of a story: headline, standfirst, body text and captions. */
export function storyText(article: Article): string {
  return [
    article.headline,
    article.summary ?? '',
    ...collectFromBody(article.body, blockReadingText),
  ].join(' ');
}

export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(token)) count++;
  return count;
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / ARABIC_WORDS_PER_MINUTE));
}
