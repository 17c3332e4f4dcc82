import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import './settings-button.css';

// The panel is its own chunk: the first story view carries only this button.
const loadPanel = () => import('./settings-panel.tsx');
const SettingsPanel = lazy(() => loadPanel().then((m) => ({ default: m.SettingsPanel })));

/** «الإعدادات» in the header: opens the reader preferences in a modal dialog. */
export function SettingsButton() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  // Fetch the panel as the pointer or focus arrives, so it opens without a wait.
  const prefetch = () => void loadPanel();

  return (
    <>
      <button
        ref={button}
        type="button"
        className="button button--quiet settings-button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        onPointerEnter={prefetch}
        onFocus={prefetch}
      >
        {/* A gear: the dashes of a thick circle are its teeth. */}
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" className="icon">
          <g fill="none" stroke="currentColor">
            <circle cx="12" cy="12" r="8.5" strokeWidth="3" strokeDasharray="3.34 3.34" />
            <circle cx="12" cy="12" r="6" strokeWidth="2" />
            <circle cx="12" cy="12" r="2" strokeWidth="2" />
          </g>
        </svg>
        <span className="settings-button__label">الإعدادات</span>
      </button>
      {open && (
        <Suspense fallback={null}>
          <SettingsPanel onClose={close} />
        </Suspense>
      )}
    </>
  );
}
