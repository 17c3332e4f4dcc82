// Arabic-aware search terms, shared by the content build (which indexes) and the
// browser (which queries and highlights): both sides must fold text identically or
// nothing matches. Normalization follows Lucene's ArabicNormalizer, stemming Larkey's
// light10; roots and spelling variants are consonant skeletons (docs/search.md).

/** Diacritics (tashkeel U+064B–U+0652, superscript alef U+0670), combining madda/hamza (U+0653–U+0655) and tatweel. */
const MARKS = /[\u064B-\u0655\u0670\u0640]/g;
/** Zero-width and bidi format characters that can sit inside a typed or pasted word. */
const FORMAT_CHARS = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
const LETTER_FOLDS: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي', // Persian yeh, from Persian keyboards
  ک: 'ك', // Persian keheh
  ة: 'ه',
  ؤ: 'و',
  ئ: 'ي',
};
const FOLDABLE = /[أإآٱىیکةؤئ\u0660-\u0669\u06F0-\u06F9]/g;
const ARABIC_ONLY = /^[\u0621-\u064A]+$/;

/** Arabic letters, Western digits and lower-case Latin only: nothing to clean (most words). */
const ALREADY_CLEAN = /^[\u0621-\u063A\u0641-\u064Aa-z0-9]+$/;

/** A word with marks and invisible characters removed, letters as written. */
function cleanWord(word: string): string {
  if (ALREADY_CLEAN.test(word)) return word;
  // NFKC: presentation forms and the lam-alef ligature become plain letters.
  return word.normalize('NFKC').replace(FORMAT_CHARS, '').replace(MARKS, '');
}

/** A word as it is compared: no marks, one alef, Western digits, lower case. */
export function normalizeArabic(word: string): string {
  return foldCleaned(cleanWord(word));
}

function foldCleaned(cleaned: string): string {
  return cleaned
    .replace(FOLDABLE, (ch) => {
      const code = ch.charCodeAt(0);
      if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
      if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
      return LETTER_FOLDS[ch] ?? ch;
    })
    .toLowerCase();
}

/**
 * Particles found in nearly every story (normalized): worthless as search terms, and
 * they would fill a quarter of the index. A query of stop words only finds nothing.
 */
export const STOP_WORDS = new Set(
  'في من الي علي عن مع ان او ثم قد لا ما لم لن هذا هذه ذلك تلك التي الذي الذين كما لكن حيث بين عند منذ حتي اذ اذا هو هي هم كان كانت و ف ب ل ك'.split(
    ' ',
  ),
);

/** Article combinations, longest first; stripped only when ≥ 3 letters remain (so الله stays). */
const ARTICLES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
/** light10's suffixes (after ة→ه), longest first, and the alef of tanween typed without its mark (يوما); each stripped only when ≥ 3 letters remain. */
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي', 'ا'];
const MIN_STEM = 3;
/** A hamza-alef and lam open the word itself (ألمانيا, ألعاب, إلكتروني), not an article. */
const OWN_ALEF_LAM = /^[وفبكل]?[أإآ]ل/;
const TANWEEN_ALEF = /(?:ا\u064B|\u064Bا)$/;
const LATIN_CLITIC = /^(?:وال|بال|ال|لل|و|ف|ب|ل|ك)(?=[a-z0-9])/;

/**
 * The key a word is indexed and looked up under: normalized, with an article (and a
 * clitic before it) removed, and an Arabic clitic on a Latin word or number removed
 * (وNASA, ب2026). Single-letter clitics on Arabic words stay: وقال could be a word of
 * its own, so the stems decide. '' for stop words (also with و or ف in front).
 */
