import { useSyncExternalStore } from 'react';

// One polite live region for the whole app: «تم الحفظ», «أزيلت من المحفوظات», …
let message = '';
let counter = 0;
const listeners = new Set<() => void>();

export function announce(text: string): void {
  counter++;
  // A trailing invisible change makes a repeated message be read again.
  message = counter % 2 ? text : `${text}\u200b`;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function LiveAnnouncer() {
  const text = useSyncExternalStore(
    subscribe,
    () => message,
    () => '',
  );
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {text}
    </div>
  );
}
