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
// stand-ins sized to them (fonts.css) and turns the web fonts on once the page is
// painted (below), so their 140–190 KB never compete with the text and the hero photo
// for a slow connection. Once fetched (cached a year under immutable URLs), the next
// pages use them from the first paint.
//
// «Painted» is one moment for the whole page: it has loaded (its hero photo too) and
// its first contentful paint is on screen. The 'paint' entry is queued once that frame
// is presented, not when it is drawn: a frame and a timer after `load` are not enough
// (on a busy machine the text showed 130–190 ms after `load`, and the fonts and the
// app's code were already on the wire). The same moment asks app-loader.js for the app
// (`qari:wanted`), unless the reader saves data.
(() => {
  const root = document.documentElement;
  let stored = {};
  let fontsFetched;
  try {
    fontsFetched = localStorage.getItem('qari:fonts');
    // Nothing stored (null) or not an object: an object all the same, with no choices.
    stored = Object(JSON.parse(localStorage.getItem('qari:preferences')));
    // This page fetches the web fonts once painted (below): the next ones can use them.
    localStorage.setItem('qari:fonts', '1');
  } catch {
    // Blocked storage or garbage: the defaults stand, and the app starts as usual.
  }
  if (['light', 'dark'].includes(stored.theme)) root.setAttribute('data-theme', stored.theme);
  // 'medium' is the stylesheet's default: no attribute.
  if (['small', 'large', 'x-large'].includes(stored.textSize)) {
    root.setAttribute('data-text-size', stored.textSize);
  }
  // The reader's choice, else the browser's Save-Data (savesData in preferences-store.ts).
  const saveData =
    stored.dataSaver === 'on' || (stored.dataSaver !== 'off' && navigator.connection?.saveData);
  if (saveData) root.setAttribute('data-save-data', '');

  // Marked (above): from the first paint. Else fetched once the page is painted. If the
  // reader leaves before they arrive, a later page loads them as it paints, with the
  // same stand-ins: that is all a wrong mark costs. Blocked storage: every page fetches
  // them once painted, and keeps the stand-ins.
  const webFonts = () => root.setAttribute('data-web-fonts', '');
  if (fontsFetched) webFonts();
  addEventListener('load', () =>
    // A page has one first contentful paint: this runs once.
    new PerformanceObserver((list) => {
      if (!list.getEntriesByName('first-contentful-paint')[0]) return;
      // Off while data is saved (base.css); they come if the reader turns it off.
      if (saveData) webFonts();
      else {
        // Fetched for the next pages, not applied to this one: the text keeps the
        // stand-ins it was painted in, so nothing moves under the reader's eyes. Once
        // they are in, the next page the router puts on screen applies them, before its
        // first layout (src/shared/lib/web-fonts.ts).
        for (const face of document.fonts) face.load();
        document.dispatchEvent(new Event('qari:wanted'));
      }
    }).observe({ type: 'paint', buffered: true }),
  );
})();
