// Prerendered pages are readable and their buttons answer (first-taps.js) before any
// of the app's code runs. This loader, inline at the end of every prerendered page (the
// CSP allows it by its hash), starts the app's code when `qari:wanted` asks for it:
// - at once when a tap needs it (first-taps.js);
// - else once the page has loaded (text, hero photo) and its first paint is on screen
//   (preferences-boot.js), so the scripts never compete with what the reader came for;
//   after 3 s it starts anyway, so a photo that never arrives (or a browser without
//   paint timing) cannot keep the page from working;
// - never by itself when the reader saves data (`<html data-save-data>`, set by
//   preferences-boot.js, which then does not ask): only a tap that needs the app brings it.
// The entry and the chunks to preload are in the page's #qari-app data block, so this
// script's text, and its hash, is the same on every page.
(() => {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    let app;
    try {
      // No block (a TypeError) or broken JSON: nothing to start.
      app = JSON.parse(document.getElementById('qari-app').textContent);
    } catch {
      return;
    }
    if (!app?.entry) return;
    for (const href of app.preload || []) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = href;
      document.head.append(link);
    }
    const script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = '';
    script.src = app.entry;
    document.head.append(script);
  };
  if (window.qariFirstTaps?.wanted) return start();
  document.addEventListener('qari:wanted', start);
  if (!document.documentElement.hasAttribute('data-save-data')) setTimeout(start, 3000);
})();
