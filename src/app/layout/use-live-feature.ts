// Open pages check for new, updated and withdrawn stories and for breaking news
// (src/features/live). The checks, and the code that runs them, start a minute after
// the app starts (the page was fetched just now, and the first view stays as light as
// it was). From then on a tab that comes back into view checks at once (refetchOnWindowFocus).
import { useEffect, useState } from 'react';

export type LiveFeature = typeof import('#features/live/live-feature.ts');

export const FIRST_CHECK_AFTER = 60_000;

/**
 * The live feature once its checks have started (then they run for good: each check
 * keeps its own pace). The root layout asks, and hands it to the pages as the outlet's
 * context.
 */
export function useLiveFeature(): LiveFeature | undefined {
  const [live, setLive] = useState<LiveFeature>();
  useEffect(() => {
    const timer = setTimeout(
      () => import('#features/live/live-feature.ts').then(setLive),
      FIRST_CHECK_AFTER,
    );
    return () => clearTimeout(timer);
  }, []);
  return live;
}
