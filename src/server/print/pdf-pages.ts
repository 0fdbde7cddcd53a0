/**
 * What every page of our multi-page PDFs carries at its foot: "Trang 2/5"
 * at the right (and, when given, a running title at the left), written once
 * the page count is known. The department report and the fair catalogue.
 */
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { format } from '../../i18n';
import { withEllipsis } from './label-sheet';
import type { TextMeasure } from './pdf-fonts';

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
