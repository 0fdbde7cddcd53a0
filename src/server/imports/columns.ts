/**
 * How an importer's columns are described: the header people write (in
 * Vietnamese, English accepted), whether a row needs it, the template's
 * example, and how its text becomes the value of the domain's input field.
 * Headers are matched folded (no marks, any case, spaces collapsed), so
 * "Ten san pham" and "TÊN SẢN PHẨM" are the same column.
 */
import type { z } from 'zod';
import { ValidationError } from '../errors';
import { foldVietnamese } from '../search/fold';
import { fieldIssuesFromZod } from '../validation';
import { type CellResult, parseWholeNumber, textCellProblem } from './cells';

export interface ImportColumn<Field extends string = string> {
  /** The input field it fills (productInputSchema's name), also its documentation's key in the dictionaries. */
  field: Field;
  headers: { vi: string; en: string };
  required: boolean;
  /** The template's example row, which imports as it is. */
  example: string;
  /** The cell's text to the field's value; empty cells never reach it. */
  read: (text: string) => CellResult<unknown>;
}

export const textCell = (text: string): CellResult<string> => {
  const problem = textCellProblem(text);
  return problem ? { ok: false, code: problem } : { ok: true, value: text };
};

export const wholeNumberCell = parseWholeNumber;

/**
 * A cell naming one of a vocabulary's values: its code ("hop_tac_xa") or its
 * label in either language ("Hợp tác xã", "Cooperative"), compared folded;
 * `code` is the refusal's message key.
 */
export function choiceCell<Value extends string>(
  values: readonly Value[],
  labels: readonly Readonly<Record<Value, string>>[],
  code: string,
): (text: string) => CellResult<Value> {
  const byName = new Map<string, Value>(
    values.flatMap((value) => [
      [foldHeader(value.replaceAll('_', ' ')), value] as const,
      ...labels.map((label) => [foldHeader(label[value]), value] as const),
    ]),
  );
  return (text) => {
    const value = byName.get(foldHeader(text.replaceAll('_', ' ')));
    return value ? { ok: true, value } : { ok: false, code };
  };
}

export const foldHeader = (text: string) => foldVietnamese(text).replace(/\s+/g, ' ').trim();

export interface ColumnIssue {
  /** 1-based, as the spreadsheet numbers it (the header is row 1). */
  row: number;
  /** The column's header as the file wrote it ('' for a problem of the whole row). */
  column: string;
  value: string;
  /** Key under `validation.`. */
  code: string;
  params?: Record<string, string | number>;
}

/** Which column of the file each field is in; a required column missing is the file's problem (a ValidationError on `file`). */
export function locateColumns<Field extends string>(
  columns: readonly ImportColumn<Field>[],
  header: readonly string[],
): { index: Map<Field, number>; missing: ImportColumn<Field>[] } {
  const folded = header.map(foldHeader);
  const index = new Map<Field, number>();
  const missing: ImportColumn<Field>[] = [];
  for (const column of columns) {
    const at = folded.findIndex(
      (name) => name === foldHeader(column.headers.vi) || name === foldHeader(column.headers.en),
    );
    if (at >= 0) index.set(column.field, at);
    else if (column.required) missing.push(column);
  }
  return { index, missing };
}

/** A row's cells read into the fields they fill (empty cells left out), with the cells that could not be read. */
export function readRow<Field extends string>(
  columns: readonly ImportColumn<Field>[],
  index: ReadonlyMap<Field, number>,
  header: readonly string[],
  cells: readonly string[],
  rowNumber: number,
): { input: Partial<Record<Field, unknown>>; issues: ColumnIssue[] } {
  const input: Partial<Record<Field, unknown>> = {};
  const issues: ColumnIssue[] = [];
  for (const column of columns) {
    const at = index.get(column.field);
    const text = at === undefined ? '' : (cells[at] ?? '').normalize('NFC');
    if (text === '') continue;
    const read = column.read(text);
    if (read.ok) input[column.field] = read.value;
    else issues.push({ row: rowNumber, column: header[at!] ?? '', value: text, code: read.code });
  }
  return { input, issues };
}

/**
 * The file's columns, or a ValidationError on `file` naming the required
 * ones it lacks; `headerOf` names a field's column as the file wrote it (the
 * Vietnamese header when the file has no such column).
 */
export function requireColumns<Field extends string>(
  columns: readonly ImportColumn<Field>[],
  header: readonly string[],
) {
  const { index, missing } = locateColumns(columns, header);
  if (missing.length > 0)
    throw new ValidationError({
      file: {
        code: 'import_missing_columns',
        params: { columns: missing.map((column) => column.headers.vi).join(', ') },
      },
    });
  const headerOf = (field: string) => {
    const at = index.get(field as Field);
    return at === undefined ? (columns.find((column) => column.field === field)?.headers.vi ?? field) : header[at]!;
  };
  return { index, headerOf };
}

/** The domain schema's refusals of a row, as issues of its columns; a column already refused when read is not refused twice. */
export function schemaIssues(
  error: z.ZodError,
  input: Record<string, unknown>,
  rowNumber: number,
  headerOf: (field: string) => string,
  issues: ColumnIssue[],
): void {
  for (const [field, problem] of Object.entries(fieldIssuesFromZod(error, input))) {
    if (issues.some((issue) => issue.column === headerOf(field))) continue;
    const value = input[field];
    issues.push({ row: rowNumber, column: headerOf(field), value: value == null ? '' : String(value), ...problem });
  }
}
