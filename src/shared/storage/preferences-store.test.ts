import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_PREFERENCES,
  getPreferences,
  PREFERENCES_KEY,
  parsePreferences,
  resetPreferencesCache,
  savePreferences,
  savesData,
  subscribePreferences,
  TEXT_SIZES,
  THEMES,
} from './preferences-store.ts';

beforeEach(() => {
  localStorage.clear();
  resetPreferencesCache();
});
afterEach(() => vi.restoreAllMocks());

describe('parsePreferences', () => {
  it('reads every valid field', () => {
    const stored = {
      v: 1,
      textSize: 'x-large',
      theme: 'dark',
      digits: 'arab',
      hijri: true,
      dataSaver: 'on',
    };
    expect(parsePreferences(JSON.stringify(stored))).toEqual({
      textSize: 'x-large',
      theme: 'dark',
      digits: 'arab',
      hijri: true,
      dataSaver: 'on',
    });
  });

  it.each([
    ['nothing stored', null],
    ['empty text', ''],
    ['not JSON', '{theme: dark'],
    ['a number', '42'],
    ['null', 'null'],
    ['an array', '["dark"]'],
    ['a string', '"dark"'],
  ])('gives the defaults for %s', (_, raw) => {
    expect(parsePreferences(raw)).toEqual(DEFAULT_PREFERENCES);
  });

  it('keeps the valid fields and defaults each invalid one', () => {
    const stored = {
      textSize: 'huge',
      theme: 'dark',
      digits: 'roman',
      hijri: 'yes',
      dataSaver: true,
    };
    expect(parsePreferences(JSON.stringify(stored))).toEqual({
      ...DEFAULT_PREFERENCES,
      theme: 'dark',
    });
  });

  it('ignores inherited names and fields it does not know', () => {
    const stored = '{"theme":"constructor","textSize":"toString","__proto__":{"hijri":true}}';
    expect(parsePreferences(stored)).toEqual(DEFAULT_PREFERENCES);
  });
});

describe('reading and saving', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(getPreferences()).toEqual(DEFAULT_PREFERENCES);
  });

  it('reads what is stored, validated', () => {
    localStorage.setItem(PREFERENCES_KEY, '{"theme":"light","textSize":"gigantic"}');
    expect(getPreferences()).toEqual({ ...DEFAULT_PREFERENCES, theme: 'light' });
  });

  it('gives the defaults when storage is blocked', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(getPreferences()).toEqual(DEFAULT_PREFERENCES);
  });

  it('saves a change with the rest kept, and tells subscribers', () => {
    const listener = vi.fn();
    const stop = subscribePreferences(listener);
    expect(savePreferences({ theme: 'dark' })).toBe(true);
    expect(savePreferences({ digits: 'arab' })).toBe(true);
    stop();
    expect(listener).toHaveBeenCalledTimes(2);
    expect(getPreferences()).toEqual({ ...DEFAULT_PREFERENCES, theme: 'dark', digits: 'arab' });
    resetPreferencesCache();
    expect(getPreferences()).toEqual({ ...DEFAULT_PREFERENCES, theme: 'dark', digits: 'arab' });
  });

  it('does not tell subscribers about a change that changes nothing', () => {
    const listener = vi.fn();
    const stop = subscribePreferences(listener);
    savePreferences({ theme: 'system' });
    stop();
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps a change for the visit when storage is full, and says it was not saved', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(savePreferences({ textSize: 'large' })).toBe(false);
    expect(getPreferences().textSize).toBe('large');
  });
});

