import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleShortcut, moveStoryFocus, shortcutFor } from './shortcut-keys.ts';

const key = (init: Partial<KeyboardEventInit> & { key: string }) => ({
  code: '',
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...init,
});

describe('shortcutFor', () => {
  it.each([
    ['/', 'search'],
    ['j', 'next'],
    ['k', 'previous'],
    ['?', 'help'],
    ['؟', 'help'],
  ] as const)('maps %s to %s', (pressed, action) => {
    expect(shortcutFor(key({ key: pressed }))).toBe(action);
  });

  it('accepts Shift for the symbols that need it, and nothing with Ctrl, Alt or Meta', () => {
    expect(shortcutFor(key({ key: '?', shiftKey: true }))).toBe('help');
    expect(shortcutFor(key({ key: 'J', shiftKey: true }))).toBeNull();
    expect(shortcutFor(key({ key: 'j', ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key({ key: 'k', metaKey: true }))).toBeNull();
    expect(shortcutFor(key({ key: '/', altKey: true }))).toBeNull();
  });

  it('finds the keys by position on an Arabic layout', () => {
    expect(shortcutFor(key({ key: 'ت', code: 'KeyJ' }))).toBe('next');
    expect(shortcutFor(key({ key: 'ن', code: 'KeyK' }))).toBe('previous');
    expect(shortcutFor(key({ key: 'ظ', code: 'Slash' }))).toBe('search');
  });

  it('keeps to the letters on Latin layouts where the positions differ (Dvorak, AZERTY)', () => {
    expect(shortcutFor(key({ key: 'h', code: 'KeyJ' }))).toBeNull();
    expect(shortcutFor(key({ key: 'j', code: 'KeyC' }))).toBe('next');
    expect(shortcutFor(key({ key: 'Enter', code: 'Enter' }))).toBeNull();
  });
});

describe('moving between stories', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <header><a href="/">قارئ</a><input type="search" name="q" aria-label="بحث"></header>
      <main>
        <h1 tabindex="-1">الرئيسية</h1>
        <h2><a href="/article/a">أ</a></h2>
        <button>حفظ</button>
        <h3><a href="/article/b">ب</a></h3>
        <p><a href="/elsewhere">رابط في النص</a></p>
        <h2><a href="/article/c">ج</a></h2>
      </main>`;
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  const focused = () => document.activeElement?.textContent;

  it('goes through the headline links in document order, and stops at the ends', () => {
    expect(moveStoryFocus(1)?.textContent).toBe('أ');
    moveStoryFocus(1);
    expect(focused()).toBe('ب');
    moveStoryFocus(1);
    expect(focused()).toBe('ج');
    expect(moveStoryFocus(1)).toBeNull();
    expect(focused()).toBe('ج');
    moveStoryFocus(-1);
    moveStoryFocus(-1);
    expect(focused()).toBe('أ');
    expect(moveStoryFocus(-1)).toBeNull();
  });

  it('starts from where focus is when it is not on a headline', () => {
    document.querySelector('button')?.focus();
    moveStoryFocus(1);
    expect(focused()).toBe('ب');
    document.querySelector('button')?.focus();
    moveStoryFocus(-1);
    expect(focused()).toBe('أ');
    document.querySelector<HTMLElement>('h1')?.focus();
    expect(moveStoryFocus(-1)).toBeNull();
  });

  it('scrolls the story into view', () => {
    const scroll = vi.fn();
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = scroll;
    moveStoryFocus(1);
    Element.prototype.scrollIntoView = original;
    expect(scroll).toHaveBeenCalledWith({ block: 'center' });
  });

  const press = (init: KeyboardEventInit, target: Element = document.body) => {
    const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
    Object.defineProperty(event, 'target', { value: target });
    const openHelp = vi.fn();
    const handled = handleShortcut(event, openHelp);
    return { handled, openHelp, prevented: event.defaultPrevented };
  };

  it('puts `/` into the search box without typing it there', () => {
    const { handled, prevented } = press({ key: '/' });
    expect(handled).toBe(true);
    expect(prevented).toBe(true);
    expect(document.activeElement).toBe(document.querySelector('input'));
  });

  it('opens the help on `?`', () => {
    expect(press({ key: '?', shiftKey: true }).openHelp).toHaveBeenCalledOnce();
  });

  it('leaves keys alone while the reader types, or while a dialog is open', () => {
    const box = document.querySelector('input') as HTMLInputElement;
    expect(press({ key: 'j' }, box)).toMatchObject({ handled: false, prevented: false });
    document.body.insertAdjacentHTML('beforeend', '<dialog open><button>إغلاق</button></dialog>');
    const close = document.querySelector('dialog button') as HTMLElement;
    expect(press({ key: '?' }, close).openHelp).not.toHaveBeenCalled();
    expect(press({ key: 'j' }).handled).toBe(false);
  });

  it('does not take a key that does nothing (no story after the last)', () => {
    document.querySelector<HTMLElement>('main h2:last-of-type a')?.focus();
    expect(press({ key: 'j' })).toMatchObject({ handled: false, prevented: false });
  });
});
