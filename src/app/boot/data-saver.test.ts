import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The inline script of every page (src/app/boot/data-saver.js), run as the page runs
// it; its observers and listeners are undone after each test.
const source = readFileSync(path.resolve('src/app/boot/data-saver.js'), 'utf8');
const undo: (() => void)[] = [];
const RealObserver = window.MutationObserver;
const runScript = () =>
  new Function('addEventListener', 'MutationObserver', source)(
    (type: string, listener: EventListener, capture: boolean) => {
      window.addEventListener(type, listener, capture);
      undo.push(() => window.removeEventListener(type, listener, capture));
    },
    class extends RealObserver {
      constructor(callback: MutationCallback) {
        super(callback);
        undo.push(() => this.disconnect());
      }
    },
  );
// MutationObserver callbacks run as microtasks.
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const root = document.documentElement;
const PHOTO =
  '<span data-photo=""><picture><source type="image/avif" srcset="/p-480.avif 480w, /p-800.avif 800w" sizes="100vw">' +
  '<img src="/p-800.jpg" srcset="/p-480.jpg 480w, /p-800.jpg 800w" sizes="100vw" alt="صورة" loading="lazy"></picture>' +
  '<button type="button" data-photo-load="">عرض الصورة (17 كيلوبايت)</button></span>';
const attributes = () => {
  const source = document.querySelector('source');
  const img = document.querySelector('img');
  return {
    source: source?.getAttribute('srcset'),
    src: img?.getAttribute('src'),
    srcset: img?.getAttribute('srcset'),
  };
};

describe('data saver', () => {
  beforeEach(() => {
    document.head.innerHTML =
      '<template id="qari-preload"><link rel="preload" as="image" href="/hero.avif"></template>';
    document.body.innerHTML = '<div id="root"></div>';
  });
  afterEach(() => {
    for (const step of undo.splice(0)) step();
    root.removeAttribute('data-save-data');
  });

  it('preloads the largest photo and holds nothing when the reader does not save data', async () => {
    runScript();
    expect(document.head.querySelector('link[rel="preload"]')?.getAttribute('href')).toBe(
      '/hero.avif',
    );
    document.getElementById('root')!.innerHTML = PHOTO;
    await settle();
    expect(attributes().src).toBe('/p-800.jpg');
    expect(document.querySelector('[data-held]')).toBeNull();
  });

  it('holds every photo back, then loads the tapped one, its smallest copy', async () => {
    root.setAttribute('data-save-data', '');
    runScript();
    expect(document.head.querySelector('link[rel="preload"]')).toBeNull();
    document.getElementById('root')!.innerHTML = PHOTO;
    await settle();
    expect(attributes()).toEqual({ source: null, src: null, srcset: null });
    expect(document.querySelector('[data-photo]')?.hasAttribute('data-held')).toBe(true);

    // Something (React) sets a source again: held again.
    document.querySelector('img')!.setAttribute('src', '/q-800.jpg');
    await settle();
    expect(attributes().src).toBeNull();

    const later: string[] = [];
    const onClick = () => later.push('app');
    window.addEventListener('click', onClick);
    (document.querySelector('[data-photo-load]') as HTMLButtonElement).click();
    window.removeEventListener('click', onClick);
    expect(later).toEqual([]);
    await settle();
    expect(attributes()).toEqual({
      source: '/p-480.avif 480w',
      src: '/q-800.jpg',
      srcset: '/p-480.jpg 480w',
    });
    expect(document.querySelector('[data-photo]')?.hasAttribute('data-held')).toBe(false);
  });

  it('loads every held photo in full when the reader turns the saver off', async () => {
    root.setAttribute('data-save-data', '');
    runScript();
    document.getElementById('root')!.innerHTML = PHOTO;
    await settle();
    root.removeAttribute('data-save-data');
    await settle();
    expect(attributes()).toEqual({
      source: '/p-480.avif 480w, /p-800.avif 800w',
      src: '/p-800.jpg',
      srcset: '/p-480.jpg 480w, /p-800.jpg 800w',
    });
  });
});
