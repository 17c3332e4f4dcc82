// «قصص قد تهمك»: a story's own `related` list where it has one; otherwise the
// stories sharing most tags, then its section, newest first.
import type { Article } from '#content/article-schema.ts';

export const RELATED_COUNT = 4;
/** How far down each (newest-first) tag or section list to look: keeps the build linear. */
const SCAN_PER_LIST = 200;

export type RelatedIndex = {
  byTag: Map<string, Article[]>;
  bySection: Map<string, Article[]>;
  rank: Map<string, number>;
  /** Ids by rank: the inverse of `rank`. */
  ids: string[];
};

/** `articles` must be sorted newest first. */
export function buildRelatedIndex(articles: readonly Article[]): RelatedIndex {
  const byTag = new Map<string, Article[]>();
  const bySection = new Map<string, Article[]>();
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

export function pickRelated(article: Article, index: RelatedIndex): string[] {
  if (article.related) return article.related;
  // Scores keyed by rank (0 = newest), so ties break without further lookups.
  const self = index.rank.get(article.id);
  const scores = new Map<number, number>();
  const add = (candidates: Article[] | undefined, weight: number) => {
    const end = Math.min(candidates?.length ?? 0, SCAN_PER_LIST);
    for (let i = 0; i < end; i++) {
      const rank = index.rank.get((candidates as Article[])[i]?.id as string) as number;
      if (rank !== self) scores.set(rank, (scores.get(rank) ?? 0) + weight);
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
