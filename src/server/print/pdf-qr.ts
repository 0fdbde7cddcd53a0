/**
 * QR codes in our PDFs, drawn as filled rectangles (vector, sharp at any
 * printer resolution): one Form XObject per address, one unit per module,
 * quiet zone included, black on an opaque white square. A label sheet draws
 * one symbol at every label; a fair's catalogue draws one per product. Tests
 * find and decode them where the page draws these forms (tests/support/pdf.ts).
 */
import {
  concatTransformationMatrix,
  drawObject,
  type PDFDocument,
  type PDFName,
  type PDFPage,
  type PDFRef,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import { qrModules } from '../provenance/qr';
import type { Box } from './label-layouts';

export interface QrSymbol {
  ref: PDFRef;
  /** Modules on a side, quiet zone included. */
  modules: number;
}

/**
 * The symbol of `address` as a Form XObject registered in `doc`. Its content
 * is written as text and deflated, not as pdf-lib operator objects: a code is
 * a few hundred rectangles, and a catalogue of 240 products held them as
 * objects took tens of megabytes of a Worker's 128 (bench/fair-catalogue.ts).
 */
export function qrSymbol(doc: PDFDocument, address: string): QrSymbol {
  const modules = qrModules(address);
  const count = modules.length;
  // White square (grey level 1), then the dark modules (0), each row's runs as rectangles, filled at once.
  const content = ['1 g', `0 0 ${count} ${count} re`, 'f', '0 g'];
  modules.forEach((row, y) => {
    for (let x = 0; x < count; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (row[x + run]) run++;
      // Row 0 is the symbol's top; PDF's y axis points up.
      content.push(`${x} ${count - 1 - y} ${run} 1 re`);
      x += run;
    }
  });
  content.push('f');
  const form = doc.context.flateStream(content.join('\n'), {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, count, count],
    Matrix: [1, 0, 0, 1, 0, 0],
  });
  return { ref: doc.context.register(form), modules: count };
}

/** Draws a symbol (named on the page by `name`, see PDFPage.node.newXObject) scaled into the square `box`. */
export function drawQrSymbol(page: PDFPage, name: PDFName, modules: number, box: Box): void {
  const scale = box.width / modules;
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(scale, 0, 0, scale, box.x, box.y),
    drawObject(name),
    popGraphicsState(),
  );
}
