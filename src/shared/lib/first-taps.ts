// The app's side of src/app/boot/first-taps.js: what the reader asked for before the
// app ran, and its carrying out, once, when the app is ready. Without the inline
// script (the SPA shell, tests) there is nothing kept and every function is a no-op.

type SaveWish = { from: boolean; to: boolean; taken?: boolean };
type Replay =
  | { button: HTMLButtonElement }
  | { key: { key: string; code: string; shiftKey: boolean } };
type FirstTaps = {
  saves: Map<string, SaveWish>;
  replay: Replay[];
  listeners: Set<() => void>;
  wanted: boolean;
};

declare global {
  interface Window {
    qariFirstTaps?: FirstTaps;
  }
}

const taps = (): FirstTaps | undefined =>
  typeof window === 'undefined' ? undefined : window.qariFirstTaps;

const readyCallbacks: (() => void)[] = [];

/**
 * The saved state the page shows for a story because of a tap made before the app ran,
 * while that wish is not yet carried out; undefined when there is none (or when taps
 * took it back, as a double tap does).
 */
export function firstTapSaved(id: string): boolean | undefined {
  const wish = taps()?.saves.get(id);
  return wish && wish.to !== wish.from ? wish.to : undefined;
}

/** The shown state before hydration: the prerendered page, which knows of no wish. */
export const serverFirstTapSaved = (): undefined => undefined;

export function subscribeFirstTaps(listener: () => void): () => void {
  const listeners = taps()?.listeners;
  listeners?.add(listener);
  return () => listeners?.delete(listener);
}

/**
 * The save wishes to carry out, each handed out once: story id and the state the reader
 * asked for. They stay shown (firstTapSaved) until settled.
 */
export function takeFirstTapSaves(): [string, boolean][] {
  return [...(taps()?.saves ?? [])].flatMap(([id, wish]) => {
    if (wish.taken || wish.to === wish.from) return [];
    wish.taken = true;
    return [[id, wish.to] as [string, boolean]];
  });
}

/** The wish for this story is carried out (or superseded): the page shows the stored state. */
export function settleFirstTapSave(id: string): void {
  const first = taps();
  if (!first?.saves.delete(id)) return;
  for (const listener of first.listeners) listener();
}

/**
 * Runs `callback` when the app is ready, before the kept taps are pressed again (at once
 * if it is ready already). Returns a function that cancels a callback not yet run.
 */
export function whenAppReady(callback: () => void): () => void {
  if (document.documentElement.hasAttribute('data-ready')) {
    callback();
    return () => {};
  }
  readyCallbacks.push(callback);
  return () => {
    const i = readyCallbacks.indexOf(callback);
    if (i >= 0) readyCallbacks.splice(i, 1);
  };
}

/**
 * The app has rendered (or hydrated): marks `<html data-ready>`, from which on the
 * inline script lets taps through; lets the features carry out the wishes they own
 * (whenAppReady), then presses again each button tapped and each shortcut key pressed
 * before, in order, now that the app listens.
 */
export function markAppReady(): void {
  const root = document.documentElement;
  if (root.hasAttribute('data-ready')) return;
  root.dataset.ready = 'true';
  for (const callback of readyCallbacks.splice(0)) callback();
  for (const replay of taps()?.replay.splice(0) ?? []) {
    if ('button' in replay) {
      replay.button.removeAttribute('data-pending');
      if (replay.button.isConnected) replay.button.click();
    } else {
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(
        new KeyboardEvent('keydown', { ...replay.key, bubbles: true, cancelable: true }),
      );
    }
  }
}