describe('another tab', () => {
  const fromOtherTab = (key: string | null, newValue: string | null) => {
    if (key && newValue !== null) localStorage.setItem(key, newValue);
    window.dispatchEvent(new StorageEvent('storage', { key, newValue }));
  };

  it('takes the preferences another tab saved', () => {
    const listener = vi.fn();
    const stop = subscribePreferences(listener);
    getPreferences();
    fromOtherTab(PREFERENCES_KEY, '{"theme":"dark","hijri":true}');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(getPreferences()).toEqual({ ...DEFAULT_PREFERENCES, theme: 'dark', hijri: true });
    stop();
  });

  it('goes back to the defaults when another tab clears storage, and ignores other keys', () => {
    savePreferences({ theme: 'dark' });
    const listener = vi.fn();
    const stop = subscribePreferences(listener);
    fromOtherTab('qari:bookmarks-changed', '1');
    expect(listener).not.toHaveBeenCalled();
    localStorage.clear();
    fromOtherTab(null, null);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(getPreferences()).toEqual(DEFAULT_PREFERENCES);
    stop();
  });

  it('stops listening once the last subscriber leaves', () => {
    const listener = vi.fn();
    subscribePreferences(listener)();
    fromOtherTab(PREFERENCES_KEY, '{"theme":"dark"}');
    expect(listener).not.toHaveBeenCalled();
  });
});

