import { type ReactNode, useEffect } from 'react';
import { markAppReady } from '#shared/lib/first-taps.ts';

/**
 * Once the app has rendered (or hydrated) for the first time, marks `<html data-ready>`
 * and carries out the taps kept before it ran (src/app/boot/first-taps.js). From then
 * on the app's own handlers answer. Tests need not wait for it: it is a diagnostic.
 */
export function AppReady({ children }: { children: ReactNode }) {
  useEffect(() => {
    markAppReady();
  }, []);
  return children;
}
