// What the readers' shortcuts do. Loaded after first paint by use-reader-shortcuts.ts:
// none of it is needed to read a story.
export type ShortcutAction = 'search' | 'next' | 'previous' | 'help';

/** Headline links of the stories on a page (front, lists, search results, bookmarks). */
const STORY_LINKS = 'main h2 a, main h3 a';

const BY_KEY = new Map<string, ShortcutAction>([
  ['/', 'search'],
  ['j', 'next'],
  ['k', 'previous'],
  ['?', 'help'],
  ['؟', 'help'],
]);
// On an Arabic (or other non-Latin) layout the same keys type letters (J is ت, K is ن,
// / is ظ): fall back to the key's position, but only then, so Dvorak and AZERTY
// readers still press the letters they see.
const BY_CODE = new Map<string, ShortcutAction>([
  ['KeyJ', 'next'],
  ['KeyK', 'previous'],
  ['Slash', 'search'],
]);

/**
 * What a key press asks for, or null. Shift is allowed for the symbols: many layouts
 * need it for `/` and every one for `?` (a shifted j types «J», which is no shortcut).
 */
export function shortcutFor(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const byKey = BY_KEY.get(event.key);
  if (byKey) return byKey;
  if (event.shiftKey || event.key.length !== 1 || /[\x20-\x7e]/.test(event.key)) return null;
  return BY_CODE.get(event.code) ?? null;
}

/** True when keys belong to what has focus: a field, or an open dialog. */
function isBusy(target: EventTarget | null): boolean {
  const element = target instanceof Element ? target : null;
  if (element?.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])'))
    return true;
  return document.querySelector('dialog[open]') !== null;
}

/**
 * Moves focus to the next (1) or previous (-1) story headline link from where focus
 * is, in document order, and scrolls it into view. Returns the link, or null at an end.
 */
export function moveStoryFocus(step: 1 | -1, doc: Document = document): HTMLElement | null {
  const links = [...doc.querySelectorAll<HTMLElement>(STORY_LINKS)];
  const active = doc.activeElement;
  let target: HTMLElement | undefined;
  if (!active || active === doc.body) {
    target = step === 1 ? links[0] : undefined;
  } else {
    const index = links.indexOf(active as HTMLElement);
    if (index >= 0) target = links[index + step];
    else {
      // Focus sits elsewhere (the h1, a save button): start from there.
      const after = (link: HTMLElement) =>
        (active.compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      target = step === 1 ? links.find(after) : links.findLast((link) => !after(link));
    }
  }
  if (!target) return null;
  target.focus({ preventScroll: true });
  target.scrollIntoView?.({ block: 'center' });
  return target;
}

/**
 * Handles a key press if it is a shortcut: `/` search box, `j`/`k` next and previous
 * story, `?` the help. Ignored while typing, with Ctrl, Alt or Meta, and while a dialog
 * is open. Returns whether it did something (and then keeps the key from the page).
 */
export function handleShortcut(event: KeyboardEvent, openHelp: () => void): boolean {
  if (event.defaultPrevented || event.isComposing || isBusy(event.target)) return false;
  const action = shortcutFor(event);
  if (!action) return false;
  if (action === 'search') {
    const box = document.querySelector<HTMLInputElement>('input[type="search"][name="q"]');
    if (!box) return false;
    box.focus();
    box.select();
  } else if (action === 'help') {
    openHelp();
  } else if (!moveStoryFocus(action === 'next' ? 1 : -1)) {
    return false;
  }
  // Only a key that did something is kept from the page (`/` would be typed in the box).
  event.preventDefault();
  return true;
}
