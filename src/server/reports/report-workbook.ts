/**
 * A department report as an XLSX workbook: a cover sheet with the heading,
 * then one sheet per table of report-tables.ts, its header row bold and
 * frozen, columns sized, numbers as numbers (thousands grouped), percentages
 * as spreadsheet percentages and dates as dates, so officers can sum and
 * chart them.
 *
 * write-excel-file/universal because it runs on the Workers runtime (no
 * Node streams or fs) and is maintained; see README, "Dependencies". It
 * builds the file in memory: a report is bounded by its period
 * (MAX_REPORT_YEARS) and one province's events, and bench/report-memory.ts
 * measures the national worst case.
 */
import writeXlsxFile, { type Cell, type Row, type Sheet } from 'write-excel-file/universal';
import { dictionary, type Locale } from '../../i18n';
import type { DepartmentReport } from './department-report';
import { type ReportCell, reportHeading, reportTables } from './report-tables';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const COUNT_FORMAT = '#,##0';
const PERCENT_FORMAT = '0.0%';
const DATE_FORMAT = 'dd/mm/yyyy';

function cell(value: ReportCell): Cell {
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
  }
}

/** The workbook's bytes. */
export async function reportWorkbook(report: DepartmentReport, locale: Locale): Promise<Uint8Array> {
  const heading = reportHeading(report, locale);
  const bold = (value: string): Cell => ({ value, type: String, fontWeight: 'bold' });
  const tables = reportTables(report, locale);
  const cover: Sheet<Blob> = {
    sheet: dictionary(locale).reports.sections.cover,
    columns: [{ width: 90 }],
    data: [
      [bold(heading.superior)],
      [bold(heading.department)],
      [null],
      [bold(heading.title)],
      [heading.scope],
      [heading.generated],
      [null],
      ...tables.map((table): Row => [table.title]),
    ],
  };
  const sheets: Sheet<Blob>[] = tables.map((table) => ({
    sheet: table.title,
    columns: table.columns.map((column) => ({ width: column.width })),
    stickyRowsCount: 1,
    data: [table.columns.map((column) => bold(column.header)), ...table.rows.map((row) => row.map(cell))],
  }));
  const blob = await writeXlsxFile([cover, ...sheets], { fontFamily: 'Arial', fontSize: 11 }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
