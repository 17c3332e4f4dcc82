import {
  getPreferences,
  type Preferences,
  savesData,
  subscribePreferences,
} from '#shared/storage/preferences-store.ts';

/**
 * Theme, text size and data saver as attributes of <html>; the defaults as no
 * attribute (as the boot script does).
 */
export function applyToDocument(
  root: HTMLElement,
  { theme, textSize, dataSaver }: Preferences,
): void {
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
  if (textSize === 'medium') root.removeAttribute('data-text-size');
  else root.setAttribute('data-text-size', textSize);
  root.toggleAttribute('data-save-data', savesData(dataSaver));
}

/**
 * Puts the page in step with the stored preferences now, and again on every change,
 * here or in another tab: theme and text size on <html>, the rest through `onChange`.
 * Returns a stop function.
 */
export function startPreferencesSync(onChange: (preferences: Preferences) => void): () => void {
  const apply = () => {
    const preferences = getPreferences();
    applyToDocument(document.documentElement, preferences);
    onChange(preferences);
  };
  apply();
  return subscribePreferences(apply);
}
