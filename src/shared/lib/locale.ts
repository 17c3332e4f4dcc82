// Every number and date in the app is formatted through these: one place decides
// the numbering system (Western digits by default, as Asharq and BBC Arabic print).
export type Digits = 'latn' | 'arab';

let currentDigits: Digits = 'latn';

export function setDigits(digits: Digits): void {
  currentDigits = digits;
}

export function getDigits(): Digits {
  return currentDigits;
}

/** `ar-u-nu-latn`, with an optional calendar (`islamic-umalqura`) spelled out. */
export function arabicLocale(digits: Digits = currentDigits, calendar?: string): string {
  return calendar ? `ar-u-ca-${calendar}-nu-${digits}` : `ar-u-nu-${digits}`;
}

export function formatNumber(value: number, digits: Digits = currentDigits): string {
  return new Intl.NumberFormat(arabicLocale(digits)).format(value);
}
