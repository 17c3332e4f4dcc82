import { useLayoutEffect } from 'react';

/** `s` saves or unsaves the open story, unless the reader is typing. */
export function useSaveShortcut(toggle: () => void): void {
  // A layout effect: listening from the first paint, so an early key press is not lost.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // The key's place, not its letter: on an Arabic layout the same key types «س».
      const isS = event.key === 's' || event.code === 'KeyS';
      if (!isS || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (document.querySelector('dialog[open]')) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      toggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle]);
}
