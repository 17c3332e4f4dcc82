// Applies the reader's theme and text size to <html> before the body is parsed, so the
// first paint already has them (no flash of the wrong theme or size). Inlined into the
// <head> of every page at build time (scripts/build/post-build/inline-scripts.ts), so it costs no request
// on the critical path; the CSP allows it by its hash. It reads what
// src/shared/storage/preferences-store.ts writes, and must accept the same values
// (preferences-store.test.ts runs it against them). Digits and Hijri dates are applied
// by the app after hydration: they change text, which the prerendered HTML fixes.
(() => {
  try {
    const stored = JSON.parse(localStorage.getItem('qari:preferences') || 'null');
    if (!stored || typeof stored !== 'object') return;
    const root = document.documentElement;
    if (stored.theme === 'light' || stored.theme === 'dark') {
      root.setAttribute('data-theme', stored.theme);
    }
    // 'medium' is the stylesheet's default: no attribute.
    if (['small', 'large', 'x-large'].includes(stored.textSize)) {
      root.setAttribute('data-text-size', stored.textSize);
    }
  } catch {
    // Blocked storage or garbage: the defaults stand, and the app starts as usual.
  }
})();