export function surfaceKey(word: string): string {
  const cleaned = cleanWord(word);
  let normalized = foldCleaned(cleaned);
  // The alef that carries tanween (سعراً, قياسياً) is an ending, not part of the word.
  if (TANWEEN_ALEF.test(word) && normalized.length > MIN_STEM) normalized = normalized.slice(0, -1);
  if (!normalized || STOP_WORDS.has(normalized)) return '';
  if (!ARABIC_ONLY.test(normalized)) {
    const clitic = LATIN_CLITIC.exec(normalized);
    return clitic ? normalized.slice(clitic[0].length) : normalized;
  }
  if (normalized.length <= 4 && /^[وف]/.test(normalized) && STOP_WORDS.has(normalized.slice(1))) {
    return '';
  }
  if (OWN_ALEF_LAM.test(cleaned)) return normalized;
  const article = ARTICLES.find(
    (p) => normalized.startsWith(p) && normalized.length - p.length >= MIN_STEM,
  );
  return article ? normalized.slice(article.length) : normalized;
}

function stripSuffixes(word: string): string {
  let stem = word;
  // Repeated, so البرلمانات → برلمان → برلم meets برلمان → برلم; at most three suffixes.
  for (let round = 0; round < 3; round++) {
    const suffix = SUFFIXES.find((s) => stem.endsWith(s) && stem.length - s.length >= MIN_STEM);
    if (!suffix) break;
    stem = stem.slice(0, -suffix.length);
  }
  return stem;
}

/**
 * The light stems of a surface key: suffixes removed, and a single clitic in front
 * (و ف ب ك ل). A lone clitic may be the word's own first letter (لاعب, برنامج), so such
 * a word gets two stems, with and without it; the first is the main one.
 */
export function surfaceStems(surface: string): string[] {
  if (!ARABIC_ONLY.test(surface)) return [surface];
  const whole = stripSuffixes(surface);
  // «و» (and) needs 3 letters left, as in light10; ف ب ك ل need 4, being likelier a word's own.
  const clitic = /^و/.test(surface) ? MIN_STEM : /^[فبكل]/.test(surface) ? MIN_STEM + 1 : 0;
  if (clitic && surface.length - 1 >= clitic) {
    const stripped = stripSuffixes(surface.slice(1));
    return stripped === whole ? [whole] : [stripped, whole];
  }
  return [whole];
}

/** The main light stem of a word as written. */
export function lightStem(word: string): string {
  const surface = surfaceKey(word);
  return surfaceStems(surface)[0] ?? surface;
}

/** Long vowels and hamza: broken plurals and loanword spellings differ mostly in these. */
const WEAK_LETTERS = /[اويء]/g;
/** Letters transliterations swap (قرغيزستان/كرغيزستان, طهران/تهران, صربيا/سربيا, ذ/ز). */
const SWAPS: Record<string, string> = { ق: 'ك', ط: 'ت', ص: 'س', ذ: 'ز' };
/** A root key needs this many consonants: shorter skeletons join unrelated words. */
export const MIN_ROOT = 3;
/** Spelling variants are looked for only in words with this many consonants (names, loanwords). */
export const MIN_VARIANT = 4;

/** The consonant skeleton of a stem: its first letter, then the rest without ا و ي ء. */
export function skeleton(stem: string): string {
  if (!ARABIC_ONLY.test(stem)) return stem;
  return stem.slice(0, 1) + stem.slice(1).replace(WEAK_LETTERS, '');
}

/**
 * The root keys of a stem: its skeleton (رقاقة and رقائق → رقق, قاعدة and قواعد → قعد,
 * سفينة and سفن → سفن), and for the أفعال plurals the skeleton without its ا (أسعار → سعر).
 */
export function rootKeys(stem: string): string[] {
  if (!ARABIC_ONLY.test(stem)) return [];
  const skel = skeleton(stem);
  const keys = skel.length >= MIN_ROOT ? [skel] : [];
  if (skel.startsWith('ا') && skel.length > MIN_ROOT) keys.push(skel.slice(1));
  return keys;
}

/** A skeleton with the letters transliterations swap folded into one. */
export function variantKey(skel: string): string {
  return skel.replace(/[قطصذ]/g, (ch) => SWAPS[ch] ?? ch);
}

