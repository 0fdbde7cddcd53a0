/**
 * Shared Intl formatters. Building one (ICU loads and compiles the locale's
 * patterns) costs far more than using it: a product list page formatted 24
 * prices with a new NumberFormat each, and that was a fifth of the page's
 * server time. Formatters are immutable, so one per locale and options can
 * serve every request of the isolate.
 */

const formatters = new Map<string, unknown>();

function memoised<T>(kind: string, locale: string, options: object, build: () => T): T {
  const key = `${kind}\u0000${locale}\u0000${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = build();
    formatters.set(key, formatter);
  }
  return formatter;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return memoised('number', locale, options, () => new Intl.NumberFormat(locale, options));
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return memoised('date', locale, options, () => new Intl.DateTimeFormat(locale, options));
}

export function listFormat(locale: string, options: Intl.ListFormatOptions = {}): Intl.ListFormat {
  return memoised('list', locale, options, () => new Intl.ListFormat(locale, options));
}

export function collator(locale: string, options: Intl.CollatorOptions = {}): Intl.Collator {
  return memoised('collator', locale, options, () => new Intl.Collator(locale, options));
}

export function displayNames(locale: string, options: Intl.DisplayNamesOptions): Intl.DisplayNames {
  return memoised('names', locale, options, () => new Intl.DisplayNames([locale], options));
}
