// The front page's data: a lead, the latest stories and a rail per section.
import type { FrontPayload, Teaser } from '#content/api-schema.ts';
import type { Article, Section } from '#content/article-schema.ts';

export const LATEST_COUNT = 12;
export const RAIL_COUNT = 6;

/** The lead is the newest breaking story of the latest few, else the newest with a photo. */
export function buildFront(
  articles: readonly Pick<Article, 'id' | 'section' | 'breaking' | 'hero'>[],
  sections: readonly Section[],
  teaser: (id: string) => Teaser,
): FrontPayload {
  const recent = articles.slice(0, LATEST_COUNT);
  const lead = recent.find((a) => a.breaking) ?? recent.find((a) => a.hero) ?? articles[0];
  // One pass, newest first, until every rail is full: the archive's old stories (100,000
  // of them) are seldom reached.
  const latest: string[] = [];
  const rails = new Map(sections.map((section) => [section.id, [] as string[]]));
  let open = rails.size;
  for (const a of articles) {
    if (latest.length >= LATEST_COUNT && open === 0) break;
    if (a === lead) continue;
    if (latest.length < LATEST_COUNT) latest.push(a.id);
    const rail = rails.get(a.section);
    if (rail && rail.length < RAIL_COUNT) {
      rail.push(a.id);
      if (rail.length === RAIL_COUNT) open--;
    }
  }
  return {
    lead: lead ? teaser(lead.id) : null,
    latest: latest.map(teaser),
    rails: sections.map((section) => ({
      section,
      items: (rails.get(section.id) ?? []).map(teaser),
    })),
  };
}