/** The index chunk key of a surface key: every form it may meet by stem, root or variant hashes alike. */
export function chunkKey(surface: string): string {
  return variantKey(skeleton(surfaceStems(surface)[0] ?? surface));
}

/** How a word of a story matched a query word, best first. */
export const MATCH = { exact: 0, stem: 1, root: 2, variant: 3, prefix: 4, fuzzy: 5 } as const;
export type MatchLevel = (typeof MATCH)[keyof typeof MATCH];

/** One word of a query, with every key it may meet in the index. */
export type QueryWord = {
  /** As typed. */
  typed: string;
  /** Its surface key; the others are alternatives. */
  surface: string;
  /** Keys that count as the same word: the surface, and the whole word when an article was removed (التزام). */
  exact: string[];
  /** Light stems, and the stems of those stems (ببرنامج → برنامج → رنامج). */
  stems: string[];
  roots: string[];
  variants: string[];
  /** The index chunks to fetch (by their chunk key). */
  chunkKeys: string[];
};

const unique = <T>(items: Iterable<T>): T[] => [...new Set(items)];

/** A surface key and its stems: the forms whose skeletons give a word's roots and variants. */
const formsOf = (surface: string): string[] => unique([surface, ...surfaceStems(surface)]);

const variantsOf = (forms: readonly string[]): string[] =>
  unique(
    forms
      .map(skeleton)
      .filter((skel) => skel.length >= MIN_VARIANT)
      .map(variantKey),
  );

export function queryWord(typed: string): QueryWord | null {
  const surface = surfaceKey(typed);
  if (!surface) return null;
  const normalized = normalizeArabic(typed);
  // The whole word counts as typed too when an article was removed: التزام, or ألمانيا typed without hamza.
  const exact = ARABIC_ONLY.test(normalized) ? unique([surface, normalized]) : [surface];
  const first = surfaceStems(surface);
  const stems = unique([...first, ...first.flatMap(surfaceStems)]);
  const forms = unique([surface, ...stems]);
  const roots = unique(forms.flatMap(rootKeys));
  const variants = variantsOf(forms);
  // Where the forms it may match are kept: its stems' chunks, the chunk of a form with a
  // clitic-like first letter taken off (بوتن → وتن, where بوتين is kept), and the chunks
  // of the أفعال plural of a singular (سعر → اسعر) and of the singular of such a plural.
  const chunkKeys = unique([
    ...exact.map(chunkKey),
    ...stems.map((s) => variantKey(skeleton(s))),
    ...(/^[وفبكل]/.test(surface) && surface.length >= 4
      ? [variantKey(skeleton(surface.slice(1)))]
      : []),
    ...roots.map(variantKey),
    ...roots.filter((r) => !r.startsWith('ا')).map((r) => variantKey(`ا${r}`)),
  ]);
  return { typed, surface, exact, stems, roots, variants, chunkKeys };
}

/**
 * Which UTF-16 code units can be part of a word: letters, digits and marks of any script
 * (so marks, tatweel and zero-width joiners stay inside a word), looked up in a table
 * built once; a regex with Unicode classes costs several times more per character, and
 * the build reads every word of every story.
 */
let wordUnits: Uint8Array | null = null;
const WORD_CHAR = /[\p{L}\p{N}\p{M}\u200C\u200D]/u;
function isWordUnit(code: number): boolean {
  if (!wordUnits) {
    wordUnits = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      // Surrogates are judged by the code point they make, below.
      if (c >= 0xd800 && c <= 0xdfff) wordUnits[c] = 2;
      else if (WORD_CHAR.test(String.fromCharCode(c))) wordUnits[c] = 1;
    }
  }
  return wordUnits[code] === 1;
}

/** Calls `onWord` with the start and end of each word of a text. */
export function scanWords(text: string, onWord: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let inWord = isWordUnit(code);
    let width = 1;
    if (!inWord && code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const pair = text.slice(i, i + 2);
      inWord = WORD_CHAR.test(pair);
      width = 2;
    }
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      onWord(start, i);
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) onWord(start, text.length);
}

