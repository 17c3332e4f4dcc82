// Bidi embedding/override (U+202A–U+202E) and isolate (U+2066–U+2069) controls let a
// string reorder the text around it; content never needs them, so they are removed.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
