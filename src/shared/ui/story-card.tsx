import type { ReactNode } from 'react';
import type { Teaser } from '#content/api-schema.ts';
import { readingTimeLabel } from '../lib/reading-time-label.ts';
import { BreakingLabel } from './breaking-label.tsx';
import { ResponsiveImage } from './responsive-image.tsx';
import { StoryLink } from './story-link.tsx';
import { TimeStamp } from './time-stamp.tsx';
import './story-card.css';

type Props = {
  teaser: Teaser;
  variant?: 'lead' | 'standard' | 'compact';
  /** Heading level of the headline within the page outline. */
  level?: 2 | 3;
  /** Extra controls for the card (the bookmark toggle), placed by the route. */
  actions?: ReactNode;
  showSection?: boolean;
};

/** The lead card's photo sizes; the prerender preloads that photo with the same. */
export const LEAD_SIZES = '(min-width: 64rem) 40rem, 100vw';

const SIZES = {
  lead: LEAD_SIZES,
  standard: '(min-width: 64rem) 20rem, (min-width: 40rem) 45vw, 100vw',
  compact: '8rem',
};

export function StoryCard({
  teaser,
  variant = 'standard',
  level = 3,
  actions,
  showSection = true,
}: Props) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <article className={`story-card story-card--${variant}`}>
      {teaser.image && (
        <div className="story-card__media">
          <ResponsiveImage
            rendition={teaser.image}
            alt={teaser.image.alt}
            sizes={SIZES[variant]}
            priority={variant === 'lead'}
          />
        </div>
      )}
      <div className="story-card__text">
        <p className="story-card__kicker">
          {teaser.breaking && <BreakingLabel />}
          {showSection && <span className="story-card__section">{teaser.section.name}</span>}
        </p>
        <Heading className="story-card__headline">
          <StoryLink id={teaser.id} className="story-card__link">
            {teaser.headline}
          </StoryLink>
        </Heading>
        {teaser.summary && variant !== 'compact' && (
          <p className="story-card__summary">{teaser.summary}</p>
        )}
        <p className="story-card__meta">
          <TimeStamp iso={teaser.publishedAt} />
          <span aria-hidden="true"> · </span>
          <span>{readingTimeLabel(teaser.readingMinutes)}</span>
        </p>
        {actions && <div className="story-card__actions">{actions}</div>}
      </div>
    </article>
  );
}
