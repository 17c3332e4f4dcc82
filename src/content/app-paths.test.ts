import { describe, expect, it } from 'vitest';
import { appPaths } from './app-paths.ts';

describe('appPaths', () => {
  it('names every route of the contract', () => {
    expect(appPaths.front()).toBe('/');
    expect(appPaths.story('iraq-marshes-drought')).toBe('/article/iraq-marshes-drought');
    expect(appPaths.section('world')).toBe('/section/world');
    expect(appPaths.section('world', 3)).toBe('/section/world?page=3');
    expect(appPaths.tag('العراق')).toBe(`/tag/${encodeURIComponent('العراق')}`);
    expect(appPaths.bookmarks()).toBe('/bookmarks');
  });

  it('keeps a search query whole, and the first page without a page number', () => {
    expect(appPaths.search('سعر & الصرف')).toBe(
      '/search?q=%D8%B3%D8%B9%D8%B1+%26+%D8%A7%D9%84%D8%B5%D8%B1%D9%81',
    );
    expect(appPaths.search('نفط', 1)).toBe(`/search?q=${encodeURIComponent('نفط')}`);
    expect(appPaths.search('نفط', 2)).toMatch(/&page=2$/);
  });
});
