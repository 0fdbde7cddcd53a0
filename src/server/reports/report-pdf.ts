/**
 * A department report as a PDF the department can sign and send: the
 * heading of an administrative document (the issuing body top left, the
 * national title and motto top right, each centred over its half), the
 * report's title and scope, then the tables of report-tables.ts, the same
 * sections as the page and the workbook.
 *
 * A4 landscape, so the widest table (targets, eleven columns) stays
 * legible; each table's header row is repeated at the top of every page it
 * runs onto, and a row is never split across pages. Text is set in DejaVu
 * Sans (../print/pdf-fonts.ts), subset per document. Built in memory with
 * pdf-lib, which runs on Workers; bench/report-memory.ts measures its time
 * and heap on the national worst case.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { dictionary, type Locale } from '../../i18n';
import { wrap } from '../print/label-sheet';
import { cachedMeasure, embedDejaVu, type PdfFonts, type TextMeasure } from '../print/pdf-fonts';
import { a4Pages, addPage, footPlace, numberPages } from '../print/pdf-pages';
import type { DepartmentReport } from './department-report';
import { cellText, type ReportCell, reportHeading, type ReportTable, reportTables } from './report-tables';

export const PDF_CONTENT_TYPE = 'application/pdf';

/** A4 landscape; 15 mm all round: room for a binder's holes and a printer's unprintable edge. */
const PAGES = a4Pages('landscape', { x: 15, y: 15 });
const MARGIN = PAGES.margin.x;
const CONTENT_WIDTH = PAGES.contentWidth;
const BODY_SIZE = 8;
const LINE = 1.25;
const CELL_PADDING = 3;
const HEADER_FILL = rgb(0.9, 0.9, 0.9);
const RULE = rgb(0.55, 0.55, 0.55);

/** Where the next thing goes: the page being filled and the y of its top (PDF's y axis points up). */
interface Cursor {
  page: PDFPage;
  y: number;
}

