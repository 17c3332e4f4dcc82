import { type ReactNode, useId } from 'react';
import type { Teaser } from '#content/api-schema.ts';
import { StoryCard } from '#shared/ui/story-card.tsx';

type Props = { teasers: readonly Teaser[]; renderActions?: (teaser: Teaser) => ReactNode };

/** «قصص قد تهمك»: a region of related stories with thumbnails. */
export function RelatedStories({ teasers, renderActions }: Props) {
  const titleId = useId();
  if (teasers.length === 0) return null;
  return (
    <section className="related-stories" aria-labelledby={titleId}>
      <h2 id={titleId} className="related-stories__title">
        قصص قد تهمك
      </h2>
      <div className="related-stories__grid">
        {teasers.map((teaser) => (
          <StoryCard
            key={teaser.id}
            teaser={teaser}
            variant="compact"
            actions={renderActions?.(teaser)}
          />
        ))}
      </div>
    </section>
  );
}
