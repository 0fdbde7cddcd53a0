/**
 * Reads PDFs the way a printer would, without a canvas: pdf.js parses the
 * file and lists each page's drawing operators; the filled rectangles (a
 * vector QR code's modules) are painted into a 1-bit bitmap in page space,
 * then any region of it can be handed to jsQR. Only axis-aligned rectangle
 * paths and scale/translate matrices are supported: what our PDFs draw.
 */
import jsQR from 'jsqr';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api';

export function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdf.js takes ownership of (detaches) the buffer it is given.
  return getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  n[0] * m[0] + n[1] * m[2],
  n[0] * m[1] + n[1] * m[3],
  n[2] * m[0] + n[3] * m[2],
  n[2] * m[1] + n[3] * m[3],
  n[4] * m[0] + n[5] * m[2] + m[4],
  n[4] * m[1] + n[5] * m[3] + m[5],
];

/** pdf.js' path opcodes inside constructPath (src/shared/util.js DrawOPS). */
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

export interface PageBitmap {
  /** Pixels per point. */
  scale: number;
  width: number;
  height: number;
  /** 1 = dark, row 0 at the page's top. */
  dark: Uint8Array;
  /** Filled shapes that were not axis-aligned rectangles (none expected). */
  unsupported: number;
  /** Where each Form XObject was drawn (our QR codes are one each, pdf-qr.ts), in points from the page's bottom-left corner. */
  forms: { x: number; y: number; width: number; height: number }[];
}

/** The page's rectangle fills painted black or white (by their fill colour's lightness) at `scale` pixels per point. */
export async function rasteriseFills(page: PDFPageProxy, scale: number): Promise<PageBitmap> {
  const [, , pageWidth, pageHeight] = page.view as [number, number, number, number];
  const width = Math.ceil(pageWidth * scale);
  const height = Math.ceil(pageHeight * scale);
  const dark = new Uint8Array(width * height);
  const { fnArray, argsArray } = await page.getOperatorList();
  const stack: { ctm: Matrix; fillDark: boolean }[] = [];
  let state = { ctm: [1, 0, 0, 1, 0, 0] as Matrix, fillDark: true };
  let unsupported = 0;
  const forms: PageBitmap['forms'] = [];

  const paint = (x0: number, y0: number, x1: number, y1: number, value: number) => {
    const [a, , , d, e, f] = state.ctm;
    const px = [a * x0 + e, a * x1 + e].map((v) => v * scale).sort((p, q) => p - q) as [number, number];
    const py = [d * y0 + f, d * y1 + f].map((v) => (pageHeight - v) * scale).sort((p, q) => p - q) as [number, number];
    for (let y = Math.max(0, Math.round(py[0])); y < Math.min(height, Math.round(py[1])); y++)
      dark.fill(value, y * width + Math.max(0, Math.round(px[0])), y * width + Math.min(width, Math.round(px[1])));
  };

  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push(state);
        state = { ...state };
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform:
        state.ctm = multiply(state.ctm, args as Matrix);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push(state);
        state = { ...state, ctm: multiply(state.ctm, Array.from(args[0] as ArrayLike<number>) as Matrix) };
        const [x0, y0, x1, y1] = Array.from((args[1] as ArrayLike<number> | null) ?? [0, 0, 0, 0]);
        const [a, , , d, e, f] = state.ctm;
        const xs = [a * x0! + e, a * x1! + e].sort((p, q) => p - q) as [number, number];
        const ys = [d * y0! + f, d * y1! + f].sort((p, q) => p - q) as [number, number];
        forms.push({ x: xs[0], y: ys[0], width: xs[1] - xs[0], height: ys[1] - ys[0] });
        break;
      }
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.setFillRGBColor: {
        const hex = args[0] as string;
        const grey =
          (parseInt(hex.slice(1, 3), 16) + parseInt(hex.slice(3, 5), 16) + parseInt(hex.slice(5, 7), 16)) / 3;
        state.fillDark = grey < 128;
        break;
      }
      case OPS.constructPath: {
        const [op, [data]] = args as [number, [ArrayLike<number> | null]];
        if (op !== OPS.fill && op !== OPS.eoFill) break;
        for (const shape of subpaths(data ?? [])) {
          const xs = shape.map((p) => p[0]);
          const ys = shape.map((p) => p[1]);
          const axisAligned = shape.length === 4 && shape.every((p) => xs.filter((x) => x === p[0]).length === 2);
          if (!axisAligned) unsupported++;
          else paint(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys), state.fillDark ? 1 : 0);
        }
        break;
      }
    }
  });
  return { scale, width, height, dark, unsupported, forms };
}

/** The points of each subpath of a pdf.js path (moves and lines only; anything curved ends up as an odd shape). */
function subpaths(data: ArrayLike<number>): [number, number][][] {
  const shapes: [number, number][][] = [];
  let current: [number, number][] = [];
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    if (op === DRAW.moveTo) {
      if (current.length) shapes.push(current);
      current = [[data[i++]!, data[i++]!]];
    } else if (op === DRAW.lineTo) current.push([data[i++]!, data[i++]!]);
    else if (op === DRAW.closePath) {
      if (current.length) shapes.push(current);
      current = [];
    } else {
      i += op === DRAW.curveTo ? 6 : 4;
      current.push([NaN, NaN]);
    }
  }
  if (current.length) shapes.push(current);
  return shapes;
}

/** jsQR's reading of a region of the bitmap given in points from the page's bottom-left corner (PDF space). */
export function decodeQrIn(
  bitmap: PageBitmap,
  pageHeight: number,
  box: { x: number; y: number; width: number; height: number },
): string | null {
  const left = Math.floor(box.x * bitmap.scale);
  const top = Math.floor((pageHeight - box.y - box.height) * bitmap.scale);
  const width = Math.ceil(box.width * bitmap.scale);
  const height = Math.ceil(box.height * bitmap.scale);
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const inside = left + x < bitmap.width && top + y < bitmap.height;
      if (inside && bitmap.dark[(top + y) * bitmap.width + left + x])
        rgba.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  return jsQR(rgba, width, height)?.data ?? null;
}

/** The page's text, one string per text run, in drawing order. */
export async function pageText(page: PDFPageProxy): Promise<string[]> {
  const content = await page.getTextContent();
  return content.items.flatMap((item) => ('str' in item && item.str ? [item.str] : []));
}
