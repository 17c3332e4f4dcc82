// Photos for a reader who saves data («موفّر البيانات», `<html data-save-data>`, set just
// before by preferences-boot.js). Inline in the <head> of every page (the CSP allows it
// by its hash), so it runs before the body is parsed and stays for the page's life:
// - unless data is saved, it asks for the page's largest photo at once, at high
//   priority (the <template id="qari-preload"> the prerender writes);
// - while data is saved, it holds back every photo (src/shared/ui/responsive-image.tsx
//   renders them lazy, so none is fetched before this sees it, by the parser or by
//   React), leaving its caption and credit, and a «عرض الصورة» button that says its
//   size; a tap loads that photo, its smallest copy, with or without the app;
// - when the reader turns the saver off, every held photo loads.
(() => {
  const root = document.documentElement;
  const saving = () => root.hasAttribute('data-save-data');
  if (!saving()) {
    // The prerender's <template>; a page without a photo has none.
    const early = document.getElementById('qari-preload');
    if (early) document.head.append(early.content.cloneNode(true));
  }

  const hold = (element) => {
    const photo = element.closest('[data-photo]');
    if (!photo || photo.hasAttribute('data-shown')) return;
    let held = false;
    for (const name of ['srcset', 'src']) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      element.setAttribute(`data-held-${name}`, value);
      element.removeAttribute(name);
      held = true;
    }
    if (held) photo.setAttribute('data-held', '');
  };
  const show = (photo, smallest) => {
    photo.setAttribute('data-shown', '');
    photo.removeAttribute('data-held');
    // Sources before the img, srcset before src: one fetch, of the right file.
    for (const element of photo.querySelectorAll('source, img')) {
      for (const name of ['srcset', 'src']) {
        const value = element.getAttribute(`data-held-${name}`);
        if (value === null) continue;
        element.removeAttribute(`data-held-${name}`);
        element.setAttribute(name, name === 'srcset' && smallest ? value.split(',')[0] : value);
      }
    }
  };

  const photos = new MutationObserver((records) => {
    if (!saving()) return;
    for (const record of records) {
      const nodes = record.type === 'attributes' ? [record.target] : record.addedNodes;
      for (const node of nodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches('img, source')) hold(node);
        for (const inner of node.querySelectorAll('img, source')) hold(inner);
      }
    }
  });
  photos.observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['src', 'srcset'],
  });
  new MutationObserver(() => {
    if (!saving()) for (const photo of document.querySelectorAll('[data-held]')) show(photo, false);
  }).observe(root, { attributes: true, attributeFilter: ['data-save-data'] });

  addEventListener(
    'click',
    (event) => {
      // A click's target is an element, or the document itself (no closest).
      const photo = event.target.closest?.('[data-photo-load]')?.closest('[data-photo]');
      if (!photo) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      show(photo, true);
      // The button goes: focus moves to the photo, so a screen reader reads its text.
      const img = photo.querySelector('img');
      if (img) {
        img.tabIndex = -1;
        img.focus();
      }
    },
    true,
  );
})();
