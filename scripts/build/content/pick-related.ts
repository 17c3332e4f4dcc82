// «قصص قد تهمك»: a story's own `related` list where it has one; otherwise the earlier
// stories sharing most tags, then its section, newest first. Only stories published
// before it are candidates: a story's picks are the coverage that led up to it, and
// publishing a new story never changes the pages of the stories before it (so an
// incremental publish rewrites the new story, not the archive: decision 009).
import type { Article } from '#content/article-schema.ts';
import { newestFirst } from '../site/story-record.ts';

/** What picking needs of a story: a build's record of it (its time in ms, to order by). */
export type Relatable = Pick<Article, 'id' | 'section' | 'tags' | 'related'> & {
  published: number;
};

export const RELATED_COUNT = 4;
/** How many earlier stories of each tag or section list to look at: keeps the build linear. */
export const SCAN_PER_LIST = 200;

/** The position in a newest-first list of the first story older than `story` (binary search). */
function olderFrom(list: readonly Relatable[], story: Relatable): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (newestFirst(list[mid] as Relatable, story) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * `lists`: every story's lists, newest first, by key (story-lists.ts). No rank of every
 * story is made: a story's place is found by its time, and that is the tie-break too
 * (a map of 100,000 ranks cost each publish ~0.1 s).
 */
export function pickRelated(
  article: Relatable,
  lists: ReadonlyMap<string, readonly Relatable[]>,
): string[] {
  if (article.related) return article.related;
  const scores = new Map<Relatable, number>();
  const add = (candidates: readonly Relatable[] | undefined, weight: number) => {
    if (!candidates) return;
    // The first story of the list older than this one, then the next SCAN_PER_LIST.
    const start = olderFrom(candidates, article);
    const end = Math.min(candidates.length, start + SCAN_PER_LIST);
    for (let i = start; i < end; i++) {
      const story = candidates[i] as Relatable;
      scores.set(story, (scores.get(story) ?? 0) + weight);
    }
  };
  for (const tag of article.tags ?? []) add(lists.get(`tag:${tag.id}`), 2);
  add(lists.get(`section:${article.section}`), 1);
  // Keep the best few in one pass (most shared, then newest): sorting every candidate of
  // every story was the build's hot spot at 20,000 stories.
  type Scored = { story: Relatable; score: number };
  const best: Scored[] = [];
  const beats = (story: Relatable, score: number, other: Scored) =>
    score > other.score || (score === other.score && newestFirst(story, other.story) < 0);
  for (const [story, score] of scores) {
    let at = best.length;
    while (at > 0 && beats(story, score, best[at - 1] as Scored)) at--;
    if (at >= RELATED_COUNT) continue;
    best.splice(at, 0, { story, score });
    if (best.length > RELATED_COUNT) best.pop();
  }
  return best.map(({ story }) => story.id);
}
