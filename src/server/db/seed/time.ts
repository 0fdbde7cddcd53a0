/**
 * Calendar arithmetic in Asia/Ho_Chi_Minh, which is UTC+7 all year (no DST),
 * so a fixed offset is exact and no time-zone database is needed.
 */
const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

export interface LocalDay {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export function localDay(instant: Date): LocalDay {
  const shifted = new Date(instant.getTime() + VN_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The UTC instant of a Vietnam wall-clock time; out-of-range days or months roll over. */
export function vnInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - VN_OFFSET_MS);
}

/** Local midnight of the day `days` after the local day of `instant`. */
export function vnMidnight(instant: Date, days = 0): Date {
  const { year, month, day } = localDay(instant);
  return vnInstant(year, month, day + days);
}

export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + hours * 3_600_000);
}

/** 'YYYY-MM-DD' of the local day of `instant`. */
export function isoDate(instant: Date): string {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' for a local calendar day; out-of-range days or months roll over. */
export function isoDay(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** Adds whole years to a 'YYYY-MM-DD' date, keeping month and day (29 Feb rolls to 1 Mar). */
export function addYearsIso(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return isoDay(y + years, m, d);
}

export function addDaysIso(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return isoDay(y, m, d + days);
}

export const VN_MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
