import { useEffect, useRef, useState } from 'react';
import { listSavedIds } from '#shared/storage/bookmark-db.ts';
import { onBookmarksChangedHere } from '#shared/storage/bookmark-sync.ts';
import './update-prompt.css';

type Updates = typeof import('./service-worker-updates.ts');

/**
 * Registers the service worker, and offers «تحديث متاح» when a new version of the app
 * is waiting. The worker is there to open saved stories with the network off: it comes
 * with the first saved story (or at load, once there are saved stories or a worker
 * already), so a reader who saves nothing never downloads its code or the app it
 * precaches (≈ 390 KB), and no first view carries them.
 */
export function UpdatePrompt() {
  // Set when a new version is waiting: the loaded module, whose dialog then shows.
  const [waiting, setWaiting] = useState<Updates>();
  const update = useRef<((reload?: boolean) => Promise<void>) | null>(null);

  useEffect(() => {
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
    let cancelled = false;
    const register = () =>
      import('./service-worker-updates.ts').then((updates) => {
        if (cancelled) return;
        update.current = updates.registerSW({ onNeedRefresh: () => setWaiting(updates) });
      });
    let stop = () => {};
    const registerWhenSaved = () =>
      void listSavedIds().then((ids) => {
        if (ids.length === 0 || cancelled) return;
        stop();
        void register();
      });
    if (navigator.serviceWorker.controller) {
      if (document.readyState === 'complete') void register();
      else window.addEventListener('load', () => void register(), { once: true });
    } else {
      stop = onBookmarksChangedHere(registerWhenSaved);
      registerWhenSaved();
    }
    return () => {
      cancelled = true;
      stop();
    };
  }, []);

  if (!waiting) return null;
  return (
    <waiting.UpdatePromptDialog
      onUpdate={() => void update.current?.(true)}
      onLater={() => setWaiting(undefined)}
    />
  );
}
