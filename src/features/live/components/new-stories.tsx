import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { appPaths } from '#content/app-paths.ts';
import { countLabel } from '#shared/lib/count-label.ts';
import { useDigits } from '#shared/lib/locale.ts';
import { keepViewAfterInsert, rememberPlace } from '#shared/lib/scroll-anchor.ts';
import { announce } from '#shared/ui/announcer.tsx';
import { NEW_STORY_FORMS, newStoryIds } from '../model/new-stories.ts';
import './new-stories.css';

type Props<TList> = {
  /** The list as the network has it now; undefined until the first check. */
  latest: TList | undefined;
  /** The list as the page shows it. */
  shown: TList;
  /** A list's stories, newest first (../model/new-stories.ts). */
  storyIds: (list: TList) => readonly string[];
  /** Puts the network's version in the page. */
  onShow: () => void;
};

/** The story link inside the page's main content. */
function storyLink(id: string): HTMLAnchorElement | null {
  const href = appPaths.story(id);
  const links = document.querySelectorAll<HTMLAnchorElement>('#main a[href]');
  return [...links].find((link) => link.getAttribute('href') === href) ?? null;
}

/**
 * «3 قصص جديدة» above a list when the network has stories the page does not show:
 * they never jump in. Pressing it shows them, the first new story where the button was
 * (so the reader's eyes stay put), with focus on it. A screen reader hears one polite
 * announcement each time more arrive.
 */
export function NewStories<TList>({ latest, shown, storyIds, onShow }: Props<TList>) {
  const digits = useDigits();
  const shownIds = useMemo(() => storyIds(shown), [storyIds, shown]);
  const added = useMemo(
    () => (latest ? newStoryIds(storyIds(latest), shownIds) : []),
    [storyIds, latest, shownIds],
  );
  const count = added.length;
  const box = useRef<HTMLDivElement>(null);
  const landing = useRef<{ id: string; restore: (target: Element) => void } | null>(null);

  const heard = useRef(0);
  useEffect(() => {
    if (count > heard.current) announce(countLabel(count, NEW_STORY_FORMS, digits));
    heard.current = count;
  }, [count, digits]);

  const showing = count > 0;
  useLayoutEffect(() => {
    if (showing && box.current) keepViewAfterInsert(box.current);
  }, [showing]);

  // Once the page shows them: the first new story takes the button's place, and focus.
  useLayoutEffect(() => {
    const pending = landing.current;
    if (!pending || !shownIds.includes(pending.id)) return;
    landing.current = null;
    const link = storyLink(pending.id);
    if (!link) return;
    pending.restore(link.closest('article') ?? link);
    link.focus({ preventScroll: true });
  }, [shownIds]);

  if (!showing) return null;
  const show = () => {
    const [first] = added;
    if (!first || !box.current) return;
    landing.current = { id: first, restore: rememberPlace(box.current) };
    onShow();
  };
  return (
    <div ref={box} className="new-stories">
      <button type="button" className="button button--primary new-stories__button" onClick={show}>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" className="icon">
          <path fill="currentColor" d="M11 20V7.8l-5.6 5.6L4 12l8-8 8 8-1.4 1.4L13 7.8V20z" />
        </svg>
        {countLabel(count, NEW_STORY_FORMS, digits)}
      </button>
    </div>
  );
}
