/**
 * Numbers as people in Viet Nam type them, read by one function for every
 * form field and every imported cell, so "1.600" means the same everywhere.
 *
 * Vietnamese writes a dot between thousands and a comma before decimals
 * ("1.250.000", "65,5"); English writes them the other way round. A dot
 * followed by exactly three digits is therefore read as thousands ("1.600" is
 * 1600, not 1.6), and a lone comma as the decimal mark ("1,5" is 1.5). Only
 * where one reading is impossible is the English one taken: "1,250,000" or
 * "1,250.5", and "120,000" in a whole-number field (a price in dong has no
 * decimals). A trailing "%" or currency word is dropped: a field's label says
 * what unit it holds. Anything else is not a number (null): the caller shows
 * the value back as typed and the schema names the field.
 */

/** How a field's value is read: any decimal, a whole count or price, or a coordinate. */
export type NumberReading = 'decimal' | 'whole' | 'coordinate';

const UNIT_AFTER = /\s*(?:%|đ|₫|vnđ|vnd|đồng)$/iu;
/** Thousands groups start with a non-zero digit: "0.500" is half, not five hundred. */
const DOT_GROUPED = /^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/;
const SPACE_GROUPED = /^[1-9]\d{0,2}(?:[\s\u00a0\u202f]\d{3})+(?:,\d+)?$/u;
const COMMA_GROUPED_UNAMBIGUOUS = /^[1-9]\d{0,2}(?:(?:,\d{3}){2,}|(?:,\d{3})+\.\d+)$/;
const COMMA_GROUPED = /^[1-9]\d{0,2}(?:,\d{3})+$/;
const ONE_DECIMAL_MARK = /^\d+(?:[.,]\d+)?$/;
/** Degrees have at most three digits before the mark and are never grouped. */
const COORDINATE = /^\d{1,3}(?:[.,]\d+)?$/;

function unsigned(digits: string, reading: NumberReading): number | null {
  if (reading === 'coordinate') return COORDINATE.test(digits) ? Number(digits.replace(',', '.')) : null;
  if (DOT_GROUPED.test(digits)) return Number(digits.replaceAll('.', '').replace(',', '.'));
  if (SPACE_GROUPED.test(digits)) return Number(digits.replace(/[\s\u00a0\u202f]/gu, '').replace(',', '.'));
  if (COMMA_GROUPED_UNAMBIGUOUS.test(digits) || (reading === 'whole' && COMMA_GROUPED.test(digits)))
    return Number(digits.replaceAll(',', ''));
  if (ONE_DECIMAL_MARK.test(digits)) return Number(digits.replace(',', '.'));
  return null;
}

/** The number typed, or null when it is not one (or not whole, for a whole reading). */
export function readTypedNumber(typed: string, reading: NumberReading = 'decimal'): number | null {
  const bare = typed.trim().replace(UNIT_AFTER, '').trim();
  const signed = /^([+-]?)\s*(.+)$/u.exec(bare);
  if (!signed) return null;
  const value = unsigned(signed[2] ?? '', reading);
  if (value === null || !Number.isFinite(value)) return null;
  if (reading === 'whole' && !Number.isInteger(value)) return null;
  return signed[1] === '-' ? -value : value;
}
