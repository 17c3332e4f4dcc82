import type { FrontPayload, Teaser } from '#content/api-schema.ts';
import type { PluralForms } from '#shared/lib/count-label.ts';

/** The button, and what a screen reader hears when new stories arrive: «3 قصص جديدة». */
export const NEW_STORY_FORMS: PluralForms = {
  zero: 'لا قصص جديدة',
  one: 'قصة جديدة',
  two: 'قصتان جديدتان',
  few: '{n} قصص جديدة',
  many: '{n} قصة جديدة',
  other: '{n} قصة جديدة',
};

/** Every story the front page shows, top to bottom, once each. */
export function frontStoryIds(front: FrontPayload): string[] {
  const teasers: Teaser[] = [
    ...(front.lead ? [front.lead] : []),
    ...front.latest,
    ...front.rails.flatMap((rail) => rail.items),
  ];
  return [...new Set(teasers.map((teaser) => teaser.id))];
}

/** The stories of a list, newest first. */
export const listStoryIds = (list: { items: readonly Teaser[] }): string[] =>
  list.items.map((teaser) => teaser.id);

/** Stories the network has that the page does not show yet, in the network's order. */
export function newStoryIds(latest: readonly string[], shown: readonly string[]): string[] {
  const showing = new Set(shown);
  return latest.filter((id) => !showing.has(id));
}
