import { StoryLink } from '#shared/ui/story-link.tsx';
import { TimeStamp } from '#shared/ui/time-stamp.tsx';
import { highlightSegments, passageSegments } from '../model/highlight.ts';
import type { Hit } from '../model/search-engine.ts';
import { HighlightedText } from './highlighted-text.tsx';

/** One result: headline (a link that prefetches the story), section, date, matched passage. */
export function SearchHit({ hit, matched }: { hit: Hit; matched: ReadonlySet<string> }) {
  const { doc } = hit;
  const passage = passageSegments(doc, matched);
  return (
    <article className="search-hit">
      <p className="search-hit__meta">
        <span className="search-hit__section">{doc.section.name}</span>
        <span aria-hidden="true"> · </span>
        <TimeStamp iso={doc.publishedAt} />
      </p>
      <h2 className="search-hit__headline">
        <StoryLink id={doc.id} className="search-hit__link">
          <HighlightedText segments={highlightSegments(doc.headline, matched)} />
        </StoryLink>
      </h2>
      {passage.length > 0 && (
        <p className="search-hit__passage">
          <HighlightedText segments={passage} />
        </p>
      )}
    </article>
  );
}
