// After a client-side move, focus goes to the new page's h1 so screen readers
// announce it and keyboard users start from the top. Not on the first load.
import { type RefObject, useEffect } from 'react';

let focusPending = false;

export function markClientNavigation(): void {
  focusPending = true;
}

/** Call from the component that renders a page's h1, once its content is shown. */
export function usePageHeadingFocus(ref: RefObject<HTMLElement | null>, key: unknown): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus whenever the page identity changes
  useEffect(() => {
    if (!focusPending || !ref.current) return;
    focusPending = false;
    ref.current.focus({ preventScroll: true });
  }, [key, ref]);
}
