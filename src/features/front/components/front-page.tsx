import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { FrontPayload, Teaser } from '#content/api-schema.ts';
import { appPaths } from '#content/app-paths.ts';
import { StoryCard } from '#shared/ui/story-card.tsx';
import './front-page.css';

type Props = {
  front: FrontPayload;
  renderCardActions?: (teaser: Teaser) => ReactNode;
  /** Above the stories: the «قصص جديدة» button, supplied by the route. */
  notice?: ReactNode;
};

/** The lead story large, the latest stories, then a rail per section. */
export function FrontPage({ front, renderCardActions, notice }: Props) {
  return (
    <div className="front">
      <h1 className="visually-hidden">قارئ: آخر الأخبار</h1>
      {notice}
      {front.lead && (
        <section className="front__lead" aria-label="القصة الرئيسية">
          <StoryCard
            teaser={front.lead}
            variant="lead"
            level={2}
            actions={renderCardActions?.(front.lead)}
          />
        </section>
      )}
      <section className="front__block" aria-labelledby="latest-title">
        <h2 id="latest-title" className="front__title">
          آخر الأخبار
        </h2>
        <div className="front__grid">
          {front.latest.map((teaser) => (
            <StoryCard key={teaser.id} teaser={teaser} actions={renderCardActions?.(teaser)} />
          ))}
        </div>
      </section>
      {front.rails
        .filter((rail) => rail.items.length > 0)
        .map((rail) => (
          <section
            key={rail.section.id}
            className="front__block"
            aria-labelledby={`rail-${rail.section.id}`}
          >
            <div className="front__rail-head">
              <h2 id={`rail-${rail.section.id}`} className="front__title">
                {rail.section.name}
              </h2>
              <Link to={appPaths.section(rail.section.id)} className="front__more">
                المزيد من {rail.section.name}
                <svg
                  aria-hidden="true"
                  viewBox="0 0 24 24"
                  width="16"
                  height="16"
                  className="icon icon--directional"
                >
                  <path fill="currentColor" d="M15.4 7.4 14 6l-6 6 6 6 1.4-1.4L10.8 12z" />
                </svg>
              </Link>
            </div>
            <div className="front__grid">
              {rail.items.map((teaser) => (
                <StoryCard
                  key={teaser.id}
                  teaser={teaser}
                  showSection={false}
                  actions={renderCardActions?.(teaser)}
                />
              ))}
            </div>
          </section>
        ))}
    </div>
  );
}
