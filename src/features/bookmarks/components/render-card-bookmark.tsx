import type { Teaser } from '#content/api-schema.ts';
import { CardBookmarkToggle } from './bookmark-toggle.tsx';

/** Passed by routes to story lists as their card actions. */
export function renderCardBookmark(teaser: Teaser) {
  return <CardBookmarkToggle id={teaser.id} headline={teaser.headline} />;
}
