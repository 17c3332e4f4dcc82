import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The inline loader of prerendered pages (src/app/boot/app-loader.js), run as the page runs it.
const source = readFileSync(path.resolve('src/app/boot/app-loader.js'), 'utf8');
const runLoader = () => new Function(source)();

function dataBlock(json: string) {
  const block = document.createElement('script');
  block.type = 'application/json';
  block.id = 'qari-app';
  block.textContent = json;
  document.body.append(block);
}

const started = () =>
  [...document.head.querySelectorAll('script[type="module"]')].map((s) => s.getAttribute('src'));
const preloaded = () =>
  [...document.head.querySelectorAll('link[rel="modulepreload"]')].map((l) =>
    l.getAttribute('href'),
  );

describe('app loader', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    document.head.innerHTML = '';
    document.body.innerHTML = '';
    document.documentElement.removeAttribute('data-save-data');
    delete window.qariFirstTaps;
  });
  // What preferences-boot.js sends once the page has loaded and its first paint is shown.
  const painted = () => document.dispatchEvent(new Event('qari:wanted'));

  it('waits until the page is painted, then preloads the chunks and starts the entry once', () => {
    dataBlock(
      '{"entry":"/assets/index-a1.js","preload":["/assets/framework-b2.js","/assets/story-c3.js"]}',
    );
    runLoader();
    window.dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(1000);
    expect(started()).toEqual([]);

    painted();
    expect(started()).toEqual(['/assets/index-a1.js']);
    expect(preloaded()).toEqual(['/assets/framework-b2.js', '/assets/story-c3.js']);

    painted();
    vi.advanceTimersByTime(5000);
    expect(started()).toHaveLength(1);
  });

  it('starts after 3 s when the page is never painted as loaded (a photo that hangs)', () => {
    dataBlock('{"entry":"/assets/index-a1.js","preload":[]}');
    runLoader();
    vi.advanceTimersByTime(2999);
    expect(started()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(started()).toEqual(['/assets/index-a1.js']);
  });

  it('starts at once when a tap needs the app, before the page has loaded', () => {
    dataBlock('{"entry":"/assets/index-a1.js","preload":[]}');
    runLoader();
    document.dispatchEvent(new Event('qari:wanted'));
    expect(started()).toEqual(['/assets/index-a1.js']);
    painted();
    vi.advanceTimersByTime(5000);
    expect(started()).toHaveLength(1);
  });

  it('starts at once when a tap came before the loader ran', () => {
    dataBlock('{"entry":"/assets/index-a1.js","preload":[]}');
    window.qariFirstTaps = { saves: new Map(), replay: [], listeners: new Set(), wanted: true };
    runLoader();
    expect(started()).toEqual(['/assets/index-a1.js']);
  });

  it('never starts by itself for a reader who saves data: only a tap brings the app', () => {
    document.documentElement.setAttribute('data-save-data', '');
    dataBlock('{"entry":"/assets/index-a1.js","preload":[]}');
    runLoader();
    window.dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(10_000);
    expect(started()).toEqual([]);
    document.dispatchEvent(new Event('qari:wanted'));
    expect(started()).toEqual(['/assets/index-a1.js']);
  });

  it.each([
    ['no data block', null],
    ['broken JSON', '{"entry":'],
    ['no entry', '{"preload":["/assets/x.js"]}'],
  ])('does nothing with %s', (_, json) => {
    if (json !== null) dataBlock(json);
    expect(runLoader).not.toThrow();
    expect(painted).not.toThrow();
    vi.advanceTimersByTime(3000);
    expect(started()).toEqual([]);
    expect(preloaded()).toEqual([]);
  });
});
