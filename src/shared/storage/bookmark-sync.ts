// Tells other open tabs that bookmarks changed: BroadcastChannel where the browser
// has it, else a `storage` event through a localStorage key. This tab hears it too,
// through an event on window (onBookmarksChangedHere).
const CHANNEL = 'qari-bookmarks';
const STORAGE_KEY = 'qari:bookmarks-changed';

let channel: BroadcastChannel | null | undefined;

function getChannel(): BroadcastChannel | null {
  if (channel === undefined) {
    channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  }
  return channel;
}

const HERE = 'qari:bookmarks-changed';

export function announceBookmarksChanged(): void {
  window.dispatchEvent(new Event(HERE));
  const open = getChannel();
  if (open) {
    open.postMessage({ type: 'changed', at: Date.now() });
    return;
  }
  try {
    localStorage.setItem(STORAGE_KEY, String(Date.now()));
  } catch {
    // A full or blocked localStorage only costs other tabs their live update.
  }
}

/** Calls `onChange` when another tab saves or removes a bookmark. Returns an unsubscribe. */
export function onBookmarksChanged(onChange: () => void): () => void {
  const open = getChannel();
  if (open) {
    // The same object that posts: a BroadcastChannel never hears its own messages.
    const listener = () => onChange();
    open.addEventListener('message', listener);
    return () => open.removeEventListener('message', listener);
  }
  const listener = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) onChange();
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}

/** Calls `onChange` when this tab saves or removes a bookmark. Returns an unsubscribe. */
export function onBookmarksChangedHere(onChange: () => void): () => void {
  window.addEventListener(HERE, onChange);
  return () => window.removeEventListener(HERE, onChange);
}
