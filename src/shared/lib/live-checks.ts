// Open pages check for new, updated and withdrawn stories and for breaking news
// (src/features/live). The checks, and the code that runs them, start a minute after
// the app starts (the page was fetched just now, and the first view stays as light as
// it was). From then on a tab that comes back into view checks at once (refetchOnWindowFocus).
import { useEffect, useState } from 'react';

export const FIRST_CHECK_AFTER = 60_000;

/**
 * Whether the checks have started (then they run for good: each check keeps its own
 * pace). The root layout asks, and hands the answer to the pages as the outlet's context.
 */
export function useLiveChecks(): boolean {
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (live) return;
    const timer = setTimeout(() => setLive(true), FIRST_CHECK_AFTER);
    return () => clearTimeout(timer);
  }, [live]);
  return live;
}
