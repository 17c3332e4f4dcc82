import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { appPaths } from '#content/app-paths.ts';
import { useStoryIds } from '#shared/lib/use-story-ids.ts';
import { seenBreakingStories } from '#shared/storage/story-id-store.ts';
import { announce } from '#shared/ui/announcer.tsx';
import { breakingQuery } from '../api/latest-queries.ts';
import { breakingToShow } from '../model/breaking.ts';
import './breaking-bar.css';

/**
 * «عاجل»: a story published with `breaking: true` shows on every page of every open
 * tab, at the foot of the screen (nothing moves, focus stays where it is), until the
 * reader closes it or opens the story, in any tab; then never again for that story.
 */
export function BreakingBar() {
  const { data } = useQuery(breakingQuery());
  const seen = useStoryIds(seenBreakingStories);
  const { pathname } = useLocation();
  const story = breakingToShow(data, seen, Date.now());
  const reading = story !== null && pathname === appPaths.story(story.id);

  useEffect(() => {
    if (story && reading) seenBreakingStories.add(story.id);
  }, [story, reading]);

  const id = story && !reading ? story.id : null;
  const headline = story?.headline;
  useEffect(() => {
    if (id) announce(`عاجل: ${headline}`);
  }, [id, headline]);

  if (!story || reading) return null;
  const close = () => {
    seenBreakingStories.add(story.id);
    // The button goes away with the bar: focus goes to the page, not to nowhere.
    document.getElementById('main')?.focus({ preventScroll: true });
  };
  return (
    <section className="breaking-bar" aria-label="خبر عاجل">
      <span className="breaking-bar__label" aria-hidden="true">
        عاجل
      </span>
      <Link
        to={appPaths.story(story.id)}
        className="breaking-bar__link"
        onClick={() => seenBreakingStories.add(story.id)}
      >
        {story.headline}
      </Link>
      <button
        type="button"
        className="breaking-bar__close"
        aria-label="إغلاق الخبر العاجل"
        onClick={close}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" className="icon">
          <path
            fill="currentColor"
            d="M6.4 19 5 17.6l5.6-5.6L5 6.4 6.4 5l5.6 5.6L17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6z"
          />
        </svg>
      </button>
    </section>
  );
}
