// What a prerendered page's query cache starts with, keyed by the same query factories
// the routes read, so a first load hydrates without fetching its data again.
import type { FrontPayload, ListHead, StoryPayload } from '#content/api-schema.ts';
import type { Section } from '#content/article-schema.ts';
import { pageFromHead } from '#content/list-paging.ts';
import { frontQuery } from '#shared/api/front-query.ts';
import { listHeadQuery, listPageQuery } from '#shared/api/list-page-query.ts';
import { sectionsQuery } from '#shared/api/sections-query.ts';
import { storyQuery } from '#shared/api/story-query.ts';

export type SeedEntry = { queryKey: readonly unknown[]; data: unknown };

export const pageSeeds = {
  sections: (sections: Section[]): SeedEntry => ({
    queryKey: sectionsQuery().queryKey,
    data: sections,
  }),
  front: (front: FrontPayload): SeedEntry => ({ queryKey: frontQuery().queryKey, data: front }),
  story: (payload: StoryPayload): SeedEntry => ({
    queryKey: storyQuery(payload.article.id).queryKey,
    data: payload,
  }),
  /** A list's first page: the head, and page 1 made from it. */
  list: ({ kind, id, ...rest }: ListHead): SeedEntry[] => [
    { queryKey: listHeadQuery(kind, id).queryKey, data: { kind, id, ...rest } },
    { queryKey: listPageQuery(kind, id, 1).queryKey, data: pageFromHead({ kind, id, ...rest }) },
  ],
};
