// Open pages check for new, updated and withdrawn stories and for breaking news
// (src/features/live). The checks, and the code that runs them, start a minute after
// the app starts (the page was fetched just now, and the first view stays as light as
// it was) or at once when the tab comes back into view; never while the reader saves
// data (the Save-Data setting of the browser).
import { useSyncExternalStore } from 'react';

export const FIRST_CHECK_AFTER = 60_000;

let started = false;
let disarm: (() => void) | null = null;
const listeners = new Set<() => void>();

const savingData = () =>
  (navigator as { connection?: { saveData?: boolean } }).connection?.saveData === true;

function start() {
  if (started) return;
  started = true;
  for (const listener of listeners) listener();
}

function arm() {
  if (disarm) return;
  disarm = () => {};
  if (savingData()) return;
  const timer = setTimeout(start, FIRST_CHECK_AFTER);
  const onVisibility = () => {
    if (document.visibilityState !== 'visible') return;
    disarm?.();
    start();
  };
  document.addEventListener('visibilitychange', onVisibility);
  disarm = () => {
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  arm();
  return () => {
    listeners.delete(listener);
  };
}

/** Whether live checks have started: from then on, pages mount their watchers. */
export function useLiveChecks(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => started,
    () => false,
  );
}

/** For tests: back to before the app started. */
export function resetLiveChecks(): void {
  disarm?.();
  disarm = null;
  started = false;
}
