import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_PREFERENCES,
  PREFERENCES_KEY,
  resetPreferencesCache,
  savePreferences,
} from '#shared/storage/preferences-store.ts';
import { applyToDocument, startPreferencesSync } from './preferences-sync.ts';

const root = document.documentElement;

beforeEach(() => {
  localStorage.clear();
  resetPreferencesCache();
});
afterEach(() => {
  root.removeAttribute('data-theme');
  root.removeAttribute('data-text-size');
});

describe('applyToDocument', () => {
  it('marks a chosen theme and size, and leaves the defaults unmarked', () => {
    applyToDocument(root, { ...DEFAULT_PREFERENCES, theme: 'dark', textSize: 'x-large' });
    expect(root.dataset.theme).toBe('dark');
    expect(root.dataset.textSize).toBe('x-large');
    applyToDocument(root, DEFAULT_PREFERENCES);
    expect(root.hasAttribute('data-theme')).toBe(false);
    expect(root.hasAttribute('data-text-size')).toBe(false);
  });
});

describe('startPreferencesSync', () => {
  it('applies what is stored at once, then every change, here or from another tab', () => {
    localStorage.setItem(PREFERENCES_KEY, '{"theme":"light","digits":"arab"}');
    const onChange = vi.fn();
    const stop = startPreferencesSync(onChange);
    expect(root.dataset.theme).toBe('light');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ digits: 'arab' }));

    savePreferences({ textSize: 'large' });
    expect(root.dataset.textSize).toBe('large');

    const fromOtherTab = '{"theme":"dark","textSize":"small","hijri":true}';
    localStorage.setItem(PREFERENCES_KEY, fromOtherTab);
    window.dispatchEvent(
      new StorageEvent('storage', { key: PREFERENCES_KEY, newValue: fromOtherTab }),
    );
    expect(root.dataset.theme).toBe('dark');
    expect(root.dataset.textSize).toBe('small');
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ digits: 'latn', hijri: true }),
    );

    stop();
    savePreferences({ theme: 'system' });
    expect(root.dataset.theme).toBe('dark');
  });
});
