import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { BreakingBar } from './breaking-bar.tsx';
import { StoryNotices } from './story-notices.tsx';
import './live-layer.css';

/** The story a path shows, if it is a story's. */
function storyIdOf(pathname: string): string | null {
  const match = /^\/article\/([^/]+)$/.exec(pathname);
  try {
    return match?.[1] ? decodeURIComponent(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the layer's height as `--live-layer-size` on the page, which reserves that much
 * room after the footer and above focused elements (./live-layer.css): the end of the
 * page, and whatever has keyboard focus, can be scrolled out from under the layer.
 */
function useReservedFoot() {
  const layer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = layer.current;
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() =>
      root.style.setProperty('--live-layer-size', `${element.offsetHeight}px`),
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--live-layer-size');
    };
  }, []);
  return layer;
}

/**
 * What open pages learn, at the foot of the screen over the page (nothing the reader is
 * reading moves): the «عاجل» bar, and on a story's page whether it was withdrawn or
 * updated. New stories of a list show above the list itself (./new-stories.tsx).
 */
export function LiveLayer() {
  const storyId = storyIdOf(useLocation().pathname);
  const layer = useReservedFoot();
  return (
    <div ref={layer} className="live-layer">
      {storyId && <StoryNotices key={storyId} id={storyId} />}
      <BreakingBar />
    </div>
  );
}
