import { useEffect, useRef } from 'react';
import { setReadingPosition } from '#shared/storage/bookmark-db.ts';

/** How far through the page the reader is, 0 at the top and 1 at the end of the story. */
function currentPosition(): number {
  const max = document.documentElement.scrollHeight - window.innerHeight;
  return max > 0 ? Math.min(1, Math.max(0, window.scrollY / max)) : 0;
}

/** While a saved story is open, remembers how far the reader got (at most twice a second). */
export function useRememberReadingPosition(id: string, saved: boolean): void {
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!saved) return;
    const onScroll = () => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void setReadingPosition(id, currentPosition()), 500);
    };
    // Leaving the page (closing the tab, switching app) writes at once.
    const onHide = () => {
      window.clearTimeout(timer.current);
      void setReadingPosition(id, currentPosition());
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', onHide);
    return () => {
      window.clearTimeout(timer.current);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', onHide);
    };
  }, [id, saved]);
}

export function scrollToPosition(position: number): void {
  const max = document.documentElement.scrollHeight - window.innerHeight;
  window.scrollTo({ top: position * max, behavior: 'smooth' });
}
