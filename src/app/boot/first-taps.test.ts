import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  firstTapSaved,
  markAppReady,
  settleFirstTapSave,
  subscribeFirstTaps,
  takeFirstTapSaves,
  whenAppReady,
} from '#shared/lib/first-taps.ts';

// The inline script of prerendered pages (src/app/boot/first-taps.js), run as the page
// runs it, with its window listeners recorded so each test starts clean.
const source = readFileSync(path.resolve('src/app/boot/first-taps.js'), 'utf8');
const added: [string, EventListener, boolean][] = [];
const runScript = () =>
  new Function('addEventListener', source)(
    (type: string, listener: EventListener, capture: boolean) => {
      added.push([type, listener, capture]);
      window.addEventListener(type, listener, capture);
    },
  );

const root = document.documentElement;
const button = (attributes: Record<string, string>, text = '') => {
  const element = document.createElement('button');
  element.type = 'button';
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.textContent = text;
  document.getElementById('root')?.append(element);
  return element;
};
const pressKey = (key: string, code: string, target: EventTarget = document.body) =>
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key, code, bubbles: true, cancelable: true }),
  );

describe('first taps', () => {
  const later = vi.fn();
  const wanted = vi.fn();
  beforeEach(() => {
    document.body.innerHTML = '<div id="root"></div>';
    root.removeAttribute('data-ready');
    runScript();
    // A listener the app would have: it must not hear a kept tap.
    window.addEventListener('click', later);
    document.addEventListener('qari:wanted', wanted);
  });
  afterEach(() => {
    for (const [type, listener, capture] of added.splice(0))
      window.removeEventListener(type, listener, capture);
    window.removeEventListener('click', later);
    document.removeEventListener('qari:wanted', wanted);
    later.mockReset();
    wanted.mockReset();
    delete window.qariFirstTaps;
  });

  it('shows «حفظ» pressed at once, on every button of the story, and keeps the wish', () => {
    const story = button({ 'data-bookmark-id': 'a', 'aria-pressed': 'false' }, 'حفظ');
    const card = button({ 'data-bookmark-id': 'a', 'aria-pressed': 'false' });
    const other = button({ 'data-bookmark-id': 'b', 'aria-pressed': 'false' });
    const listener = vi.fn();
    subscribeFirstTaps(listener);
    card.click();
    expect([story, card, other].map((b) => b.getAttribute('aria-pressed'))).toEqual([
      'true',
      'true',
      'false',
    ]);
    expect(firstTapSaved('a')).toBe(true);
    expect(firstTapSaved('b')).toBeUndefined();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(later).not.toHaveBeenCalled();
    expect(wanted).toHaveBeenCalledTimes(1);
    expect(takeFirstTapSaves()).toEqual([['a', true]]);
    // Handed out once; shown until settled.
    expect(takeFirstTapSaves()).toEqual([]);
    expect(firstTapSaved('a')).toBe(true);
    settleFirstTapSave('a');
    expect(firstTapSaved('a')).toBeUndefined();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('takes a wish back on a second tap: nothing to carry out', () => {
    const save = button({ 'data-bookmark-id': 'a', 'aria-pressed': 'false' });
    save.click();
    save.click();
    expect(save.getAttribute('aria-pressed')).toBe('false');
    expect(firstTapSaved('a')).toBeUndefined();
    expect(takeFirstTapSaves()).toEqual([]);
  });

  it('presses other buttons again once the app is ready, after the features carry out their wishes', () => {
    const menu = button({}, 'الأقسام');
    const save = button({ 'data-bookmark-id': 'a', 'aria-pressed': 'false' });
    menu.click();
    save.click();
    expect(menu.hasAttribute('data-pending')).toBe(true);
    expect(later).not.toHaveBeenCalled();

    const order: string[] = [];
    whenAppReady(() => order.push(`saves ${JSON.stringify(takeFirstTapSaves())}`));
    menu.addEventListener('click', () => order.push('menu'));
    markAppReady();
    expect(root.dataset.ready).toBe('true');
    expect(order).toEqual(['saves [["a",true]]', 'menu']);
    expect(menu.hasAttribute('data-pending')).toBe(false);
    // From now on taps are the app's.
    menu.click();
    expect(order).toEqual(['saves [["a",true]]', 'menu', 'menu']);
    expect(later).toHaveBeenCalledTimes(2);
  });

  it('leaves alone what needs no app: submit buttons, buttons outside the page, photo buttons', () => {
    const submit = button({});
    submit.type = 'submit';
    const photo = button({ 'data-photo-load': '' });
    const outside = document.createElement('button');
    document.body.append(outside);
    for (const b of [submit, photo, outside]) b.click();
    expect(later).toHaveBeenCalledTimes(3);
    expect(wanted).not.toHaveBeenCalled();
  });

  it('saves with `s` on a story, and keeps the other shortcut keys for the app', () => {
    const save = button({
      'data-bookmark-id': 'a',
      'aria-pressed': 'false',
      'aria-keyshortcuts': 'S',
    });
    pressKey('s', 'KeyS');
    expect(save.getAttribute('aria-pressed')).toBe('true');
    // Typing in a field is typing.
    const input = document.createElement('input');
    document.body.append(input);
    pressKey('s', 'KeyS', input);
    expect(save.getAttribute('aria-pressed')).toBe('true');

    expect(pressKey('j', 'KeyJ')).toBe(false);
    expect(pressKey('x', 'KeyX')).toBe(true);
    const keys: string[] = [];
    const onKey = (event: KeyboardEvent) => keys.push(event.key);
    window.addEventListener('keydown', onKey);
    markAppReady();
    expect(keys).toEqual(['j']);
    window.removeEventListener('keydown', onKey);
  });
});