class ReportDocument {
  private cursor: Cursor;
  private readonly measures = new Map<PDFFont, TextMeasure>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: PdfFonts,
  ) {
    this.cursor = this.newPage();
  }

  private newPage(): Cursor {
    const { page, top } = addPage(this.doc, PAGES);
    this.cursor = { page, y: top };
    return this.cursor;
  }

  private measure(font: PDFFont): TextMeasure {
    let measure = this.measures.get(font);
    if (!measure) {
      measure = cachedMeasure(font);
      this.measures.set(font, measure);
    }
    return measure;
  }

  /** Room left on the page above the bottom margin (which also keeps the page number clear). */
  private get room(): number {
    return this.cursor.y - MARGIN - BODY_SIZE * 2;
  }

  /** Lines centred over [left, left + width], from the cursor down; returns the y below them. */
  centred(lines: readonly { text: string; bold?: boolean; size: number }[], left: number, width: number, top: number) {
    let y = top;
    for (const line of lines) {
      const font = line.bold ? this.fonts.bold : this.fonts.regular;
      for (const text of wrap(line.text.normalize('NFC'), this.measure(font), line.size, width)) {
        y -= line.size * LINE;
        const textWidth = this.measure(font).widthOfTextAtSize(text, line.size);
        this.cursor.page.drawText(text, { x: left + (width - textWidth) / 2, y, size: line.size, font });
      }
    }
    return y;
  }

  /** A short rule under a heading block, as administrative documents underline the body's name and the motto. */
  rule(centre: number, y: number, width: number) {
    this.cursor.page.drawLine({
      start: { x: centre - width / 2, y },
      end: { x: centre + width / 2, y },
      thickness: 0.6,
    });
  }

  heading(report: DepartmentReport, locale: Locale) {
    const heading = reportHeading(report, locale);
    const words = dictionary(locale).reports.heading;
    const half = CONTENT_WIDTH / 2;
    const top = this.cursor.y;
    const left = this.centred(
      [
        { text: heading.superior, size: 10 },
        { text: heading.department, size: 10, bold: true },
      ],
      MARGIN,
      half * 0.8,
      top,
    );
    this.rule(MARGIN + half * 0.4, left - 4, 60);
    const right = this.centred(
      [
        { text: words.nation, size: 10, bold: true },
        { text: words.motto, size: 10, bold: true },
      ],
      MARGIN + half,
      half,
      top,
    );
    this.rule(MARGIN + half * 1.5, right - 4, this.measure(this.fonts.bold).widthOfTextAtSize(words.motto, 10));
    let y = Math.min(left, right) - 24;
    y = this.centred([{ text: heading.title, size: 13, bold: true }], MARGIN, CONTENT_WIDTH, y);
    y = this.centred(
      [
        { text: heading.scope, size: 10 },
        { text: heading.generated, size: BODY_SIZE },
      ],
      MARGIN,
      CONTENT_WIDTH,
      y - 2,
    );
    this.cursor.y = y - 12;
  }

  private write(text: string, font: PDFFont, size: number) {
    this.cursor.y -= size * LINE;
    this.cursor.page.drawText(text.normalize('NFC'), { x: MARGIN, y: this.cursor.y, size, font });
  }

  /** A row's cells wrapped to their column widths. */
  private layOut(texts: readonly string[], widths: readonly number[], font: PDFFont): string[][] {
    return texts.map((text, i) =>
      text
        .split('\n')
        .flatMap((part) =>
          wrap(part.normalize('NFC'), this.measure(font), BODY_SIZE, (widths[i] ?? 0) - 2 * CELL_PADDING),
        ),
    );
  }

  private rowHeight(cells: readonly string[][]): number {
    return Math.max(1, ...cells.map((lines) => lines.length)) * BODY_SIZE * LINE + 2 * CELL_PADDING;
  }

  private drawRow(
    cells: readonly string[][],
    widths: readonly number[],
    font: PDFFont,
    numeric: readonly boolean[],
    fill: boolean,
  ) {
    const height = this.rowHeight(cells);
    const { page } = this.cursor;
    const bottom = this.cursor.y - height;
    if (fill) page.drawRectangle({ x: MARGIN, y: bottom, width: CONTENT_WIDTH, height, color: HEADER_FILL });
    let x = MARGIN;
    cells.forEach((lines, i) => {
      const width = widths[i] ?? 0;
      lines.forEach((line, n) => {
        const y = this.cursor.y - CELL_PADDING - (n + 1) * BODY_SIZE * LINE + BODY_SIZE * 0.25;
        const textX = numeric[i]
          ? x + width - CELL_PADDING - this.measure(font).widthOfTextAtSize(line, BODY_SIZE)
          : x + CELL_PADDING;
        page.drawText(line, { x: textX, y, size: BODY_SIZE, font });
      });
      x += width;
    });
    page.drawLine({
      start: { x: MARGIN, y: bottom },
      end: { x: MARGIN + CONTENT_WIDTH, y: bottom },
      thickness: 0.4,
      color: RULE,
    });
    this.cursor.y = bottom;
  }

  table(table: ReportTable, locale: Locale) {
    const total = table.columns.reduce((sum, column) => sum + column.width, 0);
    const widths = table.columns.map((column) => (column.width / total) * CONTENT_WIDTH);
    const header = this.layOut(
      table.columns.map((column) => column.header),
      widths,
      this.fonts.bold,
    );
    const headerHeight = this.rowHeight(header);
    const noHeader = table.columns.map(() => false);
    // The section's title stays with its header row and first row: never alone at a page's foot.
    const first = table.rows[0];
    const firstHeight = first ? this.rowHeight(this.layOut(this.texts(first, locale), widths, this.fonts.regular)) : 0;
    if (this.room < 11 * LINE + 6 + headerHeight + firstHeight) this.newPage();
    this.cursor.y -= 6;
    this.write(table.title, this.fonts.bold, 11);
    this.cursor.y -= 4;
    if (table.rows.length === 0) {
      this.write(dictionary(locale).reports.noRows, this.fonts.regular, BODY_SIZE + 1);
      this.cursor.y -= 6;
      return;
    }
    this.drawRow(header, widths, this.fonts.bold, noHeader, true);
    for (const row of table.rows) {
      const cells = this.layOut(this.texts(row, locale), widths, this.fonts.regular);
      if (this.room < this.rowHeight(cells)) {
        this.newPage();
        this.drawRow(header, widths, this.fonts.bold, noHeader, true);
      }
      this.drawRow(
        cells,
        widths,
        this.fonts.regular,
        row.map((cell) => cell !== null && cell.kind !== 'text'),
        false,
      );
    }
    this.cursor.y -= 8;
  }

  private texts(row: readonly ReportCell[], locale: Locale): string[] {
    return row.map((cell) => cellText(cell, locale));
  }

  /** "Trang 2/5" at the foot of every page, once the count is known. */
  numberPages(locale: Locale) {
    numberPages(this.doc, {
      font: this.fonts.regular,
      measure: this.measure(this.fonts.regular),
      size: BODY_SIZE,
      template: dictionary(locale).reports.pdf.page,
      ...footPlace(PAGES),
    });
  }
}

/** The report's PDF bytes. */
export async function reportPdf(report: DepartmentReport, locale: Locale): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const heading = reportHeading(report, locale);
  doc.setTitle(`${heading.title} – ${heading.scope}`, { showInWindowTitleBar: true });
  doc.setLanguage(locale === 'en' ? 'en' : 'vi-VN');
  doc.setAuthor(`${heading.superior} – ${heading.department}`);
  doc.setCreator('Chợ HTX');
  doc.setProducer('Chợ HTX');
  doc.setCreationDate(report.generatedAt);
  doc.setModificationDate(report.generatedAt);
  const writer = new ReportDocument(doc, await embedDejaVu(doc));
  writer.heading(report, locale);
  for (const table of reportTables(report, locale)) writer.table(table, locale);
  writer.numberPages(locale);
  return doc.save();
}
