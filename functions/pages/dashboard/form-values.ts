/**
 * From posted form strings to the input objects the domain's schemas parse,
 * and back. Blank optional fields become null; numbers are read with a dot or
 * a comma, and anything else is passed on as typed so the schema names the
 * field as wrong instead of this code guessing.
 */
import { type NumberReading, readTypedNumber } from '../../../src/server/typed-number';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export const text = (value: string | undefined): string => (value ?? '').trim();

export const optionalText = (value: string | undefined): string | null => text(value) || null;

/**
 * '' → null; '1,5' → 1.5; '1.600' → 1600; '65%' → 65 (officers write shares as they read them; the
 * field's label says it is a percentage); 'abc' → 'abc' (the schema reports it as not a number).
 * The reading rules are src/server/typed-number.ts's, shared with the importers.
 */
export function optionalNumber(value: string | undefined, reading: NumberReading = 'decimal'): number | string | null {
  const typed = text(value);
  if (!typed) return null;
  return readTypedNumber(typed, reading) ?? typed;
}

/** A latitude or longitude: "21.028" is a decimal here, never twenty-one thousand. */
export const optionalCoordinate = (value: string | undefined): number | string | null =>
  optionalNumber(value, 'coordinate');

/** Like optionalNumber, but blank is missing (undefined), which the schema reports as required. */
export function requiredNumber(value: string | undefined): number | string | undefined {
  return optionalNumber(value) ?? undefined;
}

/**
 * A `datetime-local` value (wall-clock time in Viet Nam, "2026-06-10T07:30")
 * as an ISO instant with its offset; anything else as typed.
 */
export function vietnamLocalToIso(value: string | undefined): string {
  const typed = text(value);
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(typed)
    ? `${typed.length === 16 ? `${typed}:00` : typed}+07:00`
    : typed;
}

/** An instant as a `datetime-local` value on a clock in Viet Nam. */
export function isoToVietnamLocal(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 16);
}

/** A stored value for a form field: null and undefined as ''. */
export const field = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);
