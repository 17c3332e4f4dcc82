import { type ReactNode, useEffect } from 'react';

/**
 * Marks `<html data-ready>` once the app has rendered (or hydrated) for the first
 * time: from then on links and buttons answer. The test suite waits for it.
 */
export function AppReady({ children }: { children: ReactNode }) {
  useEffect(() => {
    document.documentElement.dataset.ready = 'true';
  }, []);
  return children;
}
