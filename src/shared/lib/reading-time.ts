// «دقيقة واحدة», «دقيقتان», «3 دقائق», «11 دقيقة»: Arabic counts nouns by six
// plural categories; Intl.PluralRules('ar') picks the category, we supply the words.
import { type Digits, formatNumber, getDigits } from './locale.ts';

const rules = new Intl.PluralRules('ar');

export function minutesLabel(minutes: number, digits: Digits = getDigits()): string {
  const n = formatNumber(minutes, digits);
  switch (rules.select(minutes)) {
    case 'zero':
      return `${n} دقيقة`;
    case 'one':
      return 'دقيقة واحدة';
    case 'two':
      return 'دقيقتان';
    case 'few':
      return `${n} دقائق`;
    default:
      return `${n} دقيقة`;
  }
}

export function readingTimeLabel(minutes: number, digits: Digits = getDigits()): string {
  return `مدة القراءة: ${minutesLabel(minutes, digits)}`;
}
