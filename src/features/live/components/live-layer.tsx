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
 * What open pages learn, at the foot of the screen over the page (nothing the reader is
 * reading moves): the «عاجل» bar, and on a story's page whether it was withdrawn or
 * updated. New stories of a list show above the list itself (./new-stories.tsx).
 */
export function LiveLayer() {
  const storyId = storyIdOf(useLocation().pathname);
  return (
    <div className="live-layer">
      {storyId && <StoryNotices key={storyId} id={storyId} />}
      <BreakingBar />
    </div>
  );
}
