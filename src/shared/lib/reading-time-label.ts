// «مدة القراءة: دقيقتان»: the reading time of a story, counted by Arabic plural rules.
import { countLabel, type PluralForms } from './count-label.ts';
import { type Digits, getDigits } from './locale.ts';

const MINUTE_FORMS: PluralForms = {
  zero: '{n} دقيقة',
  one: 'دقيقة واحدة',
  two: 'دقيقتان',
  few: '{n} دقائق',
  many: '{n} دقيقة',
  other: '{n} دقيقة',
};

export function minutesLabel(minutes: number, digits: Digits = getDigits()): string {
  return countLabel(minutes, MINUTE_FORMS, digits);
}

export function readingTimeLabel(minutes: number, digits: Digits = getDigits()): string {
  return `مدة القراءة: ${minutesLabel(minutes, digits)}`;
}
