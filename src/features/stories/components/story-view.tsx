import type { ReactNode, Ref } from 'react';
import type { StoryPayload, Teaser } from '#content/api-schema.ts';
import { directionOf } from '#shared/lib/text-direction.ts';
import { RelatedStories } from './related-stories.tsx';
import { ShareButton } from './share-button.tsx';
import { StoryBody } from './story-body.tsx';
import { StoryFigure } from './story-figure.tsx';
import { StoryHeader } from './story-header.tsx';
import { TagNav } from './tag-nav.tsx';
import './story-view.css';

type Props = {
  payload: StoryPayload;
  headingRef?: Ref<HTMLHeadingElement>;
  /** The bookmark toggle and any other story actions, supplied by the route. */
  actions?: ReactNode;
  renderCardActions?: (teaser: Teaser) => ReactNode;
};

/** A story as the seed page lays it out: header, hero, dateline, body, tags, related. */
export function StoryView({ payload, headingRef, actions, renderCardActions }: Props) {
  const { article } = payload;
  const url = typeof location === 'undefined' ? '' : location.href;
  return (
    <div className="story">
      <article className="story__article" lang={article.lang} dir={directionOf(article.lang)}>
        <StoryHeader payload={payload} headingRef={headingRef} />
        <div className="story__actions">
          {actions}
          <ShareButton title={article.headline} url={url} />
        </div>
        {article.hero && (
          <StoryFigure image={article.hero} rendition={payload.media[article.hero.src]} hero />
        )}
        {(article.dateline || article.source) && (
          <p className="story__dateline">
            {article.dateline && <bdi>{article.dateline}</bdi>}
            {article.dateline && article.source && ' - '}
            {article.source && <bdi>{article.source}</bdi>}
          </p>
        )}
        <StoryBody payload={payload} />
        <footer className="story__footer">
          <TagNav tags={article.tags} />
        </footer>
      </article>
      <RelatedStories teasers={payload.related} renderActions={renderCardActions} />
    </div>
  );
}
