// @vitest-environment node
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { type Article, ArticleSchema } from '#content/article-schema.ts';
import { ARABIC_WORDS_PER_MINUTE, countWords, readingMinutes, storyText } from './reading-time.ts';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['مرحبا', 1],
    ['قال الرئيس إن الاقتصاد ينمو', 5],
    // Latin words, Western and Arabic-Indic digits and hyphenated names are one word each.
    ['ارتفع مؤشر S&P 500 بنسبة 2.5% في عام ٢٠٢٦ بحسب COVID-19', 11],
    // Punctuation standing alone is not a word; attached to a word it does not split it.
    ['نعم ، — « » ! ؟ لا.', 2],
    ['كلمة\u00A0أخرى\nوثالثة', 3],
    // Words joined by a zero-width non-joiner stay one word.
    ['می\u200Cخواهم', 1],
    ['بِسْمِ اللَّهِ', 2],
  ])('counts %j as %i', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

describe('readingMinutes', () => {
  it('reads 180 words a minute, rounding up, never under one minute', () => {
    expect(ARABIC_WORDS_PER_MINUTE).toBe(180);
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(180)).toBe(1);
    expect(readingMinutes(181)).toBe(2);
    expect(readingMinutes(360)).toBe(2);
    expect(readingMinutes(361)).toBe(3);
    expect(readingMinutes(1800)).toBe(10);
  });
});

describe('storyText', () => {
  const article: Article = v.parse(ArticleSchema, {
    schemaVersion: 1,
    id: 'a',
    headline: 'عنوان الخبر',
    summary: 'ملخص',
    section: 'world',
    publishedAt: '2026-03-01T10:00:00Z',
    dateline: 'مكان',
    source: 'مصدر',
    authors: ['كاتب'],
    tags: [{ id: 't', name: 'وسم' }],
    hero: { src: 'media/a.jpg', alt: 'بديل', caption: 'تعليق الصورة الرئيسية' },
    body: [
      {
        type: 'paragraph',
        content: ['فقرة ', { text: 'برابط', href: '/x' }, { text: 'قوي', strong: true }],
      },
      { type: 'heading', text: 'عنوان فرعي' },
      { type: 'quote', content: ['اقتباس'], cite: 'قائل' },
      { type: 'list', ordered: true, items: [['بند'], ['بند', 'ثان']] },
      {
        type: 'image',
        image: { src: 'media/b.jpg', alt: 'وصف', caption: 'تعليق', credit: 'وكالة' },
      },
      { type: 'readAlso', items: [{ url: 'https://example.com', title: 'عنوان خارجي' }] },
    ],
  });

  it('holds headline, standfirst, body text, list items and body captions', () => {
    const text = storyText(article);
    for (const word of [
      'عنوان',
      'الخبر',
      'ملخص',
      'فقرة',
      'برابط',
      'قوي',
      'فرعي',
      'اقتباس',
      'بند',
      'ثان',
      'تعليق',
    ]) {
      expect(text).toContain(word);
    }
  });

  it('leaves out metadata, alt text, credits, cites and read-also links', () => {
    const text = storyText(article);
    for (const word of [
      'مكان',
      'مصدر',
      'كاتب',
      'وسم',
      'بديل',
      'وصف',
      'وكالة',
      'قائل',
      'خارجي',
      'الرئيسية',
    ]) {
      expect(text).not.toContain(word);
    }
  });

  it('keeps words of separate runs and blocks apart', () => {
    // Runs join as written ("فقرة برابطقوي", "بندثان"); blocks and items are separated:
    // headline 2 + summary 1 + paragraph 2 + heading 2 + quote 1 + list 2 + caption 1.
    expect(countWords(storyText(article))).toBe(11);
  });
});
