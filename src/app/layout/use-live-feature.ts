// Open pages check for new, updated and withdrawn stories and for breaking news
// (src/features/live). The checks, and the code that runs them, start a minute after
// the app starts (the page was fetched just now, and the first view stays as light as
// it was); pages opened later check at once. A tab that comes back into view checks at
// once too (refetchOnWindowFocus).
import { useEffect, useState } from 'react';

export type LiveFeature = typeof import('#features/live/live-feature.ts');

const FIRST_CHECK_AFTER = 60_000;
/** When the app started: this module is evaluated with the app's entry. */
const appStarted = Date.now();

/**
 * The live feature, from a minute after the app started (at once for a component that
 * mounts later): the root layout asks for breaking news and the open story's notices,
 * the front page and a list's page 1 for their new stories. Each check then keeps its
 * own pace.
 */
export function useLiveFeature(): LiveFeature | undefined {
  const [live, setLive] = useState<LiveFeature>();
  useEffect(() => {
    const timer = setTimeout(
      () => import('#features/live/live-feature.ts').then(setLive),
      appStarted + FIRST_CHECK_AFTER - Date.now(),
    );
    return () => clearTimeout(timer);
  }, []);
  return live;
}
