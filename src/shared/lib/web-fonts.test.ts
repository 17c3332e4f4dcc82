import { afterEach, describe, expect, it } from 'vitest';
import { applyFetchedWebFonts } from './web-fonts.ts';

describe('applyFetchedWebFonts', () => {
  const root = document.documentElement;
  const faces = (...status: FontFaceLoadStatus[]) =>
    Object.defineProperty(document, 'fonts', {
      value: status.map((s) => ({ status: s })),
      configurable: true,
    });
  afterEach(() => {
    Reflect.deleteProperty(document, 'fonts');
    root.removeAttribute('data-web-fonts');
  });

  it('switches the web fonts on once every face the boot fetched is in', () => {
    faces('loaded', 'loading');
    applyFetchedWebFonts();
    expect(root.hasAttribute('data-web-fonts')).toBe(false);
    faces('loaded', 'loaded');
    applyFetchedWebFonts();
    expect(root.hasAttribute('data-web-fonts')).toBe(true);
  });

  it('leaves them off while a face was never fetched (the page painted before the load)', () => {
    faces('loaded', 'unloaded');
    applyFetchedWebFonts();
    expect(root.hasAttribute('data-web-fonts')).toBe(false);
  });
});
