/**
 * A department report as an XLSX workbook: a cover sheet with the heading,
 * then one sheet per table of report-tables.ts, written as table-files.ts
 * writes every table. Built in memory: a report is bounded by its period
 * (MAX_REPORT_YEARS) and one province's events, and bench/report-memory.ts
 * measures the national worst case.
 */
import { dictionary, type Locale } from '../../i18n';
import type { DepartmentReport } from './department-report';
import { reportHeading, reportTables } from './report-tables';
import { coverSheet, tableSheet, workbookBytes } from './table-files';

export { XLSX_CONTENT_TYPE } from './table-files';

/** The workbook's bytes. */
export async function reportWorkbook(report: DepartmentReport, locale: Locale): Promise<Uint8Array> {
  const heading = reportHeading(report, locale);
  const tables = reportTables(report, locale);
  const cover = coverSheet(dictionary(locale).reports.sections.cover, [
    { bold: heading.superior },
    { bold: heading.department },
    null,
    { bold: heading.title },
    heading.scope,
    heading.generated,
    null,
    ...tables.map((table) => table.title),
  ]);
  return workbookBytes([cover, ...tables.map(tableSheet)]);
}
