// «قصص قد تهمك»: a story's own `related` list where it has one; otherwise the earlier
// stories sharing most tags, then its section, newest first. Only stories published
// before it are candidates: a story's picks are the coverage that led up to it, and
// publishing a new story never changes the pages of the stories before it (so an
// incremental publish rewrites the new story, not the archive: decision 009).
import type { Article } from '#content/article-schema.ts';

/** What picking needs of a story: an article, or a build's record of one. */
export type Relatable = Pick<Article, 'id' | 'section' | 'tags' | 'related'>;

export const RELATED_COUNT = 4;
/** How many earlier stories of each tag or section list to look at: keeps the build linear. */
export const SCAN_PER_LIST = 200;

export type RelatedIndex<T extends Relatable = Relatable> = {
  byTag: Map<string, T[]>;
  bySection: Map<string, T[]>;
  rank: Map<string, number>;
  /** Ids by rank: the inverse of `rank`. */
  ids: string[];
};

/** `articles` must be sorted newest first. */
export function buildRelatedIndex<T extends Relatable>(articles: readonly T[]): RelatedIndex<T> {
  const byTag = new Map<string, T[]>();
  const bySection = new Map<string, T[]>();
  const rank = new Map<string, number>();
  const ids = articles.map((article) => article.id);
  articles.forEach((article, i) => {
    rank.set(article.id, i);
    for (const tag of article.tags ?? []) pushTo(byTag, tag.id, article);
    pushTo(bySection, article.section, article);
  });
  return { byTag, bySection, rank, ids };
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The position in a newest-first list of the first story older than rank `self` (binary search). */
function olderFrom(list: readonly Relatable[], self: number, index: RelatedIndex): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((index.rank.get((list[mid] as Relatable).id) as number) <= self) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function pickRelated(article: Relatable, index: RelatedIndex): string[] {
  if (article.related) return article.related;
  // Scores keyed by rank (0 = newest), so ties break without further lookups.
  const self = index.rank.get(article.id) as number;
  const scores = new Map<number, number>();
  const add = (candidates: readonly Relatable[] | undefined, weight: number) => {
    if (!candidates) return;
    // The first story of the list older than this one, then the next SCAN_PER_LIST.
    const start = olderFrom(candidates, self, index);
    const end = Math.min(candidates.length, start + SCAN_PER_LIST);
    for (let i = start; i < end; i++) {
      const rank = index.rank.get((candidates[i] as Relatable).id) as number;
      scores.set(rank, (scores.get(rank) ?? 0) + weight);
    }
  };
  for (const tag of article.tags ?? []) add(index.byTag.get(tag.id), 2);
  add(index.bySection.get(article.section), 1);
  // Keep the best few in one pass (most shared, then newest): sorting every candidate of
  // every story was the build's hot spot at 20,000 stories.
  const best: { rank: number; score: number }[] = [];
  const beats = (rank: number, score: number, other: { rank: number; score: number }) =>
    score > other.score || (score === other.score && rank < other.rank);
  for (const [rank, score] of scores) {
    let at = best.length;
    while (at > 0 && beats(rank, score, best[at - 1] as { rank: number; score: number })) at--;
    if (at >= RELATED_COUNT) continue;
    best.splice(at, 0, { rank, score });
    if (best.length > RELATED_COUNT) best.pop();
  }
  return best.map(({ rank }) => index.ids[rank] as string);
}
