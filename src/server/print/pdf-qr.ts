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
  fill,
  type PDFDocument,
  type PDFName,
  type PDFPage,
  type PDFRef,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingGrayscaleColor,
} from 'pdf-lib';
import { qrModules } from '../provenance/qr';
import type { Box } from './label-layouts';

export interface QrSymbol {
  ref: PDFRef;
  /** Modules on a side, quiet zone included. */
  modules: number;
}

/** The symbol of `address` as a Form XObject registered in `doc`. */
export function qrSymbol(doc: PDFDocument, address: string): QrSymbol {
  const modules = qrModules(address);
  const count = modules.length;
  const operators = [setFillingGrayscaleColor(1), rectangle(0, 0, count, count), fill(), setFillingGrayscaleColor(0)];
  modules.forEach((row, y) => {
    for (let x = 0; x < count; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (row[x + run]) run++;
      // Row 0 is the symbol's top; PDF's y axis points up.
      operators.push(rectangle(x, count - 1 - y, run, 1));
      x += run;
    }
  });
  operators.push(fill());
  const form = doc.context.formXObject(operators, { BBox: [0, 0, count, count] });
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
