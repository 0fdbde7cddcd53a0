/**
 * QR codes for labels: text (a label address, see digital-link.ts) to an SVG
 * document or PNG bytes. Pure and synchronous, so it runs the same in the
 * worker, in Node and in tests; no canvas, no Node APIs.
 *
 * The `qr` package encodes (ISO/IEC 18004: version, mask, Reed-Solomon); we
 * only draw its module matrix. Its own SVG has no background, title or size,
 * and it has no PNG, hence the two small renderers below; `fast-png` writes
 * the PNG.
 */
import { encode as encodePng } from 'fast-png';
import { encodeQR } from 'qr';

/**
 * Quartile (about 25% of the symbol recoverable): labels on crates, bottles
 * and bags get creased, wet and curved. Our addresses stay under 80 bytes, so
 * this costs at most one version (a few modules) over medium.
 */
export const QR_ERROR_CORRECTION = 'quartile';

/** The quiet zone the standard asks for around the symbol, in modules (ISO/IEC 18004 §5.3.8). */
export const QR_QUIET_ZONE = 4;

/** PNG edge in pixels: the default suits a label printed at about 4 cm and 300 dpi; the bounds keep CPU and memory small. */
export const QR_PNG_SIZE = { min: 128, default: 512, max: 2048 } as const;

/** How large a standalone SVG opens (its width and height), in CSS pixels per module; it scales freely. */
const SVG_PIXELS_PER_MODULE = 8;

/** The symbol with its quiet zone: `modules[y][x]` is true for a dark module. Square. */
export function qrModules(text: string): boolean[][] {
  return encodeQR(text, 'raw', { ecc: QR_ERROR_CORRECTION, border: QR_QUIET_ZONE });
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The symbol as one SVG path in module units (viewBox `0 0 width width`, quiet
 * zone included): each row's runs of dark modules are one rectangle. For SVG
 * inside a page, several codes to a page (a fair's catalogue).
 */
export function qrSvgPath(text: string): { width: number; path: string } {
  const modules = qrModules(text);
  const width = modules.length;
  let path = '';
  modules.forEach((row, y) => {
    for (let x = 0; x < width; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (row[x + run]) run++;
      path += `M${x} ${y}h${run}v1h-${run}z`;
      x += run;
    }
  });
  return { width, path };
}

/**
 * An SVG document of the code, black on an opaque white square so it also
 * prints on coloured stock. The modules are one path (qrSvgPath), and crispEdges stops anti-aliasing from
 * blurring module edges when it is scaled. The title (the encoded text) names
 * the image when it is opened on its own.
 */
export function qrSvg(text: string): string {
  const { width, path } = qrSvgPath(text);
  const edge = width * SVG_PIXELS_PER_MODULE;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${width}" width="${edge}" height="${edge}" ` +
    `shape-rendering="crispEdges" role="img" aria-labelledby="qr-title">` +
    `<title id="qr-title">${escapeXml(text)}</title>` +
    `<rect width="${width}" height="${width}" fill="#fff"/>` +
    `<path fill="#000" d="${path}"/>` +
    `</svg>`
  );
}

export class QrSizeError extends RangeError {}

/**
 * A 1-bit greyscale PNG `size` pixels square (never smaller than one pixel
 * per module). Modules are a whole number of pixels each, so no module is
 * wider than another; what does not divide evenly becomes extra white margin,
 * split between the sides.
 */
export function qrPng(text: string, size: number = QR_PNG_SIZE.default): Uint8Array {
  if (!Number.isInteger(size) || size < QR_PNG_SIZE.min || size > QR_PNG_SIZE.max) {
    throw new QrSizeError(`PNG size must be an integer from ${QR_PNG_SIZE.min} to ${QR_PNG_SIZE.max}, got ${size}`);
  }
  const modules = qrModules(text);
  const count = modules.length;
  const scale = Math.max(1, Math.floor(size / count));
  const edge = Math.max(size, count);
  const offset = Math.floor((edge - count * scale) / 2);
  const bytesPerRow = Math.ceil(edge / 8);
  // Grey level 1 is white at 1 bit per pixel: start all white, clear the dark pixels.
  const data = new Uint8Array(bytesPerRow * edge).fill(0xff);
  for (let y = 0; y < count * scale; y++) {
    const row = modules[Math.floor(y / scale)]!;
    const rowStart = (offset + y) * bytesPerRow;
    for (let x = 0; x < count * scale; x++) {
      if (!row[Math.floor(x / scale)]) continue;
      const px = offset + x;
      const at = rowStart + (px >> 3);
      data[at] = data[at]! & ~(0x80 >> (px & 7));
    }
  }
  return encodePng({ width: edge, height: edge, data, channels: 1, depth: 1 });
}
