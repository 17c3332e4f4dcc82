// The query cache a prerendered page was rendered from travels in the HTML as a
// JSON data block (not a script that runs, so the CSP needs no 'unsafe-inline').
import type { DehydratedState } from '@tanstack/react-query';

const HYDRATION_STATE_ID = 'qari-state';

export type HydrationState = {
  state: DehydratedState;
  /** Whether the HTML is this URL's own prerender (a host may serve another page's file). */
  matchesUrl: boolean;
};

export function readHydrationState(doc: Document, location: Location): HydrationState | null {
  const element = doc.getElementById(HYDRATION_STATE_ID);
  if (!element?.textContent) return null;
  let state: DehydratedState;
  try {
    state = JSON.parse(element.textContent) as DehydratedState;
  } catch {
    return null;
  }
  // The page was rendered from this data: count it as fresh now, so hydration does not refetch.
  const now = Date.now();
  for (const query of state.queries) query.state.dataUpdatedAt = now;
  const page = new URLSearchParams(location.search).get('page');
  const matchesUrl = element.dataset.path === location.pathname && (page === null || page === '1');
  return { state, matchesUrl };
}
