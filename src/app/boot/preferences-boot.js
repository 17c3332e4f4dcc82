// Applies the reader's theme, text size and data saver to <html> before the body is
// parsed, so the first paint already has them (no flash of the wrong theme or size, no
// web font or photo fetched for a reader who saves data). Inlined into the <head> of
// every page at build time (scripts/build/post-build/inline-scripts.ts), so it costs no
// request on the critical path; the CSP allows it by its hash. It reads what
// src/shared/storage/preferences-store.ts writes, and must accept the same values
// (preferences-store.test.ts runs it against them). Digits and Hijri dates are applied
// by the app after hydration: they change text, which the prerendered HTML fixes.
(() => {
  const root = document.documentElement;
  let stored = null;
  try {
    stored = JSON.parse(localStorage.getItem('qari:preferences') || 'null');
  } catch {
    // Blocked storage or garbage: the defaults stand, and the app starts as usual.
  }
  if (!stored || typeof stored !== 'object') stored = {};
  if (stored.theme === 'light' || stored.theme === 'dark') {
    root.setAttribute('data-theme', stored.theme);
  }
  // 'medium' is the stylesheet's default: no attribute.
  if (['small', 'large', 'x-large'].includes(stored.textSize)) {
    root.setAttribute('data-text-size', stored.textSize);
  }
  // The reader's choice, else the browser's Save-Data (savesData in preferences-store.ts).
  const saveData =
    stored.dataSaver === 'on' ||
    (stored.dataSaver !== 'off' && navigator.connection?.saveData === true);
  if (saveData) root.setAttribute('data-save-data', '');
})();
