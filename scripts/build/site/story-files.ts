// A story's two files, its API file and its prerendered page, made from its frame (what
// the publish knows of it: story-payload.ts) and its article: the one in hand when the
// publish checked it just now, else read from the content folder where the page is
// rendered (on a render thread when there are many: the main thread and the process's
// memory never hold the text of every story).
import type { Article } from '#content/article-schema.ts';
import { readStory } from '../content/read-story.ts';
import type { PageRenderer } from '../prerender/page-renderer.ts';
import { type StoryFrame, withArticle } from './story-payload.ts';

export type StoryJob = { frame: StoryFrame } & (
  | { article: Article }
  /** `hash`: the bytes the check read, which the file must still hold (a full build). */
  | { contentDir: string; id: string; hash?: string }
);

/**
 * The story's API file and its page (`file`, `html`), as UTF-8 bytes: a render thread
 * hands them over without a copy, and the main thread's heap never holds them (as
 * strings, copied back, they left ~1 GiB of garbage on it over 100,000 stories).
 */
export type StoryFiles = { json: Uint8Array; file: string; html: Uint8Array };

export type StoryFilesMaker = { storyFiles(job: StoryJob): Promise<StoryFiles> };

export function storyFilesMaker(renderer: PageRenderer): StoryFilesMaker {
  return {
    async storyFiles(job) {
      const article = 'article' in job ? job.article : readStory(job.contentDir, job.id, job.hash);
      const payload = withArticle(article, job.frame);
      const page = await renderer.story(payload);
      const utf8 = new TextEncoder();
      return {
        json: utf8.encode(JSON.stringify(payload)),
        file: page.file,
        html: utf8.encode(page.html),
      };
    },
  };
}
