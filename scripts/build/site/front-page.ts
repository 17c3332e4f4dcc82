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
  const rest = articles.filter((a) => a !== lead);
  return {
    lead: lead ? teaser(lead.id) : null,
    latest: rest.slice(0, LATEST_COUNT).map((a) => teaser(a.id)),
    rails: sections.map((section) => ({
      section,
      items: rest
        .filter((a) => a.section === section.id)
        .slice(0, RAIL_COUNT)
        .map((a) => teaser(a.id)),
    })),
  };
}
