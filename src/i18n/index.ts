/**
 * Locales, dictionaries and formatters. Vietnamese is the default and lives at
 * the root of the site; English lives under /en/.
 */
import type { Dictionary } from './dictionary';
import { en } from './en';
import { dateTimeFormat, listFormat, numberFormat } from './intl-cache';
import { vi } from './vi';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dictionaries: Record<Locale, Dictionary> = { vi, en };

export function dictionary(locale: Locale): Dictionary {
  return dictionaries[locale];
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The locale a path belongs to: /en and /en/... are English, everything else Vietnamese. */
export function localeFromPath(pathname: string): Locale {
  return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'vi';
}

/**
 * The API answers in the language asked for with ?lang= or Accept-Language,
 * Vietnamese otherwise.
 */
export function negotiateLocale(query: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(query)) return query;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase().slice(0, 2);
    if (isLocale(tag)) return tag;
  }
  return DEFAULT_LOCALE;
}

/**
 * Replaces {name} placeholders, and {name:one|other} with the form a count
 * takes: "{count} {count:booth|booths}". The first form is for exactly one
 * (English's rule; Vietnamese nouns do not inflect, so its dictionary never
 * needs the selector). The count may arrive formatted ("1", "1,000").
 */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(
    /\{(\w+)(?::([^|{}]*)\|([^|{}]*))?\}/g,
    (whole, name: string, one?: string, other?: string) => {
      if (!(name in params)) return whole;
      const value = String(params[name]);
      if (one === undefined || other === undefined) return value;
      return value === '1' ? one : other;
    },
  );
}

/**
 * A template's text before and after one placeholder, for pages that wrap
 * what fills it in markup (a `lang` attribute on Vietnamese-only data).
 */
export function aroundPlaceholder(template: string, name: string): [before: string, after: string] {
  const at = template.indexOf(`{${name}}`);
  return at < 0 ? [template, ''] : [template.slice(0, at), template.slice(at + name.length + 2)];
}

export const intlLocale: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

export function formatVnd(amount: number, locale: Locale): string {
  return numberFormat(intlLocale[locale], { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(
    amount,
  );
}

export function formatNumber(value: number, locale: Locale): string {
  return numberFormat(intlLocale[locale]).format(value);
}

/** A calendar date of an instant, as seen in Viet Nam. */
export function formatDate(instant: Date, locale: Locale): string {
  return dateTimeFormat(intlLocale[locale], {
    timeZone: TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(instant);
}

/** The day of an instant in Viet Nam, short: "3/12/2026" in Vietnamese, "3 Dec 2026" in English. */
export function formatShortDate(instant: Date, locale: Locale): string {
  return dateTimeFormat(intlLocale[locale], {
    timeZone: TIME_ZONE,
    day: 'numeric',
    month: locale === 'vi' ? 'numeric' : 'short',
    year: 'numeric',
  }).format(instant);
}

/**
 * Date and time of an instant on a clock in Viet Nam: "15 tháng 8, 2026, 07:30".
 * Composed from two formats because ICU's Vietnamese date-time pattern puts
 * the time first ("lúc 07:30 15 tháng 8, 2026"), which reads badly in a list.
 */
export function formatDateTime(instant: Date, locale: Locale): string {
  const time = dateTimeFormat(intlLocale[locale], {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  return `${formatDate(instant, locale)}, ${time}`;
}

/**
 * A calendar date stored as 'YYYY-MM-DD' (a decision date, a best-before).
 * Read as midnight in Viet Nam, so formatting in TIME_ZONE gives back the same day.
 */
export function formatCalendarDate(date: string, locale: Locale): string {
  return formatDate(new Date(`${date}T00:00:00+07:00`), locale);
}

/** "A, B và C" / "A, B and C". */
export function formatList(items: readonly string[], locale: Locale): string {
  return listFormat(intlLocale[locale], { type: 'conjunction' }).format(items);
}
