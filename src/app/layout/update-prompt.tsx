import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { listSavedIds } from '#shared/storage/bookmark-db.ts';
import { onBookmarksChangedHere } from '#shared/storage/bookmark-sync.ts';
import './update-prompt.css';

// Shown once in a while, when a new version is waiting: its code waits too.
const UpdatePromptDialog = lazy(() =>
  import('./update-prompt-dialog.tsx').then((m) => ({ default: m.UpdatePromptDialog })),
);

/**
 * Registers the service worker, and offers «تحديث متاح» when a new version of the app
 * is waiting. The worker is there to open saved stories with the network off: it comes
 * with the first saved story (or at load, once there are saved stories or a worker
 * already), so a reader who saves nothing never downloads its code or the app it
 * precaches (≈ 390 KB), and no first view carries them.
 */
export function UpdatePrompt() {
  const [needRefresh, setNeedRefresh] = useState(false);
  const update = useRef<((reload?: boolean) => Promise<void>) | null>(null);

  useEffect(() => {
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
    let cancelled = false;
    const register = () =>
      import('virtual:pwa-register').then(({ registerSW }) => {
        if (cancelled) return;
        update.current = registerSW({ onNeedRefresh: () => setNeedRefresh(true) });
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

  if (!needRefresh) return null;
  return (
    <Suspense fallback={null}>
      <UpdatePromptDialog
        onUpdate={() => void update.current?.(true)}
        onLater={() => setNeedRefresh(false)}
      />
    </Suspense>
  );
}