export function tokenizeWords(text: string): string[] {
  const words: string[] = [];
  scanWords(text, (start, end) => words.push(text.slice(start, end)));
  return words;
}

export function wordSpans(text: string): { word: string; start: number; end: number }[] {
  const spans: { word: string; start: number; end: number }[] = [];
  scanWords(text, (start, end) => spans.push({ word: text.slice(start, end), start, end }));
  return spans;
}

/** The words of a query, once each (by surface key); stop words dropped. */
export function queryWords(query: string): QueryWord[] {
  const seen = new Set<string>();
  const words: QueryWord[] = [];
  for (const token of tokenizeWords(query)) {
    const word = queryWord(token);
    if (!word || seen.has(word.surface)) continue;
    seen.add(word.surface);
    words.push(word);
  }
  return words;
}

/**
 * How a surface key of a story matches a query word by the index's own rules: the
 * same word, a shared stem, a shared root key, or (in words of 4+ consonants) the same
 * skeleton once swapped letters are folded; null when it does not.
 */
export function matchLevel(word: QueryWord, surface: string): MatchLevel | null {
  if (word.exact.includes(surface)) return MATCH.exact;
  const forms = formsOf(surface);
  if (forms.some((f) => word.stems.includes(f))) return MATCH.stem;
  if (forms.some((f) => rootKeys(f).some((r) => word.roots.includes(r)))) return MATCH.root;
  if (variantsOf(forms).some((v) => word.variants.includes(v))) return MATCH.variant;
  return null;
}

/** Spelling slips are forgiven from this many letters: one edit, two from FUZZY_TWO. */
export const FUZZY_ONE = 5;
export const FUZZY_TWO = 8;
/** The word being typed matches longer words by its beginning from this many letters. */
export const MIN_PREFIX = 3;

/** Edit distance with adjacent transpositions (optimal string alignment), or max + 1 once past max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] as number) + 1);
      }
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/** Edits forgiven in a word of this many letters. */
export const fuzzyEdits = (length: number): number =>
  length >= FUZZY_TWO ? 2 : length >= FUZZY_ONE ? 1 : 0;

/**
 * Whether a surface key of the index is near a query word: a longer word it begins
 * (when `typing`: the last word of the query) or, when `slips` are allowed, a spelling
 * slip away. Checked only for keys that did not match by matchLevel.
 */
export function nearLevel(
  word: QueryWord,
  surface: string,
  { typing, slips }: { typing: boolean; slips: boolean },
): MatchLevel | null {
  const q = word.surface;
  if (typing && q.length >= MIN_PREFIX && surface.length > q.length && surface.startsWith(q)) {
    return MATCH.prefix;
  }
  if (!slips) return null;
  const edits = fuzzyEdits(q.length);
  if (edits > 0 && surface.length >= FUZZY_ONE && editDistance(q, surface, edits) <= edits) {
    return MATCH.fuzzy;
  }
  return null;
}

/** A word as written (marks removed), split into the article or clitics its key dropped and the rest. */
function splitWord(word: string): [prefix: string, rest: string] {
  const cleaned = cleanWord(word);
  const normalized = normalizeArabic(word);
  const surface = surfaceKey(word);
  if (!surface || cleaned.length !== normalized.length || !normalized.endsWith(surface)) {
    return ['', cleaned];
  }
  const cut = normalized.length - surface.length;
  return [cleaned.slice(0, cut), cleaned.slice(cut)];
}

/** A word as written, without marks and without the article or clitics its key dropped. */
export const displayWord = (word: string): string => splitWord(word)[1];

/** A typed word respelled as a story writes it, keeping the article the reader typed (الكرملبن → الكرملين). */
export const respellWord = (typed: string, spelled: string): string =>
  splitWord(typed)[0] + displayWord(spelled);
