import { useEffect } from 'react';
import { getDigits, setDigits, setShowHijri } from '#shared/lib/locale.ts';
import {
  hasStoredPreferences,
  PREFERENCES_CHANGED,
  PREFERENCES_KEY,
} from '#shared/storage/preferences-key.ts';

/**
 * Applies the reader's preferences once the page has hydrated (React renders the
 * prerendered defaults first, so hydration matches), and keeps applying them as they
 * change. The store and its sync load as their own small chunk, after first paint, and
 * only when there is something to apply: preferences stored, or a change here (the
 * settings) or in another tab. Theme, text size and data saver are already on <html>
 * from src/app/boot/preferences-boot.js. `onDigitsChange` lets the app re-render text
 * formatted with the default digits.
 */
export function useApplyPreferences(onDigitsChange: () => void): void {
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    let hydrating = true;
    let loading = false;
    const load = () => {
      if (loading) return;
      loading = true;
      removeEventListener(PREFERENCES_CHANGED, load);
      removeEventListener('storage', onStorage);
      import('./preferences-sync.ts')
        .then((sync) => {
          if (cancelled) return;
          stop = sync.startPreferencesSync(({ digits, hijri }) => {
            const apply = () => {
              if (cancelled) return;
              const digitsChanged = digits !== getDigits();
              setDigits(digits);
              setShowHijri(hijri);
              if (digitsChanged) onDigitsChange();
            };
            // Parts of the page inside Suspense may still be hydrating, and text outside
            // the store's readers takes the default digits as it renders: the first
            // change waits until the browser is idle, when React has finished.
            if (!hydrating) apply();
            else if ('requestIdleCallback' in window) requestIdleCallback(apply);
            else setTimeout(apply, 200);
            hydrating = false;
          });
        })
        .catch(() => {
          // The chunk did not load (offline without a cached copy): the page keeps the
          // theme and size the boot script set, with the default digits.
        });
    };
    const onStorage = (event: StorageEvent) => {
      if (event.key === PREFERENCES_KEY || event.key === null) load();
    };
    if (hasStoredPreferences()) load();
    else {
      addEventListener(PREFERENCES_CHANGED, load);
      addEventListener('storage', onStorage);
    }
    return () => {
      cancelled = true;
      removeEventListener(PREFERENCES_CHANGED, load);
      removeEventListener('storage', onStorage);
      stop?.();
    };
  }, [onDigitsChange]);
}
