/**
 * A fair's report as CSV (as ../csv.ts writes it): one record per exhibitor,
 * then, for trade officers, the totals. The response rate is a fraction
 * (0.667), empty when the exhibitor received nothing.
 */
import { CSV_BYTE_ORDER_MARK, type CsvCell, csvRecords } from '../csv';
import { type FairReport, type InquiryFigures, responseRate } from './fair-report';

export const FAIR_REPORT_CSV_COLUMNS = [
  'cooperative',
  'cooperative_slug',
  'booth_label',
  'booths',
  'products_shown',
  'products',
  'inquiries_during',
  'inquiries_after',
  'inquiries_from_fair',
  'answered',
  'response_rate',
] as const;

/** The row label of the totals record, in the cooperative column. */
export const TOTALS_LABEL = 'TOTAL';

function figureCells(figures: InquiryFigures): CsvCell[] {
  const rate = responseRate(figures);
  return [
    figures.during,
    figures.after,
    figures.fromFair,
    figures.answered,
    rate === null ? '' : Math.round(rate * 1000) / 1000,
  ];
}

export function fairReportCsv(report: FairReport): string {
  const records: CsvCell[][] = report.exhibitors.map((row) => [
    row.cooperative.name,
    row.cooperative.slug,
    row.boothLabel ?? '',
    row.booths,
    row.products.length,
    row.products.map((p) => p.nameVi).join('; '),
    ...figureCells(row),
  ]);
  if (report.allExhibitors) {
    const t = report.totals;
    records.push([TOTALS_LABEL, '', '', '', t.products, '', ...figureCells(t)]);
  }
  return `${CSV_BYTE_ORDER_MARK}${csvRecords([FAIR_REPORT_CSV_COLUMNS, ...records])}`;
}
