// A story's direction follows from its language (CONTRACT §2: `dir` follows `lang`),
// judged by the script the language is written in (ku-Latn is LTR, pa-Arab is RTL).
const RTL_SCRIPTS = new Set([
  'Arab',
  'Hebr',
  'Syrc',
  'Thaa',
  'Nkoo',
  'Adlm',
  'Rohg',
  'Mand',
  'Samr',
]);
const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'ks',
  'ku',
  'ps',
  'sd',
  'ug',
  'ur',
  'yi',
]);

export function directionOf(lang: string): 'rtl' | 'ltr' {
  try {
    const script = new Intl.Locale(lang).maximize().script;
    if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  } catch {
    // Not a tag Intl understands: judge by the language subtag alone.
  }
  return RTL_LANGUAGES.has(lang.toLowerCase().split('-')[0] ?? '') ? 'rtl' : 'ltr';
}
