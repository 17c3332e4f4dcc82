// Where the reader's preferences live, and the event a change in this tab sends: small
// on its own, so a first view can tell whether there is anything stored, and hear a
// change, without loading the store (preferences-store.ts).
export const PREFERENCES_KEY = 'qari:preferences';
export const PREFERENCES_CHANGED = 'qari:preferences-changed';

/** Whether the reader has stored any preference (false when storage is blocked). */
export function hasStoredPreferences(): boolean {
  try {
    return localStorage.getItem(PREFERENCES_KEY) !== null;
  } catch {
    return false;
  }
}
