// `/api/live.json`, what every open page watches besides its own content
// (src/features/live, docs/live-pages.md).
import type { LivePayload, Teaser } from '#content/api-schema.ts';
import type { Article } from '#content/article-schema.ts';

/** The newest story published as breaking, however old and far down the list, or null. */
export function buildLive(
  newestFirst: readonly Pick<Article, 'id' | 'breaking'>[],
  teaser: (id: string) => Teaser,
): LivePayload {
  const breaking = newestFirst.find((story) => story.breaking);
  return { breaking: breaking ? teaser(breaking.id) : null };
}
