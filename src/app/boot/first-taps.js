// A prerendered page shows its buttons before the app's code has run. This script,
// inline at the top of every prerendered page (the CSP allows it by its hash), keeps
// a tap made in that time from being lost, as Angular's event replay and Google's
// JSAction do: it catches the tap before anything else sees it, answers at once where
// it honestly can, and keeps what the reader asked for until the app is ready
// (`<html data-ready>`), which then carries it out exactly once
// (src/shared/lib/first-taps.ts). Until then:
// - «حفظ» (a button with data-bookmark-id; `s` on a story) shows pressed at once and
//   the wish is kept per story: a second tap takes it back, so nothing is saved twice;
// - any other button is marked data-pending (styled as busy) and pressed again for
//   real once the app runs; the readers' shortcut keys are kept and pressed again too;
// - links, the search form and typing work as they do in any page: they need no app.
// Every kept tap also asks for the app at once (the `qari:wanted` event, heard by
// app-loader.js; preferences-boot.js sends it too once the page is painted), so it
// never waits longer than the app takes to arrive.
(() => {
  const root = document.documentElement;
  const taps = { saves: new Map(), replay: [], listeners: new Set(), wanted: false };
  window.qariFirstTaps = taps;
  const ready = () => root.hasAttribute('data-ready');
  const want = () => {
    taps.wanted = true;
    document.dispatchEvent(new Event('qari:wanted'));
  };
  const toggleSave = (id) => {
    // Story ids are [a-z0-9-] (the contract): safe inside the selector's quotes.
    const buttons = document.querySelectorAll(`[data-bookmark-id="${id}"]`);
    const shown = buttons[0]?.getAttribute('aria-pressed') === 'true';
    const wish = taps.saves.get(id) || { from: shown, to: shown };
    wish.to = !shown;
    taps.saves.set(id, wish);
    for (const button of buttons) button.setAttribute('aria-pressed', String(!shown));
    for (const listener of taps.listeners) listener();
  };
  const keep = (event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    want();
  };

  addEventListener(
    'click',
    (event) => {
      if (ready()) return;
      const button = event.target.closest?.('button');
      // A photo's «عرض الصورة» needs no app (data-saver.js answers it).
      if (!button || button.disabled || button.type === 'submit') return;
      if (button.hasAttribute('data-photo-load') || !button.closest('#root')) return;
      keep(event);
      const id = button.getAttribute('data-bookmark-id');
      if (id) toggleSave(id);
      else {
        button.setAttribute('data-pending', '');
        taps.replay.push({ button });
      }
    },
    true,
  );

  // The keys of src/features/shortcuts/model/shortcut-keys.ts, and `s` (save).
  const KEYS = ['/', 'j', 'k', '?', '؟', 's'];
  const CODES = ['Slash', 'KeyJ', 'KeyK', 'KeyS'];
  addEventListener(
    'keydown',
    (event) => {
      if (ready() || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (!KEYS.includes(event.key) && !CODES.includes(event.code)) return;
      // A key's target is an element, or the document itself (no closest).
      const typing = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
      if (event.target.closest?.(typing)) return;
      keep(event);
      const save = document.querySelector('[aria-keyshortcuts="S"][data-bookmark-id]');
      if (save && !event.shiftKey && (event.key === 's' || event.code === 'KeyS'))
        toggleSave(save.getAttribute('data-bookmark-id'));
      else
        taps.replay.push({ key: { key: event.key, code: event.code, shiftKey: event.shiftKey } });
    },
    true,
  );
})();
