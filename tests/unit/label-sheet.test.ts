import { PDFDict, PDFDocument, PDFName, type PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { A4_MM, LABEL_LAYOUT_IDS, LABEL_LAYOUTS, labelBoxes, mm } from '../../src/server/print/label-layouts';
import { type LabelContent, labelSheetPdf } from '../../src/server/print/label-sheet';
import { decodeQrIn, openPdf, pageText, rasteriseFills } from '../support/pdf';

const BATCH: LabelContent = {
  name: 'Vải thiều Lục Ngạn sấy khô loại đặc biệt',
  lotCode: 'LN2026/06-A',
  bestBefore: '30/06/2027',
  traceCode: 'VTLN7K2Q',
  address: 'https://cho-htx.vn/01/08938505974194/10/LN2026%2F06-A',
};
const WORDS = { lot: 'Lô', bestBefore: 'HSD', traceCode: 'Mã truy xuất' };

const sheet = (layout: (typeof LABEL_LAYOUT_IDS)[number], sheets: number, content = BATCH) =>
  labelSheetPdf({ layout, sheets, content, words: WORDS, title: `Nhãn ${content.name}`, language: 'vi-VN' });

describe('label sheet PDF', () => {
  it.each(LABEL_LAYOUT_IDS)(
    '%s: A4 pages, and every label’s vector QR code decodes to the label address',
    async (id) => {
      const pdf = await openPdf(await sheet(id, 2));
      expect(pdf.numPages).toBe(2);
      const boxes = labelBoxes(LABEL_LAYOUTS[id]);
      for (let number = 1; number <= 2; number++) {
        const page = await pdf.getPage(number);
        const [, , width, height] = page.view as [number, number, number, number];
        expect(width).toBeCloseTo(595.28, 2);
        expect(height).toBeCloseTo(841.89, 2);
        const bitmap = await rasteriseFills(page, 2);
        expect(bitmap.unsupported).toBe(0);
        const decoded = boxes.map((box) => decodeQrIn(bitmap, height, box));
        expect(decoded).toEqual(boxes.map(() => BATCH.address));
      }
    },
    30_000,
  );

  it('keeps each code inside its label with white around it (nothing dark outside the labels’ codes)', async () => {
    const pdf = await openPdf(await sheet('a4-3x8', 1));
    const page = await pdf.getPage(1);
    const bitmap = await rasteriseFills(page, 2);
    const boxes = labelBoxes(LABEL_LAYOUTS['a4-3x8']);
    const pageHeight = mm(A4_MM.height);
    // Every dark pixel falls in some label's box, at least 2 mm from its edge.
    const margin = mm(2) * bitmap.scale;
    let stray = 0;
    for (let y = 0; y < bitmap.height; y++)
      for (let x = 0; x < bitmap.width; x++) {
        if (!bitmap.dark[y * bitmap.width + x]) continue;
        const inside = boxes.some((box) => {
          const left = box.x * bitmap.scale;
          const top = (pageHeight - box.y - box.height) * bitmap.scale;
          return (
            x >= left + margin &&
            x < left + box.width * bitmap.scale - margin &&
            y >= top + margin &&
            y < top + box.height * bitmap.scale - margin
          );
        });
        if (!inside) stray++;
      }
    expect(stray).toBe(0);
  });

  it('writes the name, lot, best-before and trace code in Vietnamese, as text a reader can copy', async () => {
    const pdf = await openPdf(await sheet('a4-2x5', 1));
    const text = (await pageText(await pdf.getPage(1))).join('\n');
    expect(text).toContain('Vải thiều Lục Ngạn');
    expect(text).toContain('Lô: LN2026/06-A');
    expect(text).toContain('HSD: 30/06/2027');
    expect(text).toContain('Mã truy xuất: VTLN7K2Q');
    // Ten labels on the sheet, each with its trace line.
    expect(text.match(/Mã truy xuất: VTLN7K2Q/g)).toHaveLength(10);
  });

  it('embeds the font, subset to the glyphs used', async () => {
    const bytes = await sheet('a4-3x8', 1);
    const parsed = await PDFDocument.load(bytes);
    const dictionaries = parsed.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((object) => object instanceof PDFDict);
    const embedded = dictionaries.filter((dict) => dict.get(PDFName.of('FontFile2')));
    const baseFonts = dictionaries.map((dict) => dict.get(PDFName.of('BaseFont'))?.toString()).filter(Boolean);
    expect(embedded).toHaveLength(2);
    expect(baseFonts).toEqual(expect.arrayContaining([expect.stringMatching(/^\/DejaVuSans-Bold/)]));
    // Subset per document: each embedded font program is a few kilobytes, not DejaVu's 700 KB (or our 58 KB cut).
    for (const dict of embedded) {
      const file = parsed.context.lookup(dict.get(PDFName.of('FontFile2'))) as PDFRawStream;
      expect(file.getContentsSize()).toBeLessThan(20_000);
    }
  });

  it('leaves out the lot and best-before lines on a product’s own label', async () => {
    const product = { ...BATCH, lotCode: null, bestBefore: null, address: 'https://cho-htx.vn/truy-xuat/VTLN7K2Q' };
    const pdf = await openPdf(await sheet('a4-2x7', 1, product));
    const page = await pdf.getPage(1);
    const text = (await pageText(page)).join('\n');
    expect(text).not.toContain('Lô:');
    expect(text).not.toContain('HSD:');
    const bitmap = await rasteriseFills(page, 2);
    expect(decodeQrIn(bitmap, page.view[3]!, labelBoxes(LABEL_LAYOUTS['a4-2x7'])[13]!)).toBe(product.address);
  });

  it('cuts a name too long for the label with an ellipsis instead of running off it', async () => {
    const long = { ...BATCH, name: 'Trà hoa vàng Ba Chẽ '.repeat(8).trim() };
    const pdf = await openPdf(await sheet('a4-3x8', 1, long));
    const text = await pageText(await pdf.getPage(1));
    const nameLines = text.slice(0, text.indexOf('Lô: LN2026/06-A'));
    expect(nameLines.length).toBeLessThanOrEqual(3);
    expect(nameLines.at(-1)).toMatch(/…$/);
  });
});
