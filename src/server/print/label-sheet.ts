/**
 * A PDF of label sheets: the same label (a product's, or one batch's) in
 * every position of `sheets` A4 sheets of one layout (label-layouts.ts).
 *
 * Each label: the QR code of the label address on the left, drawn as filled
 * rectangles (vector, sharp at any printer resolution), and on the right the
 * product name, lot, best-before date and the short trace code people can
 * type in when a code will not scan. Text is set in DejaVu Sans, embedded and
 * subset to the glyphs used, so Vietnamese prints on any reader or printer.
 *
 * The code is the same on every label, so it is one Form XObject drawn at
 * each position: a sheet of 240 labels costs one symbol, not 240.
 */
import { PDFDocument, type PDFFont, type PDFName, type PDFPage, rgb } from 'pdf-lib';
import { drawQrSymbol, qrSymbol } from './pdf-qr';
import { embedDejaVu, type TextMeasure } from './pdf-fonts';
import { A4_MM, type Box, LABEL_LAYOUTS, type LabelLayoutId, labelBoxes, mm } from './label-layouts';

/** What one label says, already in the label's language. */
export interface LabelContent {
  /** The product's name. */
  name: string;
  /** The batch's lot code exactly as recorded; null on a product's own label. */
  lotCode: string | null;
  /** The best-before date as it should read (formatted by the caller); null when the batch has none. */
  bestBefore: string | null;
  /** The portal's short code for the product, for people to type at /truy-xuat. */
  traceCode: string;
  /** The absolute label address the QR code encodes. */
  address: string;
}

/** The words before each value, in the label's language. */
export interface LabelWords {
  lot: string;
  bestBefore: string;
  traceCode: string;
}

export interface LabelSheetRequest {
  layout: LabelLayoutId;
  sheets: number;
  content: LabelContent;
  words: LabelWords;
  /** The document's title and language (PDF/UA readers announce them). */
  title: string;
  language: string;
}

/** White space inside each label's edge: die-cut labels shift by about a millimetre in a printer. */
const PADDING_MM = 2.5;
/** The code takes at most this share of a label's width, leaving the rest to the text. */
const QR_MAX_WIDTH_SHARE = 0.42;
const LINE_HEIGHT = 1.2;
/** Name sizes tried from large to small until the text fits; below the smallest it is cut with an ellipsis. */
const NAME_SIZE = { max: 14, min: 7 } as const;
/** Lot, best-before and trace lines: the smallest size still legible on a 300 dpi label printer. */
const DETAIL_SIZE = { max: 9, min: 6 } as const;
const NAME_MAX_LINES = 3;
const ELLIPSIS = '…';

export async function labelSheetPdf(request: LabelSheetRequest): Promise<Uint8Array> {
  const layout = LABEL_LAYOUTS[request.layout];
  const doc = await PDFDocument.create();
  doc.setTitle(request.title, { showInWindowTitleBar: true });
  doc.setLanguage(request.language);
  doc.setCreator('Chợ HTX');
  doc.setProducer('Chợ HTX');
  const { regular, bold } = await embedDejaVu(doc);

  const qr = qrSymbol(doc, request.content.address);
  const boxes = labelBoxes(layout);
  // Every label is the same, so the text is laid out once and drawn at each position.
  // Names typed on some keyboards arrive decomposed (a letter, then its marks); the font's precomposed letters print better.
  const content = { ...request.content, name: request.content.name.normalize('NFC') };
  const drawing = layOutLabel(boxes[0]!, content, request.words, { regular, bold });
  for (let sheet = 0; sheet < request.sheets; sheet++) {
    const page = doc.addPage([mm(A4_MM.width), mm(A4_MM.height)]);
    const qrName = page.node.newXObject('QR', qr.ref);
    for (const box of boxes) drawLabel(page, box, drawing, qrName, qr.modules);
  }
  return doc.save();
}

interface TextLine {
  text: string;
  font: PDFFont;
  size: number;
  /** From the label's top edge to the line's baseline, in points. */
  baseline: number;
}

/** Where the code and each line of text go, relative to the label's bottom-left corner. */
interface LabelDrawing {
  qr: Box;
  textX: number;
  lines: TextLine[];
}

/**
 * The label's geometry for a box of this size: the code as large as the
 * height allows (within its share of the width), then the text in the rest,
 * the name shrunk until it fits in three lines with the details below it.
 */
