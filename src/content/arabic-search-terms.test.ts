import { describe, expect, it } from 'vitest';
import {
  indexTerms,
  lightStem,
  lookupTerms,
  normalizeArabic,
  queryWords,
  tokenizeWords,
  wordMatches,
} from './arabic-search-terms.ts';

/** Whether a one-word query finds a document word through the index (exact term lookup). */
function finds(query: string, indexed: string): boolean {
  const [word] = queryWords(query);
  if (!word) return false;
  const terms = new Set(indexTerms(indexed));
  return lookupTerms(word).some((term) => terms.has(term));
}

// [what the reader types, how the story spells it]
const MUST_MATCH: [string, string][] = [
  // hamza and alef forms
  ['الاسلامية', 'الإسلامية'],
  ['اسلام', 'إسلام'],
  ['احمد', 'أحمد'],
  ['امس', 'أمس'],
  ['اكد', 'أكّد'],
  ['الان', 'الآن'],
  ['اثار', 'آثار'],
  ['القران', 'القرآن'],
  ['الاستقلال', 'ٱلاستقلال'],
  ['اعلن', 'أعلن'],
  ['ابريل', 'إبريل'],
  // taa marbuta, alef maqsura, hamza on waw and yaa
  ['مدرسه', 'مدرسة'],
  ['الحكومه', 'الحكومة'],
  ['مستشفي', 'مستشفى'],
  ['موتمر', 'مؤتمر'],
  ['رييس', 'رئيس'],
  ['المسوولية', 'المسؤولية'],
  ['هيئة', 'هيئه'],
  // diacritics and tatweel
  ['العربية', 'العَرَبِيَّةُ'],
  ['كتاب', 'كِتَابٌ'],
  ['مَدِينَة', 'مدينة'],
  ['الرحمن', 'الرحمٰن'],
  ['جميل', 'جمـــيل'],
  ['سلام', 'سـلام'],
  // digits
  ['٢٠٢٦', '2026'],
  ['2026', '٢٠٢٦'],
  ['۱۴۰۵', '1405'],
  ['١٥', '15'],
  // Latin case and presentation forms
  ['nasa', 'NASA'],
  ['OPEC', 'opec'],
  ['nasa', 'وNASA'], // an Arabic clitic on a Latin word
  ['iPhone', 'IPHONE'],
  ['سلام', 'ﺳﻼﻡ'], // presentation forms, as some old PDFs paste
  // prefixes
  ['اقتصاد', 'والاقتصاد'],
  ['والاقتصاد', 'اقتصاد'],
  ['طلاب', 'للطلاب'],
  ['مدينة', 'بالمدينة'],
  ['قال', 'وقال'],
  ['كتاب', 'الكتاب'],
  ['سوق', 'فالسوق'],
  ['الشمس', 'كالشمس'],
  ['مصر', 'ومصر'],
  // suffixes
  ['معلم', 'المعلمون'],
  ['معلم', 'معلمات'],
  ['اسلام', 'الإسلامية'],
  ['مصر', 'مصري'],
  ['لاعب', 'لاعبين'],
  ['سيارة', 'سيارات'],
  ['حكومة', 'الحكومة'],
  ['انتخابات', 'الانتخابات'],
  ['لاعب', 'لاعبون'], // ل here is the word's own letter: the unstripped stem still meets
  ['برلمان', 'البرلمانات'],
  ['بيان', 'البيان'],
];

// Pairs the rules deliberately keep apart.
const MUST_NOT_MATCH: [string, string][] = [
  ['له', 'الله'], // ال is stripped only when 3 letters remain
  ['يت', 'بيت'], // a short word keeps its first letter
  ['تب', 'كتب'],
  ['نك', 'بنك'],
  ['يلم', 'فيلم'], // ف ب ك ل need 4 letters left
  ['زير', 'زئير'],
  ['عد', 'وعد'],
  ['بي', 'بيان'], // a suffix is stripped only when 3 letters remain
  ['عمر', 'قمر'], // different letters never fold
  ['ظل', 'ضل'],
  ['حرب', 'هرب'],
  ['سلام', 'إسلام'], // alef is not a prefix
  ['علم', 'عالم'],
  ['2016', '2017'],
  ['12', '21'],
  ['١٢', '21'],
  ['nasa', 'nas'],
  ['مال', 'كمال'],
  ['حر', 'بحر'],
  ['كتب', 'كتاب'], // light stemming never reduces to roots
];

describe('normalizeArabic', () => {
  it('strips tashkeel, superscript alef and tatweel', () => {
    expect(normalizeArabic('العَرَبِيَّةُ')).toBe('العربيه');
    expect(normalizeArabic('الرحمٰن')).toBe('الرحمن');
    expect(normalizeArabic('جمـــيل')).toBe('جميل');
  });
  it('unifies alef forms, yaa, taa marbuta and hamza seats', () => {
    expect(normalizeArabic('أإآٱ')).toBe('اااا');
    expect(normalizeArabic('مستشفى')).toBe('مستشفي');
    expect(normalizeArabic('مؤتمر رئيس مدرسة')).toBe('موتمر رييس مدرسه');
  });
  it('folds Eastern Arabic and Persian digits and lower-cases Latin', () => {
    expect(normalizeArabic('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(normalizeArabic('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(normalizeArabic('NASA')).toBe('nasa');
  });
  it('drops zero-width and bidi controls inside a word', () => {
    expect(normalizeArabic('كل\u200Cمة\u200F')).toBe('كلمه');
  });
});

describe('lightStem', () => {
  it.each([
    ['الاسلاميه', 'اسلام'],
    ['والاقتصاد', 'اقتصاد'],
    ['للطلاب', 'طلاب'],
    ['المعلمون', 'معلم'],
    ['الله', 'الل'],
    ['بيت', 'بيت'],
    ['2026', '2026'],
    ['nasa', 'nasa'],
  ])('%s → %s', (word, stem) => {
    expect(lightStem(word)).toBe(stem);
  });
});

describe('matching', () => {
  it('has a table of at least 40 pairs that must match', () => {
    expect(MUST_MATCH.length).toBeGreaterThanOrEqual(40);
  });
  it.each(MUST_MATCH)('«%s» finds «%s»', (query, indexed) => {
    expect(finds(query, indexed)).toBe(true);
    const [word] = queryWords(query);
    expect(wordMatches(word!, indexed)).toBe(true);
  });
  it.each(MUST_NOT_MATCH)('«%s» does not find «%s»', (query, indexed) => {
    expect(finds(query, indexed)).toBe(false);
    const [word] = queryWords(query);
    expect(wordMatches(word!, indexed)).toBe(false);
  });
  it('matches a word being typed by its beginning, from three letters', () => {
    const [word] = queryWords('الاقت');
    expect(wordMatches(word!, 'الاقتصادية', true)).toBe(true);
    expect(wordMatches(word!, 'الاقتصادية', false)).toBe(false);
    const [short] = queryWords('ال');
    expect(wordMatches(short!, 'الاقتصادية', true)).toBe(false);
  });
});

describe('tokenizing', () => {
  it('keeps marks and tatweel inside words and splits on punctuation', () => {
    expect(tokenizeWords('قالَ: «الاقتـصاد»، 2026-05.')).toEqual(['قالَ', 'الاقتـصاد', '2026', '05']);
  });
  it('dedupes query words by their normalized form', () => {
    expect(queryWords('أحمد احمد أَحمد').map((w) => w.normalized)).toEqual(['احمد']);
  });
});
