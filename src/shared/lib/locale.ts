// Every number and date in the app is formatted through these: one place decides
// the numbering system (Western digits by default, as Asharq and BBC Arabic print)
// and whether dates carry their Hijri equivalent. The reader's choice lives here as a
// tiny external store, so components that format re-render when it changes.
import { useSyncExternalStore } from 'react';
import { numberFormat } from './intl-cache.ts';

export type Digits = 'latn' | 'arab';

let currentDigits: Digits = 'latn';
let showHijri = false;
const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

export function setDigits(digits: Digits): void {
  if (digits === currentDigits) return;
  currentDigits = digits;
  notify();
}

export function getDigits(): Digits {
  return currentDigits;
}

export function setShowHijri(show: boolean): void {
  if (show === showHijri) return;
  showHijri = show;
  notify();
}

export function getShowHijri(): boolean {
  return showHijri;
}

/** Calls `listener` when the digits or the Hijri setting change. Returns an unsubscribe. */
export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

// Prerendered HTML is always written with the defaults; hydration reads these server
// snapshots so it matches, and React re-renders with the reader's choice right after.
const serverDigits = (): Digits => 'latn';
const serverHijri = () => false;

/** The reader's digits, for formatting during render. */
export function useDigits(): Digits {
  return useSyncExternalStore(subscribeLocale, getDigits, serverDigits);
}

/** Whether dates show their Hijri equivalent too. */
export function useShowHijri(): boolean {
  return useSyncExternalStore(subscribeLocale, getShowHijri, serverHijri);
}

/** `ar-u-nu-latn`, with an optional calendar (`islamic-umalqura`) spelled out. */
export function arabicLocale(digits: Digits = currentDigits, calendar?: string): string {
  return calendar ? `ar-u-ca-${calendar}-nu-${digits}` : `ar-u-nu-${digits}`;
}

export function formatNumber(value: number, digits: Digits = currentDigits): string {
  return numberFormat(arabicLocale(digits)).format(value);
}
