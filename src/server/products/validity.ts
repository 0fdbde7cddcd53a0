/**
 * Whether an OCOP rating or a certificate holds on a given day. Pure
 * functions on calendar dates ('YYYY-MM-DD', read in Asia/Ho_Chi_Minh): the
 * pages and the API pass in "today" so that one request judges every
 * certificate against the same day.
 *
 * Expiry is computed, never stored: a rating that ran out yesterday must show
 * as expired today without any job rewriting rows.
 */
import { vietnamDate } from '../time/vietnam';

/** Decision 148/2023/QĐ-TTg: an OCOP certificate is valid for 36 months from its decision. */
export const OCOP_VALIDITY_MONTHS = 36;

export type OcopRatingStatus = 'valid' | 'expired' | 'revoked';
export type CertificateStatus = 'valid' | 'expired' | 'not_yet_valid';

/**
 * Today's date in Viet Nam. UTC+7 all year (no daylight saving), so the day
 * turns at 17:00 UTC: 2026-08-15T17:00Z is already 2026-08-16 there.
 */
export function vietnamToday(now: Date): string {
  return vietnamDate(now);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(date: string): [year: number, month: number, day: number] {
  const match = ISO_DATE.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  return [year, month, day];
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The same day `months` later; when that month is shorter, its last day
 * (2024-02-29 + 12 months = 2025-02-28, 2023-01-31 + 1 month = 2023-02-28).
 * Never rolls over into the following month as `Date` arithmetic would.
 */
export function addMonthsClamped(date: string, months: number): string {
  const [year, month, day] = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return isoDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/**
 * The last day on which an OCOP rating is valid: the same calendar day 36
 * months after the decision, inclusive, e.g. 2023-08-15 -> 2026-08-15, and it
 * is expired from 2026-08-16.
 *
 * Why inclusive: the Civil Code 2015 (arts. 147-148), which governs periods in
 * administrative decisions too, does not count the day a period starts from
 * and ends a period in months at the end of the corresponding day of its last
 * month, or of that month's last day when it has no such day. So a decision
 * of 31 August 2023 runs through 31 August 2026, and one of 29 February 2024
 * through 28 February 2027. Choosing the later of the two readings also means
 * we never show a certificate as expired while its holder can still rely on it.
 */
export function ocopValidUntil(decisionDate: string): string {
  return addMonthsClamped(decisionDate, OCOP_VALIDITY_MONTHS);
}

export function ocopRatingStatus(
  rating: { decisionDate: string; status: 'active' | 'revoked' },
  today: string,
): OcopRatingStatus {
  // A revocation stands whatever the dates say.
  if (rating.status === 'revoked') return 'revoked';
  parseIsoDate(today);
  return today > ocopValidUntil(rating.decisionDate) ? 'expired' : 'valid';
}

/**
 * Certificates store their own last valid day (inclusive; null = no end, as
 * for a geographic indication). Dates are checked first so that a malformed
 * one fails loudly instead of comparing wrongly as a string.
 */
export function certificateStatus(validFrom: string, validUntil: string | null, today: string): CertificateStatus {
  for (const date of [validFrom, validUntil, today]) if (date !== null) parseIsoDate(date);
  if (today < validFrom) return 'not_yet_valid';
  if (validUntil !== null && today > validUntil) return 'expired';
  return 'valid';
}

function nextDay(date: string): string {
  const [year, month, day] = parseIsoDate(date);
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return next.toISOString().slice(0, 10);
}

/**
 * The earliest decision date whose OCOP rating is still valid on `today`:
 * a rating is valid exactly when its decision date is on or after it. Usually
 * the same day 36 months earlier, except when clamping a month end makes that
 * day fall short (on 2028-02-29, a decision of 2025-02-28 ran out the day before).
 */
export function ocopValidSince(today: string): string {
  const candidate = addMonthsClamped(today, -OCOP_VALIDITY_MONTHS);
  return ocopValidUntil(candidate) >= today ? candidate : nextDay(candidate);
}
