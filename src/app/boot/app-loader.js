// Prerendered pages are readable before any script runs. This loader starts the app's
// code once the page has loaded (text, fonts, hero photo) and painted, so the scripts
// never compete with them for bandwidth; after 3 s it starts anyway, so a photo that
// never arrives cannot keep the page from working. Inlined at the end of every
// prerendered page (scripts/build/post-build/inline-scripts.ts; the CSP allows it by its hash); the
// entry and the chunks to preload are in the page's #qari-app data block.
(() => {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    let app;
    try {
      app = JSON.parse(document.getElementById('qari-app')?.textContent || 'null');
    } catch {
      return;
    }
    if (!app || typeof app.entry !== 'string') return;
    for (const href of Array.isArray(app.preload) ? app.preload : []) {
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
  const afterPaint = () => requestAnimationFrame(() => setTimeout(start, 0));
  if (document.readyState === 'complete') afterPaint();
  else {
    addEventListener('load', afterPaint, { once: true });
    setTimeout(start, 3000);
  }
})();
