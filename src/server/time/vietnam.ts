/**
 * Calendar arithmetic in Asia/Ho_Chi_Minh. Viet Nam keeps UTC+7 all year (no
 * daylight saving), so its wall clock is a fixed shift of UTC and no time-zone
 * database is needed. Calendar dates are 'YYYY-MM-DD' strings, months 'YYYY-MM',
 * instants `Date`s (UTC).
 */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 86_400_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The calendar date (YYYY-MM-DD) an instant falls on in Asia/Ho_Chi_Minh. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The wall-clock time (HH:mm) of an instant in Viet Nam. */
export function vietnamTime(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(11, 16);
}

/** An instant as ISO 8601 with Viet Nam's offset, e.g. 2026-12-12T08:00:00+07:00 (schema.org wants the local time). */
export function vietnamIso(instant: Date): string {
  return `${new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/**
 * Years this calendar can mean. Outside them Date misbehaves in ways that do not
 * round-trip (years 0-99 become 1900-1999; a day after 9999-12-31 has no YYYY-MM-DD).
 */
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

/** A real calendar date: 2026-02-30 is not one, though Date would roll it over. */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match || Number(match[1]) < MIN_YEAR || Number(match[1]) > MAX_YEAR) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function isCalendarMonth(value: string): boolean {
  const match = MONTH.exec(value);
  return (
    match !== null &&
    Number(match[1]) >= MIN_YEAR &&
    Number(match[1]) <= MAX_YEAR &&
    Number(match[2]) >= 1 &&
    Number(match[2]) <= 12
  );
}

export function isClockTime(value: string): boolean {
  return TIME.test(value);
}

/** The instant of 00:00 in Viet Nam on a date (17:00 UTC the day before). */
export function vietnamMidnight(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - VIETNAM_OFFSET_MS);
}

/** The instant of a Viet Nam wall-clock time (HH:mm) on a date. */
export function vietnamDateTime(date: string, time: string): Date {
  return new Date(Date.parse(`${date}T${time}:00Z`) - VIETNAM_OFFSET_MS);
}

export function addDaysToDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Day of the week of a date, ISO numbering: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month `months` after (or before) a 'YYYY-MM' month. */
export function addMonths(month: string, months: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m - 1 + months, 1)).toISOString().slice(0, 7);
}

export function daysInMonth(month: string): number {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}
