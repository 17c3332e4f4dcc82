import { useEffect, useRef, useState } from 'react';
import './update-prompt.css';

/**
 * Registers the service worker once the page has loaded (its code stays out of the
 * first view), and offers «تحديث متاح» when a new version of the app is waiting.
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
    if (document.readyState === 'complete') void register();
    else window.addEventListener('load', () => void register(), { once: true });
    return () => {
      cancelled = true;
    };
  }, []);

  if (!needRefresh) return null;
  return (
    <div
      className="update-prompt"
      role="alertdialog"
      aria-labelledby="update-title"
      aria-describedby="update-text"
    >
      <p id="update-title" className="update-prompt__title">
        تحديث متاح
      </p>
      <p id="update-text">نسخة أحدث من قارئ جاهزة. حدّث الصفحة لاستخدامها.</p>
      <div className="update-prompt__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void update.current?.(true)}
        >
          تحديث
        </button>
        <button type="button" className="button" onClick={() => setNeedRefresh(false)}>
          لاحقاً
        </button>
      </div>
    </div>
  );
}