// The script in <head> that applies theme and text size before first paint.
describe('src/app/boot/preferences-boot.js', () => {
  const script = readFileSync(path.resolve('src/app/boot/preferences-boot.js'), 'utf8');
  const root = document.documentElement;
  const boot = () => new Function(script)();
  // The window listeners of a test's boots, kept off the shared window (test files share
  // it): the tests below that need the load call `load()`.
  const onLoad: (() => void)[] = [];
  const load = () => {
    for (const listener of onLoad.splice(0)) listener();
  };

  beforeEach(() => {
    root.removeAttribute('data-theme');
    root.removeAttribute('data-text-size');
    root.removeAttribute('data-save-data');
    root.removeAttribute('data-web-fonts');
    onLoad.length = 0;
    vi.stubGlobal('addEventListener', (type: string, listener: () => void) => {
      if (type === 'load') onLoad.push(listener);
    });
  });
  const browserSaysSaveData = (saveData: boolean | undefined) =>
    Object.defineProperty(navigator, 'connection', {
      value: saveData === undefined ? undefined : { saveData },
      configurable: true,
    });
  afterEach(() => {
    browserSaysSaveData(undefined);
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('sets every theme and text size the store can save, and leaves the defaults unmarked', () => {
    for (const theme of THEMES) {
      for (const textSize of TEXT_SIZES) {
        root.removeAttribute('data-theme');
        root.removeAttribute('data-text-size');
        savePreferences({ theme, textSize });
        boot();
        expect(root.getAttribute('data-theme')).toBe(theme === 'system' ? null : theme);
        expect(root.getAttribute('data-text-size')).toBe(textSize === 'medium' ? null : textSize);
      }
    }
  });

  it.each([
    ['garbage', 'not json {'],
    ['unknown values', '{"theme":"neon","textSize":"<script>"}'],
    ['a bare string', '"dark"'],
    ['null', 'null'],
  ])('sets nothing for %s', (_, raw) => {
    localStorage.setItem(PREFERENCES_KEY, raw);
    expect(boot).not.toThrow();
    expect(root.hasAttribute('data-theme')).toBe(false);
    expect(root.hasAttribute('data-text-size')).toBe(false);
  });

  it.each([
    ['auto', false, false],
    ['auto', true, true],
    ['on', false, true],
    ['on', true, true],
    ['off', true, false],
    ['off', false, false],
  ] as const)('saves data with the setting %s and Save-Data %s: %s', (choice, browser, saving) => {
    browserSaysSaveData(browser);
    savePreferences({ dataSaver: choice });
    boot();
    expect(root.hasAttribute('data-save-data')).toBe(saving);
    expect(savesData(choice)).toBe(saving);
  });

  it('follows the browser when nothing is stored, or storage is garbage', () => {
    browserSaysSaveData(true);
    boot();
    expect(root.hasAttribute('data-save-data')).toBe(true);
    root.removeAttribute('data-save-data');
    localStorage.setItem(PREFERENCES_KEY, 'not json {');
    boot();
    expect(root.hasAttribute('data-save-data')).toBe(true);
  });

  it('does not throw when storage is blocked', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(boot).not.toThrow();
    expect(root.hasAttribute('data-theme')).toBe(false);
  });

  describe('once the page is painted', () => {
    const FONTS_KEY = 'qari:fonts';
    // jsdom has no paint timing: the page's 'paint' entries, delivered as Chrome does,
    // buffered ones included, to every observer the boots made.
    const entries: { name: string }[] = [];
    const observers = new Set<(list: { getEntriesByName: (n: string) => unknown[] }) => void>();
    const deliver = () => {
      for (const callback of observers)
        callback({ getEntriesByName: (n) => entries.filter((e) => e.name === n) });
    };
    const paint = (name: string) => {
      entries.push({ name });
      deliver();
    };
    const wanted = vi.fn();
    // document.fonts (jsdom has none): two faces, each fetched by its load().
    const fetched = vi.fn();
    beforeEach(() => {
      fetched.mockClear();
      Object.defineProperty(document, 'fonts', {
        value: [{ load: fetched }, { load: fetched }],
        configurable: true,
      });
      entries.length = 0;
      observers.clear();
      vi.stubGlobal(
        'PerformanceObserver',
        class {
          callback: (list: { getEntriesByName: (n: string) => unknown[] }) => void;
          constructor(callback: (list: { getEntriesByName: (n: string) => unknown[] }) => void) {
            this.callback = callback;
          }
          observe({ type, buffered }: { type: string; buffered: boolean }) {
            if (type !== 'paint') return;
            observers.add(this.callback);
            if (buffered && entries.length)
              this.callback({ getEntriesByName: (n) => entries.filter((e) => e.name === n) });
          }
        },
      );
      localStorage.removeItem(FONTS_KEY);
      wanted.mockClear();
      document.addEventListener('qari:wanted', wanted);
    });
    afterEach(() => {
      Reflect.deleteProperty(document, 'fonts');
      document.removeEventListener('qari:wanted', wanted);
      vi.unstubAllGlobals();
    });

    it('fetches the web fonts and asks for the app only once both the load and the first contentful paint have come', () => {
      boot();
      expect(localStorage.getItem(FONTS_KEY)).toBe('1');
      load();
      paint('first-paint');
      expect(fetched).not.toHaveBeenCalled();
      expect(wanted).not.toHaveBeenCalled();
      paint('first-contentful-paint');
      expect(fetched).toHaveBeenCalledTimes(2);
      expect(wanted).toHaveBeenCalledTimes(1);
      // Fetched for the next pages: this one keeps the stand-ins it was painted in.
      expect(root.hasAttribute('data-web-fonts')).toBe(false);
    });

    it('waits for the load when the text was on screen before it (a photo still coming)', () => {
      boot();
      paint('first-contentful-paint');
      expect(fetched).not.toHaveBeenCalled();
      expect(wanted).not.toHaveBeenCalled();
      load();
      expect(fetched).toHaveBeenCalledTimes(2);
      expect(wanted).toHaveBeenCalledTimes(1);
    });

    it('uses the web fonts from the first paint once fetched before', () => {
      localStorage.setItem(FONTS_KEY, '1');
      boot();
      expect(root.hasAttribute('data-web-fonts')).toBe(true);
    });

    it('never fetches or asks for the app for a reader who saves data, and lets the fonts come if the saver is turned off', () => {
      savePreferences({ dataSaver: 'on' });
      boot();
      load();
      paint('first-contentful-paint');
      expect(fetched).not.toHaveBeenCalled();
      expect(wanted).not.toHaveBeenCalled();
      // base.css names them only without data-save-data.
      expect(root.hasAttribute('data-web-fonts')).toBe(true);
    });

    it('fetches them once painted, with the stand-ins, when storage is blocked', () => {
      vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
        throw new DOMException('blocked', 'SecurityError');
      });
      vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
        throw new DOMException('blocked', 'SecurityError');
      });
      expect(boot).not.toThrow();
      load();
      expect(() => paint('first-contentful-paint')).not.toThrow();
      expect(fetched).toHaveBeenCalledTimes(2);
      expect(wanted).toHaveBeenCalledTimes(1);
      expect(root.hasAttribute('data-web-fonts')).toBe(false);
    });
  });
});
