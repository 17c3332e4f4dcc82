// A story read again from the content folder, as the check gave it, when its page or
// its search entry is made: the build and a publish keep a record of each story, not
// its text (decision 009; at 100,000 stories the text held 2.5 GiB).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { type Article, ArticleSchema } from '#content/article-schema.ts';
import { hashBytes } from './read-content-file.mjs';

/** The story file changed after the check read it: what was checked is not what would be published. */
export class StoryChangedSince extends Error {}

/**
 * The story `id` of the content folder `dir`, checked (the schema's output: bidi
 * controls stripped where the check strips them). With `hash`, the bytes must be those
 * the check read (a full build): an editor saving the file meanwhile stops the build
 * with its name, where the page would otherwise not match its cards.
 */
export function readStory(dir: string, id: string, hash?: string): Article {
  const file = path.join(dir, 'articles', `${id}.json`);
  const bytes = readFileSync(file);
  if (hash !== undefined && hashBytes(bytes) !== hash) {
    throw new StoryChangedSince(
      `articles/${id}.json changed while the build ran; build again to publish the new version.`,
    );
  }
  return v.parse(ArticleSchema, JSON.parse(bytes.toString('utf8')));
}
