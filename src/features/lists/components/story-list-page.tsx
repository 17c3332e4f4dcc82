import { type ReactNode, useRef } from 'react';
import type { ListPage, Teaser } from '#content/api-schema.ts';
import { countLabel, STORY_FORMS } from '#shared/lib/count-label.ts';
import { usePageHeadingFocus } from '#shared/lib/page-focus.ts';
import { StoryCard } from '#shared/ui/story-card.tsx';
import { Pager } from './pager.tsx';
import './story-list-page.css';

type Props = {
  list: ListPage;
  /** «قسم» or «تصنيف», shown above the name. */
  label: string;
  renderCardActions?: (teaser: Teaser) => ReactNode;
  /** Above the stories: the «قصص جديدة» button, supplied by the route. */
  notice?: ReactNode;
};

/** A section's or tag's stories, newest first, 20 a page. */
export function StoryListPage({ list, label, renderCardActions, notice }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  usePageHeadingFocus(heading, `${list.kind}:${list.id}:${list.page}`);
  return (
    <div className="story-list">
      <header className="story-list__header">
        <p className="story-list__label">{label}</p>
        <h1 ref={heading} tabIndex={-1} className="story-list__title">
          {list.name}
        </h1>
        <p className="story-list__count">
          {countLabel(list.total, STORY_FORMS)}
          {list.pageCount > 1 && ` · الصفحة ${list.page} من ${list.pageCount}`}
        </p>
      </header>
      {notice}
      <ol className="story-list__items">
        {list.items.map((teaser) => (
          <li key={teaser.id}>
            <StoryCard
              teaser={teaser}
              variant="compact"
              level={2}
              actions={renderCardActions?.(teaser)}
            />
          </li>
        ))}
      </ol>
      <Pager page={list.page} pageCount={list.pageCount} />
    </div>
  );
}
