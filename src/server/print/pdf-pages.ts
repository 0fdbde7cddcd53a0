/**
 * The pages of our multi-page PDFs, the department report and the fair
 * catalogue: their size and margins (an A4 sheet either way up), and what
 * every page carries at its foot: "Trang 2/5" at the right (and, when given,
 * a running title at the left), written once the page count is known, half
 * way down the bottom margin.
 */
import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { format } from '../../i18n';
import { withEllipsis } from './label-sheet';
import { A4_MM, mm } from './label-layouts';
import type { TextMeasure } from './pdf-fonts';

/** A document's page size and margins, in points. */
export interface PageSetup {
  width: number;
  height: number;
  /** At the left and right (`x`), and at the top and bottom (`y`). */
  margin: { x: number; y: number };
  /** Between the side margins. */
  contentWidth: number;
}

/** ISO 216 A4, portrait or landscape, with margins given in millimetres. */
export function a4Pages(orientation: 'portrait' | 'landscape', marginMm: { x: number; y: number }): PageSetup {
  const [short, long] = [mm(A4_MM.width), mm(A4_MM.height)];
  const [width, height] = orientation === 'portrait' ? [short, long] : [long, short];
  const margin = { x: mm(marginMm.x), y: mm(marginMm.y) };
  return { width, height, margin, contentWidth: width - 2 * margin.x };
}

/** A new page of the setup's size at the end of the document, and the y of its top margin (PDF's y axis points up). */
export function addPage(doc: PDFDocument, setup: PageSetup): { page: PDFPage; top: number } {
  const page = doc.addPage([setup.width, setup.height]);
  return { page, top: setup.height - setup.margin.y };
}

/** Where a page's foot goes in a setup: from the side margins, half way down the bottom one. */
export const footPlace = (setup: PageSetup): Pick<PageFoot, 'margin' | 'baseline'> => ({
  margin: setup.margin.x,
  baseline: setup.margin.y / 2,
});

export interface PageFoot {
  font: PDFFont;
  measure: TextMeasure;
  size: number;
  /** The page number's words, with {page} and {pages}. */
  template: string;
  /** From the page's left and right edges to the text. */
  margin: number;
  /** From the page's bottom edge to the baseline. */
  baseline: number;
  /** Written at the left of every page (an event's title), cut to the room left by the number. */
  runningTitle?: string;
}

export function numberPages(doc: PDFDocument, foot: PageFoot): void {
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const text = format(foot.template, { page: i + 1, pages: pages.length });
    const width = foot.measure.widthOfTextAtSize(text, foot.size);
    const right = page.getWidth() - foot.margin;
    page.drawText(text, { x: right - width, y: foot.baseline, size: foot.size, font: foot.font });
    if (!foot.runningTitle) return;
    const room = right - width - foot.margin - foot.size * 2;
    const title = withEllipsis(foot.runningTitle, foot.measure, foot.size, room);
    page.drawText(title, { x: foot.margin, y: foot.baseline, size: foot.size, font: foot.font });
  });
}
