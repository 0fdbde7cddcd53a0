/**
 * The one way the portal writes CSV (open data, an event's registrations):
 * RFC 4180 through csv-stringify, records ended by CRLF, and a byte order
 * mark first so spreadsheet programs read Vietnamese as UTF-8.
 *
 * The people who open these files open them in a spreadsheet, and the cells
 * hold what others typed: a text cell that starts with = + - @, a tab or a
 * carriage return is written with a leading ' (csv-stringify's
 * escape_formulas, after OWASP's advice on CSV injection), so that
 * `=HYPERLINK(…)` in a registration note arrives as text, not as a live
 * formula. Phone numbers (+84…) are text cells too and get the same '.
 * Accepted: '+84912345678 still reads as the number it is, whereas a bare
 * +84912345678 is itself a formula that a spreadsheet turns into the number
 * 84912345678, losing the + and, for other numbers, leading zeros. Numeric
 * cells (a negative figure) are left as they are: they run nothing.
 * Programs that want every value exactly as typed read open data as JSON.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';

export const CSV_BYTE_ORDER_MARK = '\uFEFF';

export type CsvCell = string | number;

/** The records as CSV text, each ended by CRLF. */
export function csvRecords(records: readonly (readonly CsvCell[])[]): string {
  return stringify(records as CsvCell[][], { record_delimiter: 'windows', escape_formulas: true });
}
