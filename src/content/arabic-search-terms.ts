// Arabic-aware search terms, shared by the content build (which indexes) and the
// browser (which queries and highlights): both sides must fold text identically or
// nothing matches. Rules follow Lucene's ArabicNormalizer and Larkey's light10 stemmer.

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

/** A word as it is indexed and looked up: no marks, one alef, Western digits, lower case. */
export function normalizeArabic(word: string): string {
  return word
    .normalize('NFKC') // presentation forms and the lam-alef ligature become plain letters
    .replace(FORMAT_CHARS, '')
    .replace(MARKS, '')
    .replace(FOLDABLE, (ch) => {
      const code = ch.charCodeAt(0);
      if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
      if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
      return LETTER_FOLDS[ch] ?? ch;
    })
    .toLowerCase();
}

/** Article combinations, longest first; stripped only when ≥ 3 letters remain (so الله stays). */
const ARTICLES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
/** light10's suffixes (after ة→ه), longest first, each stripped only when ≥ 3 letters remain. */
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];
const MIN_STEM = 3;

/**
 * Light stemming of a normalized word: the stems it may have once an article or clitic
 * in front and common suffixes are removed. A lone و ف ب ك ل may be the word's own first
 * letter (لاعب, برنامج), so such a word gets two stems, with and without it; then لاعب and
 * لاعبون share «لاعب», and وقال still finds قال. Stemming over-conflates now and then
 * (وزارة → زار), which is why the index keeps the normalized word too and ranks it first.
 */
export function lightStems(normalized: string): string[] {
  if (!/^[\u0621-\u064A]+$/.test(normalized)) {
    // وNASA, ب2026: an Arabic clitic written onto a Latin word or a number.
    const clitic = /^(?:وال|بال|ال|لل|و|ف|ب|ل|ك)(?=[a-z0-9])/.exec(normalized);
    return clitic ? [normalized.slice(clitic[0].length)] : [normalized];
  }
  const article = ARTICLES.find(
    (p) => normalized.startsWith(p) && normalized.length - p.length >= MIN_STEM,
  );
  if (article) return [stripSuffixes(normalized.slice(article.length))];
  const whole = stripSuffixes(normalized);
  // «و» (and) needs 3 letters left, as in light10; ف ب ك ل need 4, being likelier a word's own.
  const clitic = /^و/.test(normalized) ? MIN_STEM : /^[فبكل]/.test(normalized) ? MIN_STEM + 1 : 0;
  if (clitic && normalized.length - 1 >= clitic) {
    const stripped = stripSuffixes(normalized.slice(1));
    return stripped === whole ? [whole] : [stripped, whole];
  }
  return [whole];
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

/** The main stem: clitics, article and suffixes all removed. */
export function lightStem(normalized: string): string {
  return lightStems(normalized)[0] ?? normalized;
}

/** Words of a text with their offsets; marks, tatweel and zero-width joiners stay inside a word. */
const WORD = /[\p{L}\p{N}\p{M}\u200C\u200D]+/gu;

export function tokenizeWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

export function* wordSpans(text: string): Generator<{ word: string; start: number; end: number }> {
  for (const match of text.matchAll(WORD)) {
    yield { word: match[0], start: match.index, end: match.index + match[0].length };
  }
}

/** Stems are indexed with this mark so a stem never collides with a word spelled the same. */
export const STEM_MARK = '~';

/**
 * Particles found in nearly every story (normalized): worthless as search terms, and
 * they would fill a quarter of the index. A query of stop words only finds nothing.
 */
export const STOP_WORDS = new Set(
  'في من الي علي عن مع ان او ثم قد لا ما لم لن هذا هذه ذلك تلك التي الذي الذين كما لكن حيث بين عند منذ حتي اذ اذا هو هي هم كان كانت و ف ب ل ك'.split(
    ' ',
  ),
);

/** What the index holds for one word: the normalized word, and its stems where they differ. */
export function indexTerms(word: string): string[] {
  const normalized = normalizeArabic(word);
  if (!normalized || STOP_WORDS.has(normalized)) return [];
  const stems = lightStems(normalized).filter((stem) => stem !== normalized);
  return [normalized, ...stems.map((stem) => STEM_MARK + stem)];
}

/** One word of a query: its normalized spelling and its stems. */
export type QueryWord = { normalized: string; stems: string[] };

export function queryWords(query: string): QueryWord[] {
  const seen = new Set<string>();
  const words: QueryWord[] = [];
  for (const token of tokenizeWords(query)) {
    const normalized = normalizeArabic(token);
    if (!normalized || STOP_WORDS.has(normalized) || seen.has(normalized)) continue;
    seen.add(normalized);
    words.push({ normalized, stems: lightStems(normalized) });
  }
  return words;
}

/**
 * The index terms a query word looks up: the word itself (ranked highest), its stems
 * as words on their own (والاقتصاد → اقتصاد), and the stems of other words (~اقتصاد).
 */
export function lookupTerms(word: QueryWord): string[] {
  const terms = [word.normalized, ...word.stems.map((stem) => STEM_MARK + stem)];
  for (const stem of word.stems) if (stem !== word.normalized) terms.push(stem);
  return terms;
}

/** Prefix search applies to the word being typed once it has this many letters. */
export const MIN_PREFIX = 3;

/**
 * Whether a word of a text matches a query word by the index's rules: the same
 * normalized word or a shared stem, or, for the word being typed, a word that begins
 * with it. Highlighting uses this, so what is marked is what was found.
 */
export function wordMatches(query: QueryWord, textWord: string, prefix = false): boolean {
  const normalized = normalizeArabic(textWord);
  if (!normalized) return false;
  if (normalized === query.normalized || query.stems.includes(normalized)) return true;
  const stems = lightStems(normalized);
  if (stems.some((stem) => query.stems.includes(stem))) return true;
  if (!prefix || query.normalized.length < MIN_PREFIX) return false;
  return (
    normalized.startsWith(query.normalized) ||
    stems.some((stem) => query.stems.some((q) => stem.startsWith(q)))
  );
}

/** The fields of a search document and their weight: a word in the headline counts most. */
export const SEARCH_FIELDS = ['headline', 'summary', 'tags', 'body'] as const;
export const SEARCH_BOOST: Record<(typeof SEARCH_FIELDS)[number], number> = {
  headline: 4,
  summary: 2,
  tags: 2,
  body: 1,
};

/**
 * MiniSearch's options, the same at build and in the browser (an index loads only with
 * the options it was built with). `n` is the story's position in its shard's `docs`.
 */
export const searchIndexOptions = {
  idField: 'n',
  fields: [...SEARCH_FIELDS],
  storeFields: [] as string[],
  tokenize: tokenizeWords,
  processTerm: indexTerms,
};
