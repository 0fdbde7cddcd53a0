/**
 * Tables of report-tables.ts shape as files: CSV (one table, through
 * ../csv.ts, so formula-looking text arrives as text) and XLSX (one sheet per
 * table, header row bold and frozen, columns sized, numbers as numbers with
 * thousands grouped, percentages as spreadsheet percentages, days and
 * instants as dates), so officers can sum, filter and chart them.
 *
 * write-excel-file/universal because it runs on the Workers runtime (no
 * Node streams or fs) and is maintained; see README, "Dependencies". It
 * builds the file in memory: every table written here is bounded (a report
 * by its period, a download by its row limit), and bench/report-memory.ts
 * measures the largest.
 */
import writeXlsxFile, { type Cell, type Row, type Sheet } from 'write-excel-file/universal';
import { CSV_BYTE_ORDER_MARK, type CsvCell, csvRecords } from '../csv';
import { vietnamDate, vietnamTime } from '../time/vietnam';
import type { ReportCell, ReportColumn } from './report-tables';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** A table to write: its title names the sheet (at most 31 characters, as spreadsheets allow). */
export interface DataTable {
  title: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
}

const COUNT_FORMAT = '#,##0';
const PERCENT_FORMAT = '0.0%';
const DATE_FORMAT = 'dd/mm/yyyy';
const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';
/** Viet Nam is UTC+7 all year (no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

function xlsxCell(value: ReportCell): Cell {
  if (value === null) return null;
  switch (value.kind) {
    case 'text':
      return { value: value.value, type: String };
    case 'count':
      return { value: value.value, type: Number, format: COUNT_FORMAT };
    case 'percent':
      // A spreadsheet percentage is a fraction: 65.5 % is 0.655 shown as "65.5%".
      return { value: value.value / 100, type: Number, format: PERCENT_FORMAT };
    case 'date':
      // Midnight UTC of the calendar day: spreadsheets have no time zones, only the day.
      return { value: new Date(`${value.value}T00:00:00Z`), type: Date, format: DATE_FORMAT };
    case 'instant':
      // The wall-clock time in Viet Nam, written as if it were UTC, for the same reason.
      return { value: new Date(value.value.getTime() + VIETNAM_OFFSET_MS), type: Date, format: DATE_TIME_FORMAT };
  }
}

function csvCell(value: ReportCell): CsvCell {
  if (value === null) return '';
  switch (value.kind) {
    case 'text':
    case 'count':
    case 'percent':
    case 'date':
      return value.value;
    case 'instant':
      // "2026-12-03 14:02": the time in Viet Nam, in an order spreadsheets sort and read as a date.
      return `${vietnamDate(value.value)} ${vietnamTime(value.value)}`;
  }
}

export const boldCell = (value: string): Cell => ({ value, type: String, fontWeight: 'bold' });

/** The table as a sheet: its headers bold and frozen above the rows. */
export function tableSheet(table: DataTable): Sheet<Blob> {
  return {
    sheet: table.title,
    columns: table.columns.map((column) => ({ width: column.width })),
    stickyRowsCount: 1,
    data: [table.columns.map((column) => boldCell(column.header)), ...table.rows.map((row) => row.map(xlsxCell))],
  };
}

/** A workbook of the sheets (a cover, then tables), as bytes. */
export async function workbookBytes(sheets: Sheet<Blob>[]): Promise<Uint8Array> {
  const blob = await writeXlsxFile(sheets, { fontFamily: 'Arial', fontSize: 11 }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

/** A cover sheet: lines of text in one wide column, the bold ones first. */
export function coverSheet(title: string, lines: readonly (string | { bold: string } | null)[]): Sheet<Blob> {
  return {
    sheet: title,
    columns: [{ width: 90 }],
    data: lines.map((line): Row => [line === null ? null : typeof line === 'string' ? line : boldCell(line.bold)]),
  };
}

/** The table as CSV text: a byte order mark, its headers, its rows. */
export function tableCsv(table: DataTable): string {
  return `${CSV_BYTE_ORDER_MARK}${csvRecords([table.columns.map((column) => column.header), ...table.rows.map((row) => row.map(csvCell))])}`;
}
