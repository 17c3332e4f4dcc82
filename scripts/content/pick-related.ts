// «قصص قد تهمك»: a story's own `related` list where it has one; otherwise the
// stories sharing most tags, then its section, newest first.
import type { Article } from '../../src/content/article-schema.ts';

export const RELATED_COUNT = 4;
/** How far down each (newest-first) tag or section list to look: keeps the build linear. */
const SCAN_PER_LIST = 200;

export type RelatedIndex = {
  byTag: Map<string, Article[]>;
  bySection: Map<string, Article[]>;
  rank: Map<string, number>;
};

/** `articles` must be sorted newest first. */
export function buildRelatedIndex(articles: readonly Article[]): RelatedIndex {
  const byTag = new Map<string, Article[]>();
  const bySection = new Map<string, Article[]>();
  const rank = new Map<string, number>();
  articles.forEach((article, i) => {
    rank.set(article.id, i);
    for (const tag of article.tags ?? []) pushTo(byTag, tag.id, article);
    pushTo(bySection, article.section, article);
  });
  return { byTag, bySection, rank };
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function pickRelated(article: Article, index: RelatedIndex): string[] {
  if (article.related) return article.related;
  const scores = new Map<string, number>();
  const add = (candidates: Article[] | undefined, weight: number) => {
    for (const other of (candidates ?? []).slice(0, SCAN_PER_LIST)) {
      if (other.id !== article.id) scores.set(other.id, (scores.get(other.id) ?? 0) + weight);
    }
  };
  for (const tag of article.tags ?? []) add(index.byTag.get(tag.id), 2);
  add(index.bySection.get(article.section), 1);
  return [...scores]
    .sort(([a, sa], [b, sb]) => sb - sa || (index.rank.get(a) ?? 0) - (index.rank.get(b) ?? 0))
    .slice(0, RELATED_COUNT)
    .map(([id]) => id);
}
