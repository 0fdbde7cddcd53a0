/**
 * An importer's template: the header row (Vietnamese, or English for the
 * English page) and one example row that imports as it is, as CSV (UTF-8
 * with a byte order mark, so Excel reads the marks) or XLSX. Every cell is
 * text in the XLSX, so a GTIN keeps its leading zeros and "150.000" its dots.
 */
import writeXlsxFile from 'write-excel-file/universal';
import type { Locale } from '../../i18n';
import { CSV_BYTE_ORDER_MARK, csvRecords } from '../csv';
import type { ImportColumn } from './columns';

export type TemplateFormat = 'csv' | 'xlsx';

export interface TemplateFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

export async function importTemplate(
  columns: readonly ImportColumn[],
  locale: Locale,
  format: TemplateFormat,
  baseName: string,
): Promise<TemplateFile> {
  const header = columns.map((column) => column.headers[locale]);
  const example = columns.map((column) => column.example);
  if (format === 'csv') {
    return {
      bytes: new TextEncoder().encode(CSV_BYTE_ORDER_MARK + csvRecords([header, example])),
      contentType: 'text/csv; charset=utf-8',
      fileName: `${baseName}.csv`,
    };
  }
  const blob = await writeXlsxFile(
    [
      header.map((value) => ({ value, fontWeight: 'bold' as const })),
      example.map((value) => ({ value, type: String })),
    ],
    { sheet: baseName, stickyRowsCount: 1, columns: columns.map(() => ({ width: 24 })) },
  ).toBlob();
  return {
    bytes: new Uint8Array(await blob.arrayBuffer()),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `${baseName}.xlsx`,
  };
}
