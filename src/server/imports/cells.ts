/**
 * Reading the cells of a register as people keep it in Viet Nam: numbers
 * with a dot between thousands ("1.250.000") or none, dates as dd/mm/yyyy,
 * and text that must not be a spreadsheet formula or markup. Pure functions;
 * each refusal is a message key under `validation.`.
 */
import { readTypedNumber } from '../typed-number';

export type CellResult<T> = { ok: true; value: T } | { ok: false; code: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const refused = (code: string): CellResult<never> => ({ ok: false, code });

/**
 * A whole number as typed in Viet Nam: "1250000", "1.250.000" or
 * "1 250 000", with an optional "đ"/"VND" after it (read by the portal's one
 * number reader, src/server/typed-number.ts). "1,5" is not a whole number;
 * neither is a negative count.
 */
export function parseWholeNumber(text: string): CellResult<number> {
  const value = readTypedNumber(text, 'whole');
  return value !== null && value >= 0 ? ok(value) : refused('number_invalid');
}

/**
 * A decimal number such as a coordinate: "21.0285" or, with the Vietnamese
 * decimal comma, "21,0285"; a sign allowed. No grouping: a coordinate has none.
 */
export function parseDecimal(text: string): CellResult<number> {
  const value = readTypedNumber(text, 'coordinate');
  return value !== null ? ok(value) : refused('number_invalid');
}

/**
 * A calendar date as written in Viet Nam, dd/mm/yyyy (or d/m/yyyy, with
 * dots or dashes), or as ISO yyyy-mm-dd; the ISO form back. 31/02/2025 is
 * refused, not rolled over.
 */
export function parseVietnameseDate(text: string): CellResult<string> {
  const value = text.trim();
  const vietnamese = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = vietnamese
    ? [Number(vietnamese[3]), Number(vietnamese[2]), Number(vietnamese[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(year)) return refused('calendar_date');
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return refused('calendar_date');
  return ok(date.toISOString().slice(0, 10));
}

/**
 * Text a spreadsheet would run (OWASP's CSV injection: a cell starting with
 * = + - @, a tab or a carriage return) is refused rather than stored, since
 * the portal writes these values into the CSV files others download. A
 * leading + or - followed by a digit is a number or a phone (+84…), not a
 * formula.
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=@\t\r]/.test(text) || /^[+-](?![\d\s])/.test(text);
}

/** Markup in a register's cell is someone's script, never a product's name: refused, with its own message. */
export function looksLikeMarkup(text: string): boolean {
  return /<\s*[a-z!/?]/i.test(text);
}

/** A text cell's problem, if it has one. */
export function textCellProblem(text: string): string | null {
  if (looksLikeFormula(text)) return 'import_formula';
  if (looksLikeMarkup(text)) return 'import_markup';
  return null;
}
