/**
 * An uploaded register read into rows of text, whatever program saved it:
 * XLSX (recognised by its bytes, not its name; its first sheet), or CSV in
 * UTF-8 with or without a byte order mark, separated by commas or by
 * semicolons (what Excel writes where the comma is the decimal mark, as in
 * Viet Nam). What cannot be read safely is refused with a message key
 * under `validation.`, on the field `file`:
 * - a CSV in a legacy encoding (TCVN3, VNI, Windows-1258, UTF-16): the
 *   bytes are not UTF-8, and guessing would store garbled names;
 * - an XLSX whose entries would inflate past the limit (./zip-guard.ts);
 * - anything else (a PDF, an old .xls, an image), an empty file, too many rows.
 * Formula cells of an XLSX are read as the value the spreadsheet last
 * computed (read-excel-file never evaluates them); a CSV's text that would
 * become a formula is refused by the row checks (./cells.ts).
 */
import { parse } from 'csv-parse/browser/esm/sync';
import { readSheet } from 'read-excel-file/universal';
import { ValidationError } from '../errors';
import { looksLikeZip, zipProblem } from './zip-guard';

/** A register of 5,000 rows is about 1.5 MB as CSV; the limit leaves room for long descriptions. */
export const MAX_IMPORT_MEGABYTES = 10;
export const MAX_IMPORT_BYTES = MAX_IMPORT_MEGABYTES * 1024 * 1024;
/** Rows under the header one file may have: what a province's register holds, and what a preview answers within seconds. */
export const MAX_IMPORT_ROWS = 5000;

export type SpreadsheetFormat = 'csv' | 'xlsx';

export interface Spreadsheet {
  format: SpreadsheetFormat;
  /** The header row first; every cell as text, trimmed. */
  rows: string[][];
}

const refuse = (code: string, params?: Record<string, string | number>): never => {
  throw new ValidationError({ file: { code, params } });
};

/** A spreadsheet cell as the text a person sees; dates as ISO (yyyy-mm-dd), numbers without grouping. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return String(cell).trim();
}

function withoutEmptyRows(rows: string[][]): string[][] {
  return rows.filter((row) => row.some((cell) => cell !== ''));
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const problem = zipProblem(bytes);
  if (problem === 'too_large') refuse('import_xlsx_too_large');
  if (problem) refuse('import_file_type');
  try {
    const sheet = await readSheet(bytes.slice().buffer as ArrayBuffer);
    return sheet.map((row) => row.map(cellText));
  } catch {
    return refuse('import_file_type');
  }
}

/** The separator of the header line: semicolons when it has more of them than commas. */
function delimiterOf(text: string): ',' | ';' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (char: string) => firstLine.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function readCsv(bytes: Uint8Array): string[][] {
  // UTF-16 as Excel's "Unicode text" writes it: readable, but not what the template asks for.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) refuse('import_encoding');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return refuse('import_encoding');
  }
  // Control characters other than tab and line ends do not occur in text: a binary file (a PDF, an old .xls).
  if (/[\0-\x08\x0e-\x1f]/.test(text.slice(0, 4096))) refuse('import_file_type');
  try {
    const records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
    return records.map((record) => record.map((cell) => cell.trim()));
  } catch {
    return refuse('import_csv_malformed');
  }
}

/** The file's rows; ValidationError on `file` when it is not a register we can read. */
export async function readSpreadsheet(bytes: Uint8Array): Promise<Spreadsheet> {
  if (bytes.length === 0) refuse('import_file_empty');
  if (bytes.length > MAX_IMPORT_BYTES) refuse('import_file_too_large', { max: MAX_IMPORT_MEGABYTES });
  const format: SpreadsheetFormat = looksLikeZip(bytes) ? 'xlsx' : 'csv';
  const rows = withoutEmptyRows(format === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes));
  if (rows.length < 2) refuse('import_file_empty');
  if (rows.length - 1 > MAX_IMPORT_ROWS) refuse('import_too_many_rows', { max: MAX_IMPORT_ROWS });
  return { format, rows };
}
