// Applies the reader's theme, text size and data saver to <html> before the body is
// parsed, so the first paint already has them (no flash of the wrong theme or size, no
// web font or photo fetched for a reader who saves data). Inlined into the <head> of
// every page at build time (scripts/build/post-build/inline-scripts.ts), so it costs no
// request on the critical path; the CSP allows it by its hash. It reads what
// src/shared/storage/preferences-store.ts writes, and must accept the same values
// (preferences-store.test.ts runs it against them). Digits and Hijri dates are applied
// by the app after hydration: they change text, which the prerendered HTML fixes.
//
// Web fonts (`<html data-web-fonts>`, base.css): a first visit paints with the local
// stand-ins sized to them (fonts.css) and turns the web fonts on once the page has
// loaded and painted, so their 140–190 KB never compete with the text and the hero
// photo for a slow connection. Once fetched (cached a year under immutable URLs), the
// next pages use them from the first paint.
(() => {
  const root = document.documentElement;
  let stored = null;
  let fontsFetched = null;
  try {
    fontsFetched = localStorage.getItem('qari:fonts');
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
    stored.dataSaver === 'on' || (stored.dataSaver !== 'off' && !!navigator.connection?.saveData);
  if (saveData) root.setAttribute('data-save-data', '');

  // Turning them on also marks them as fetched. If the reader leaves before they arrive
  // (or saves data, and base.css keeps them off), a later page loads them as it paints,
  // with the same stand-ins: that is all a wrong mark costs.
  const webFonts = () => {
    root.setAttribute('data-web-fonts', '');
    try {
      localStorage.setItem('qari:fonts', '1');
    } catch {
      // Blocked storage: every page turns the fonts on after its paint.
    }
  };
  if (fontsFetched) webFonts();
  else addEventListener('load', () => requestAnimationFrame(() => setTimeout(webFonts)));
})();
