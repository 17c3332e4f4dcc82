// Counted nouns in Arabic by Intl.PluralRules('ar'): قصة واحدة، قصتان، 3 قصص، 11 قصة.
import { type Digits, formatNumber, getDigits } from './locale.ts';

export type PluralForms = {
  zero: string;
  one: string;
  two: string;
  few: string;
  many: string;
  other: string;
};

const rules = new Intl.PluralRules('ar');

export const STORY_FORMS: PluralForms = {
  zero: 'لا قصص',
  one: 'قصة واحدة',
  two: 'قصتان',
  few: '{n} قصص',
  many: '{n} قصة',
  other: '{n} قصة',
};

export function countLabel(
  count: number,
  forms: PluralForms,
  digits: Digits = getDigits(),
): string {
  const category = rules.select(count) as keyof PluralForms;
  return forms[category].replace('{n}', formatNumber(count, digits));
}
