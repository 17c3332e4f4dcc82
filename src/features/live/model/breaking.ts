import type { LivePayload, Teaser } from '#content/api-schema.ts';

/** A breaking story is news for this long after it is published; an older one shows no bar. */
export const BREAKING_SHOWN_FOR = 6 * 60 * 60_000;

/** The breaking story to show in the «عاجل» bar, if any: recent, and not yet seen by this reader. */
export function breakingToShow(
  live: LivePayload | undefined,
  seen: readonly string[],
  now: number,
): Teaser | null {
  const story = live?.breaking;
  if (!story || seen.includes(story.id)) return null;
  return now - Date.parse(story.publishedAt) < BREAKING_SHOWN_FOR ? story : null;
}
