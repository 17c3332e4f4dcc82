// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ARTICLE_ID_PATTERN } from '#content/article-schema.ts';
import { latinPrefix, shortHash, storyId, termSlug } from './ids.ts';

describe('storyId', () => {
  it('is stable for one identity and differs between identities', () => {
    const a = storyId('https://example.com/?p=12', 'solar-tender');
    expect(storyId('https://example.com/?p=12', 'solar-tender')).toBe(a);
    expect(storyId('https://example.com/?p=13', 'solar-tender')).not.toBe(a);
    expect(a).toMatch(/^solar-tender-[0-9a-z]{10}$/);
  });

  it('keeps a Latin slug as a readable prefix and drops an Arabic one', () => {
    expect(storyId('x', 'Apple Launches iPhone 17')).toMatch(/^apple-launches-iphone-17-/);
    expect(storyId('x', '%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9')).toMatch(/^[0-9a-z]{10}$/);
    expect(storyId('x', 'apple-تطلق')).toMatch(/^[0-9a-z]{10}$/);
    expect(storyId('x')).toMatch(/^[0-9a-z]{10}$/);
  });

  it('always matches the contract pattern and stays within 120 characters', () => {
    const long = 'word-'.repeat(80);
    for (const hint of [long, 'Ünïcödé café', '---', '12', 'a--b', 'C9wz1yyx4e2o']) {
      const id = storyId(hint, hint);
      expect(id).toMatch(ARTICLE_ID_PATTERN);
      expect(id.length).toBeLessThanOrEqual(120);
    }
    expect(latinPrefix('Ünïcödé café')).toBe('unicode-cafe');
  });

  it('gives a longer hash on request (to part colliding identities)', () => {
    expect(shortHash('x', 16)).toHaveLength(16);
    expect(shortHash('x', 16).startsWith(shortHash('x'))).toBe(true);
  });
});

describe('termSlug', () => {
  it('keeps Arabic letters, drops diacritics and tatweel, joins words with hyphens', () => {
    expect(termSlug('الذكاء الاصطناعي')).toBe('الذكاء-الاصطناعي');
    expect(termSlug('عـــاجِل')).toBe('عاجل');
    expect(termSlug('Middle East & Africa')).toBe('middle-east-africa');
    expect(termSlug('%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9')).toBe('سياسة');
    expect(termSlug('!!!')).toBeNull();
  });
});
