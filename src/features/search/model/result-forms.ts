import type { countLabel } from '#shared/lib/count-label.ts';

/** «نتيجة» counted by Intl.PluralRules('ar'): نتيجة واحدة، نتيجتان، 3 نتائج، 11 نتيجة. */
export const RESULT_FORMS: Parameters<typeof countLabel>[1] = {
  zero: 'لا نتائج',
  one: 'نتيجة واحدة',
  two: 'نتيجتان',
  few: '{n} نتائج',
  many: '{n} نتيجة',
  other: '{n} نتيجة',
};
