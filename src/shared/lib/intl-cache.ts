// Intl formatters are slow to make (each reads ICU data) and safe to share: one per locale
// and options, so a list of thousands of dated cards makes a handful, not thousands.
const formatters = new Map<string, unknown>();

function shared<T>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  shared(
    `date|${locale}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, options),
  );

export const relativeTimeFormat = (locale: string, options: Intl.RelativeTimeFormatOptions) =>
  shared(
    `relative|${locale}|${JSON.stringify(options)}`,
    () => new Intl.RelativeTimeFormat(locale, options),
  );

export const numberFormat = (locale: string) =>
  shared(`number|${locale}`, () => new Intl.NumberFormat(locale));
