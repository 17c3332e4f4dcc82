// Prerendered pages are readable before any script runs. This loader starts the
// app's code only after the first frame is painted, so scripts never compete with
// the text, fonts and hero photo for the first paint. (A file, not inline: the
// Content-Security-Policy allows no inline scripts.)
(() => {
  const self = document.currentScript;
  if (!self) return;
  const entry = self.dataset.entry;
  const preload = (self.dataset.preload || '').split(' ').filter(Boolean);
  const start = () => {
    for (const href of preload) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = href;
      document.head.append(link);
    }
    const script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = '';
    script.src = entry;
    document.head.append(script);
  };
  requestAnimationFrame(() => setTimeout(start, 0));
})();