export function layOutLabel(
  box: Box,
  content: LabelContent,
  words: LabelWords,
  fontsToUse: { regular: PDFFont; bold: PDFFont },
): LabelDrawing {
  const padding = mm(PADDING_MM);
  const qrSide = Math.min(box.height - 2 * padding, box.width * QR_MAX_WIDTH_SHARE);
  const qr = { x: padding, y: (box.height - qrSide) / 2, width: qrSide, height: qrSide };
  // The code's quiet zone is its white margin on the text side too.
  const textX = padding + qrSide;
  const textWidth = box.width - textX - padding;
  const available = box.height - 2 * padding;

  const details = [
    content.lotCode === null ? null : `${words.lot}: ${content.lotCode}`,
    content.bestBefore === null ? null : `${words.bestBefore}: ${content.bestBefore}`,
    `${words.traceCode}: ${content.traceCode}`,
  ].filter((line): line is string => line !== null);
  const detailSize = Math.min(DETAIL_SIZE.max, Math.max(DETAIL_SIZE.min, available / 10));
  const detailLines = details.map((text) => fitOneLine(text, fontsToUse.regular, detailSize, textWidth));
  const detailsHeight = detailLines.reduce((sum, line) => sum + line.size * LINE_HEIGHT, 0);

  const name = nameLines(content.name, fontsToUse.bold, textWidth, available - detailsHeight);
  const lines: TextLine[] = [];
  let top = padding;
  for (const text of name.lines) {
    lines.push({ text, font: fontsToUse.bold, size: name.size, baseline: top + name.size });
    top += name.size * LINE_HEIGHT;
  }
  // The details sit at the bottom, where people look for dates; the name keeps the top.
  let bottom = box.height - padding - detailsHeight;
  for (const line of detailLines) {
    lines.push({ text: line.text, font: fontsToUse.regular, size: line.size, baseline: bottom + line.size });
    bottom += line.size * LINE_HEIGHT;
  }
  return { qr, textX, lines };
}

/** The name at the largest size whose wrapped lines fit the height and line count; cut with an ellipsis at the smallest. */
function nameLines(name: string, font: PDFFont, width: number, height: number): { lines: string[]; size: number } {
  for (let size = NAME_SIZE.max; size >= NAME_SIZE.min; size -= 0.5) {
    const maxLines = Math.min(NAME_MAX_LINES, Math.floor(height / (size * LINE_HEIGHT)));
    const lines = wrap(name, font, size, width);
    if (lines.length <= maxLines) return { lines, size };
  }
  const size = NAME_SIZE.min;
  const maxLines = Math.max(1, Math.min(NAME_MAX_LINES, Math.floor(height / (size * LINE_HEIGHT))));
  const lines = wrap(name, font, size, width).slice(0, maxLines);
  lines[maxLines - 1] = withEllipsis(`${lines[maxLines - 1]!}${ELLIPSIS}`, font, size, width);
  return { lines, size };
}

/** Words onto lines no wider than `width`; a word longer than a line is broken between letters. */
export function wrap(text: string, font: Pick<PDFFont, 'widthOfTextAtSize'>, size: number, width: number): string[] {
  const fits = (line: string) => font.widthOfTextAtSize(line, size) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (!fits(line)) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** One line at the largest size from `size` down that fits; still too wide at the smallest, it is cut with an ellipsis. */
function fitOneLine(text: string, font: PDFFont, size: number, width: number): { text: string; size: number } {
  for (let at = size; at >= DETAIL_SIZE.min; at -= 0.5) {
    if (font.widthOfTextAtSize(text, at) <= width) return { text, size: at };
  }
  return { text: withEllipsis(text, font, DETAIL_SIZE.min, width), size: DETAIL_SIZE.min };
}

export function withEllipsis(text: string, font: TextMeasure, size: number, width: number): string {
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(cut, size) > width) cut = `${cut.slice(0, -2)}${ELLIPSIS}`;
  return cut;
}

function drawLabel(page: PDFPage, box: Box, drawing: LabelDrawing, qrName: PDFName, modules: number): void {
  drawQrSymbol(page, qrName, modules, { ...drawing.qr, x: box.x + drawing.qr.x, y: box.y + drawing.qr.y });
  for (const line of drawing.lines) {
    page.drawText(line.text, {
      x: box.x + drawing.textX,
      y: box.y + box.height - line.baseline,
      size: line.size,
      font: line.font,
      color: rgb(0, 0, 0),
    });
  }
}
