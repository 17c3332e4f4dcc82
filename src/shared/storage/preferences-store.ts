// The reader's preferences (text size, theme, digits, Hijri dates, data saver), in localStorage
// behind this one module. Whatever is read is validated field by field: garbage, an
// old shape, or a blocked or full storage gives the defaults, never an error.
// src/app/boot/preferences-boot.js reads the same key before first paint: keep them in step
// (preferences-store.test.ts runs that script against these values).
import type { Digits } from '../lib/locale.ts';
import { PREFERENCES_CHANGED, PREFERENCES_KEY } from './preferences-key.ts';

export { PREFERENCES_KEY };

export const TEXT_SIZES = ['small', 'medium', 'large', 'x-large'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;
export const DIGITS = ['latn', 'arab'] as const satisfies readonly Digits[];
/** 'auto' follows the browser's Save-Data (navigator.connection.saveData). */
export const DATA_SAVER = ['auto', 'on', 'off'] as const;

export type TextSize = (typeof TEXT_SIZES)[number];
export type Theme = (typeof THEMES)[number];
export type DataSaver = (typeof DATA_SAVER)[number];
export type Preferences = {
  textSize: TextSize;
  theme: Theme;
  digits: Digits;
  hijri: boolean;
  dataSaver: DataSaver;
};

export const DEFAULT_PREFERENCES: Preferences = Object.freeze({
  textSize: 'medium',
  theme: 'system',
  digits: 'latn',
  hijri: false,
  dataSaver: 'auto',
});

const oneOf = <T extends string>(options: readonly T[], value: unknown, fallback: T): T =>
  options.includes(value as T) ? (value as T) : fallback;

/** Stored text as valid preferences: each missing or unknown field takes its default. */
export function parsePreferences(raw: string | null): Preferences {
  let data: unknown = null;
  try {
    data = raw ? JSON.parse(raw) : null;
  } catch {
    // Not JSON: the defaults stand.
  }
  const record = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  return {
    textSize: oneOf(TEXT_SIZES, record.textSize, DEFAULT_PREFERENCES.textSize),
    theme: oneOf(THEMES, record.theme, DEFAULT_PREFERENCES.theme),
    digits: oneOf(DIGITS, record.digits, DEFAULT_PREFERENCES.digits),
    hijri: record.hijri === true,
    dataSaver: oneOf(DATA_SAVER, record.dataSaver, DEFAULT_PREFERENCES.dataSaver),
  };
}

function load(): Preferences {
  try {
    return parsePreferences(localStorage.getItem(PREFERENCES_KEY));
  } catch {
    // Storage blocked (some privacy settings throw on any access).
    return DEFAULT_PREFERENCES;
  }
}

const same = (a: Preferences, b: Preferences) =>
  a.textSize === b.textSize &&
  a.theme === b.theme &&
  a.digits === b.digits &&
  a.hijri === b.hijri &&
  a.dataSaver === b.dataSaver;

/** Whether pages save data: the reader's choice, else what the browser says (Save-Data). */
export function savesData(choice: DataSaver): boolean {
  if (choice !== 'auto') return choice === 'on';
  const connection = (navigator as { connection?: { saveData?: boolean } }).connection;
  return connection?.saveData === true;
}

// One object per state, so useSyncExternalStore sees a change only when there is one.
let current: Preferences | null = null;
const listeners = new Set<() => void>();

function replace(next: Preferences) {
  if (current && same(current, next)) return;
  current = next;
  for (const listener of listeners) listener();
}

export function getPreferences(): Preferences {
  current ??= load();
  return current;
}

/**
 * Applies a change at once and stores it. Returns false when the browser would not
 * store it (quota, blocked storage): the change then lasts for this visit only.
 */
export function savePreferences(change: Partial<Preferences>): boolean {
  const next = { ...getPreferences(), ...change };
  replace(next);
  window.dispatchEvent(new Event(PREFERENCES_CHANGED));
  try {
    localStorage.setItem(PREFERENCES_KEY, JSON.stringify({ v: 1, ...next }));
    return true;
  } catch {
    return false;
  }
}

// Another tab saved (or storage was cleared: key null): take its preferences.
function onStorage(event: StorageEvent) {
  if (event.key === PREFERENCES_KEY || event.key === null) replace(load());
}

/** Calls `listener` when the preferences change, here or in another tab. Returns an unsubscribe. */
export function subscribePreferences(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

/** For tests: forget the cached preferences, so the next read goes to storage. */
export function resetPreferencesCache(): void {
  current = null;
}
