import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStoryIdStore, parseStoryIds } from './story-id-store.ts';

afterEach(() => localStorage.clear());

describe('parseStoryIds', () => {
  it('reads a JSON list of ids and nothing else', () => {
    expect(parseStoryIds('["a","b"]')).toEqual(['a', 'b']);
    expect(parseStoryIds('["a",3,null]')).toEqual(['a']);
    expect(parseStoryIds('{"a":1}')).toEqual([]);
    expect(parseStoryIds('not json')).toEqual([]);
    expect(parseStoryIds(null)).toEqual([]);
  });
});

describe('createStoryIdStore', () => {
  it('keeps ids in localStorage, once each, the newest `max`', () => {
    const store = createStoryIdStore('test:ids', 2);
    store.add('a');
    store.add('a');
    store.add('b');
    store.add('c');
    expect(store.ids()).toEqual(['b', 'c']);
    expect(JSON.parse(localStorage.getItem('test:ids') ?? '')).toEqual(['b', 'c']);
    store.remove('b');
    expect(store.has('b')).toBe(false);
    expect(store.ids()).toEqual(['c']);
  });

  it('returns the same array until the list changes (for useSyncExternalStore)', () => {
    const store = createStoryIdStore('test:same', 5);
    const first = store.ids();
    expect(store.ids()).toBe(first);
    store.add('a');
    expect(store.ids()).not.toBe(first);
  });

  it('hears another tab’s change through the storage event', () => {
    const store = createStoryIdStore('test:tabs', 5);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    expect(store.ids()).toEqual([]);
    localStorage.setItem('test:tabs', '["from-other-tab"]');
    window.dispatchEvent(new StorageEvent('storage', { key: 'test:tabs' }));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.ids()).toEqual(['from-other-tab']);
    window.dispatchEvent(new StorageEvent('storage', { key: 'unrelated' }));
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
  });

  it('keeps the list for this visit when storage refuses to write', () => {
    const store = createStoryIdStore('test:full', 5);
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    store.add('a');
    expect(store.ids()).toEqual(['a']);
    setItem.mockRestore();
  });
});
