import { describe, expect, it } from 'vitest';
import {
  chunkKey,
  displayWord,
  editDistance,
  lightStem,
  MATCH,
  type MatchLevel,
  matchLevel,
  nearLevel,
  normalizeArabic,
  queryWords,
  surfaceKey,
  tokenizeWords,
} from './arabic-search-terms.ts';

/** How a one-word query meets a word of a story, or null; and the query fetches the chunk the story's word is kept in. */
function level(query: string, indexed: string): MatchLevel | null {
  const [word] = queryWords(query);
  const surface = surfaceKey(indexed);
  if (!word || !surface) return null;
  const found = matchLevel(word, surface);
  if (found !== null)
    expect(word.chunkKeys, `${query} fetches the chunk of ${indexed}`).toContain(chunkKey(surface));
  return found;
}
/** Found as the same word or by a shared light stem: the first two rounds. */
const finds = (query: string, indexed: string) => {
  const found = level(query, indexed);
  return found !== null && found <= MATCH.stem;
};

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
  // the alef of tanween is an ending
  ['سعر', 'سعراً'],
  ['قياسي', 'قياسياً'],
];

// Pairs the rules deliberately keep apart as words and stems (some meet later, by root).
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

// Broken plurals and their singulars: the same consonant skeleton (a root key).
const SAME_ROOT: [string, string][] = [
  ['رقاقة', 'رقائق'],
  ['رقائق', 'الرقاقة'],
  ['قاعدة', 'القواعد'],
  ['قواعد', 'قاعدة'],
  ['سفينة', 'السفن'],
  ['مدينة', 'مدن'],
  ['مدرسة', 'المدارس'],
  ['مشروع', 'مشاريع'],
  ['وزير', 'الوزراء'],
  ['رسالة', 'رسائل'],
  ['سعر', 'الأسعار'],
  ['أسعار', 'سعر'],
  ['طفل', 'أطفال'],
  ['فيلم', 'أفلام'],
  ['جزيرة', 'جزر'],
  ['بوتن', 'بوتين'], // ي dropped in a name
  ['قرغيزستان', 'قيرغيزستان'],
  ['جاباروف', 'جباروف'],
];

// Transliterations that swap letters: found only as spelling variants.
const SAME_VARIANT: [string, string][] = [
  ['كرغيزستان', 'قيرغيزستان'],
  ['تهران', 'طهران'],
  ['تاجيكستان', 'طاجيكستان'],
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
    ['بوتين', 'وتين'],
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
  });
  it.each(MUST_NOT_MATCH)('«%s» does not find «%s» as a word or stem', (query, indexed) => {
    expect(finds(query, indexed)).toBe(false);
  });
  it.each(SAME_ROOT)('«%s» finds «%s» by root', (query, indexed) => {
    expect(level(query, indexed)).toBe(MATCH.root);
  });
  it.each(SAME_VARIANT)('«%s» finds «%s» as a spelling variant', (query, indexed) => {
    expect(level(query, indexed)).toBe(MATCH.variant);
  });
  it('keeps short words and different letters apart even by root', () => {
    expect(level('عمر', 'قمر')).toBeNull();
    expect(level('حر', 'بحر')).toBeNull();
    expect(level('موسكو', 'موسيقى')).toBeNull(); // ك/ق swaps only in words of 4+ consonants
  });
  it('reads a hamza-alef and lam as the word’s own letters, not an article', () => {
    expect(surfaceKey('ألمانيا')).toBe('المانيا');
    expect(surfaceKey('الألعاب')).toBe('العاب');
    expect(surfaceKey('وفي')).toBe('');
    expect(finds('المانيا', 'ألمانيا')).toBe(true);
  });
  it('matches a word being typed by its beginning, from three letters', () => {
    const [word] = queryWords('الاقت');
    const typing = { typing: true, slips: false };
    expect(nearLevel(word!, 'اقتصاديه', typing)).toBe(MATCH.prefix);
    expect(nearLevel(word!, 'اقتصاديه', { typing: false, slips: false })).toBeNull();
    const [short] = queryWords('ال');
    expect(nearLevel(short!, 'الاقتصاديه', typing)).toBeNull();
  });
  it('forgives one slip from 5 letters and two from 8', () => {
    const slips = { typing: false, slips: true };
    expect(nearLevel(queryWords('الاقتصاذ')[0]!, 'اقتصاد', slips)).toBe(MATCH.fuzzy);
    expect(nearLevel(queryWords('مستشفا')[0]!, 'مستشفي', slips)).toBe(MATCH.fuzzy);
    expect(nearLevel(queryWords('قلم')[0]!, 'قلب', slips)).toBeNull();
    expect(nearLevel(queryWords('البرلمنيون')[0]!, 'برلمانيين', slips)).toBe(MATCH.fuzzy);
    expect(editDistance('مستشفي', 'مستفشي', 1)).toBe(1); // a transposition is one slip
  });
  it('shows a word as written without the article its key dropped', () => {
    expect(displayWord('والقِيرغيزستان')).toBe('قيرغيزستان');
    expect(displayWord('رقائق')).toBe('رقائق');
  });
});

describe('tokenizing', () => {
  it('keeps marks and tatweel inside words and splits on punctuation', () => {
    expect(tokenizeWords('قالَ: «الاقتـصاد»، 2026-05.')).toEqual(['قالَ', 'الاقتـصاد', '2026', '05']);
  });
  it('dedupes query words by their surface key', () => {
    expect(queryWords('أحمد احمد أَحمد الأحمد').map((w) => w.surface)).toEqual(['احمد']);
  });
});
