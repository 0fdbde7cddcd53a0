import { decode as decodePng } from 'fast-png';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { QR_PNG_SIZE, QR_QUIET_ZONE, QrSizeError, qrModules, qrPng, qrSvg } from '../../src/server/provenance/qr';

const URL_WITH_GTIN = 'https://cho-htx.vn/01/08938505974194/10/LN2026-06A';

/** The error correction level written in a symbol's format information (ISO/IEC 18004 §7.9), read back from the modules. */
function errorCorrectionOf(modules: boolean[][]): string {
  const at = (x: number, y: number) => (modules[y + QR_QUIET_ZONE]![x + QR_QUIET_ZONE] ? 1 : 0);
  // Format bits 14 and 13 sit at (0, 8) and (1, 8); the level is masked with the top bits of 0x5412 (binary 10).
  const level = ((at(0, 8) << 1) | at(1, 8)) ^ 0b10;
  return ['medium', 'low', 'high', 'quartile'][level]!;
}

/** The dark modules an SVG path of `Mx yhNv1h-Nz` runs paints. */
function paintedBy(svg: string, width: number): boolean[][] {
  const painted = Array.from({ length: width }, () => Array<boolean>(width).fill(false));
  const d = /<path fill="#000" d="([^"]*)"\/>/.exec(svg)?.[1] ?? '';
  for (const [, x, y, run] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let i = 0; i < Number(run); i++) painted[Number(y)]![Number(x) + i] = true;
  }
  expect(d.replace(/M(\d+) (\d+)h(\d+)v1h-\3z/g, '')).toBe('');
  return painted;
}

function rgbaOf(png: Uint8Array) {
  const image = decodePng(png);
  const rgba = new Uint8ClampedArray(image.width * image.height * 4).fill(255);
  const bytesPerRow = Math.ceil(image.width / 8);
  const dark = (x: number, y: number) => !((image.data[y * bytesPerRow + (x >> 3)]! >> (7 - (x & 7))) & 1);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++)
      if (dark(x, y)) rgba.fill(0, (y * image.width + x) * 4, (y * image.width + x) * 4 + 3);
  }
  return { image, rgba, dark };
}

describe('qrModules', () => {
  it('is a square symbol of 17 + 4·version modules inside a light quiet zone of 4', () => {
    const modules = qrModules(URL_WITH_GTIN);
    const symbol = modules.length - 2 * QR_QUIET_ZONE;
    expect(modules.every((row) => row.length === modules.length)).toBe(true);
    expect((symbol - 17) % 4).toBe(0);
    for (let i = 0; i < modules.length; i++) {
      for (let q = 0; q < QR_QUIET_ZONE; q++) {
        expect([
          modules[q]![i],
          modules[modules.length - 1 - q]![i],
          modules[i]![q],
          modules[i]![modules.length - 1 - q],
        ]).toEqual([false, false, false, false]);
      }
    }
    // A finder pattern's dark outer ring begins right after the quiet zone.
    expect(modules[QR_QUIET_ZONE]!.slice(QR_QUIET_ZONE, QR_QUIET_ZONE + 8)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it('uses error correction level Q, which survives a scuffed label', () => {
    expect(errorCorrectionOf(qrModules(URL_WITH_GTIN))).toBe('quartile');
    expect(errorCorrectionOf(qrModules('https://cho-htx.vn/truy-xuat/B8AWS4D7'))).toBe('quartile');
  });

  it('is the same for the same text (labels printed twice match)', () => {
    expect(qrModules(URL_WITH_GTIN)).toEqual(qrModules(URL_WITH_GTIN));
  });
});

describe('qrSvg', () => {
  it('draws exactly the dark modules, on a white square, with a viewBox of one unit per module', () => {
    const modules = qrModules(URL_WITH_GTIN);
    const width = modules.length;
    const svg = qrSvg(URL_WITH_GTIN);
    expect(svg).toMatch(
      new RegExp(
        `^<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${width}" width="${width * 8}" height="${width * 8}" `,
      ),
    );
    expect(svg).toContain(`<rect width="${width}" height="${width}" fill="#fff"/>`);
    expect(paintedBy(svg, width)).toEqual(modules);
  });

  it('renders crisp and is named by its text for assistive technology', () => {
    const svg = qrSvg(URL_WITH_GTIN);
    expect(svg).toContain('shape-rendering="crispEdges"');
    expect(svg).toContain(
      'role="img" aria-labelledby="qr-title"><title id="qr-title">https://cho-htx.vn/01/08938505974194/10/LN2026-06A</title>',
    );
  });

  it('escapes the text in its title', () => {
    expect(qrSvg('a<b>&"c\'')).toContain('<title id="qr-title">a&#60;b&#62;&#38;&#34;c&#39;</title>');
  });
});

describe('qrPng', () => {
  it('is a 1-bit greyscale PNG of the default size that decodes back to the text', () => {
    const { image, rgba } = rgbaOf(qrPng(URL_WITH_GTIN));
    expect({ width: image.width, height: image.height, depth: image.depth, channels: image.channels }).toEqual({
      width: QR_PNG_SIZE.default,
      height: QR_PNG_SIZE.default,
      depth: 1,
      channels: 1,
    });
    expect(jsQR(rgba, image.width, image.height)?.data).toBe(URL_WITH_GTIN);
  });

  it('gives every module the same whole number of pixels, centred, the rest white margin', () => {
    const modules = qrModules(URL_WITH_GTIN);
    const size = 300;
    const scale = Math.floor(size / modules.length);
    const offset = Math.floor((size - modules.length * scale) / 2);
    const { image, dark } = rgbaOf(qrPng(URL_WITH_GTIN, size));
    expect(image.width).toBe(size);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const mx = Math.floor((x - offset) / scale);
        const my = Math.floor((y - offset) / scale);
        const expected = x >= offset && y >= offset && (modules[my]?.[mx] ?? false);
        if (dark(x, y) !== expected) throw new Error(`pixel ${x},${y} should be ${expected ? 'dark' : 'light'}`);
      }
    }
  });

  it.each([QR_PNG_SIZE.min - 1, QR_PNG_SIZE.max + 1, 200.5, Number.NaN])('refuses size %s', (size) => {
    expect(() => qrPng(URL_WITH_GTIN, size)).toThrow(QrSizeError);
  });
});
