import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  type CatalogueExhibitorEntry,
  type CataloguePdfRequest,
  cataloguePdf,
} from '../../src/server/print/catalogue-pdf';
import { decodeQrIn, openPdf, pageText, rasteriseFills } from '../support/pdf';

const photo = async (format: 'jpeg' | 'png') => ({
  bytes: new Uint8Array(
    await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 190, g: 120, b: 40 } } })
      [format]()
      .toBuffer(),
  ),
  type: `image/${format}` as const,
});

const address = (slug: string) => `https://cho-htx.vn/san-pham/${slug}?nguon=danh-muc.hoi-cho-ocop-ha-noi-2026`;

async function exhibitors(count: number, productsEach: number): Promise<CatalogueExhibitorEntry[]> {
  const jpeg = await photo('jpeg');
  const png = await photo('png');
  return Array.from({ length: count }, (_, e) => ({
    name: `Hợp tác xã Nông nghiệp Hữu cơ Mường Lò số ${e + 1}`,
    detail: `Yên Bái · 2 gian hàng · Gian A${e + 1}`,
    products: Array.from({ length: productsEach }, (_, p) => ({
      name: p === 0 ? 'Trà Shan tuyết cổ thụ Suối Giàng đặc biệt' : `Mật ong bạc hà Mèo Vạc loại ${p}`,
      rating: p % 2 === 0 ? 'OCOP 4 sao' : null,
      address: address(`san-pham-${e + 1}-${p + 1}`),
      photo: p % 3 === 0 ? jpeg : p % 3 === 1 ? png : null,
    })),
  }));
}

const request = async (count: number, productsEach: number): Promise<CataloguePdfRequest> => ({
  title: 'Danh mục gian hàng: Hội chợ OCOP Hà Nội 2026',
  when: '12–15/12/2026 · Cung Văn hoá Hữu nghị, 91 Trần Hưng Đạo',
  lead: 'Các hợp tác xã đã được xác nhận tham gia, gian hàng và sản phẩm của họ.',
  exhibitors: await exhibitors(count, productsEach),
  words: { noProducts: 'Hợp tác xã chưa chọn sản phẩm trưng bày.', continued: '(tiếp)', page: 'Trang {page}/{pages}' },
  note: null,
  language: 'vi-VN',
});

describe('fair catalogue PDF', () => {
  it('prints A4 pages whose every QR code decodes to its product’s address with the fair as source', async () => {
    const input = await request(5, 5);
    const pdf = await openPdf(await cataloguePdf(input));
    expect(pdf.numPages).toBeGreaterThan(1);
    const decoded: (string | null)[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const [, , width, height] = page.view as [number, number, number, number];
      expect(width).toBeCloseTo(595.28, 1);
      expect(height).toBeCloseTo(841.89, 1);
      const bitmap = await rasteriseFills(page, 3);
      expect(bitmap.unsupported).toBe(0);
      for (const box of bitmap.forms) {
        // On the page, each code at least 12 mm from the sheet's edges (inside the print margins).
        expect(box.x).toBeGreaterThan(34);
        expect(box.x + box.width).toBeLessThan(width - 34);
        expect(box.width).toBeCloseTo(70.87, 1);
        decoded.push(decodeQrIn(bitmap, height, box));
      }
    }
    expect(decoded).toEqual(input.exhibitors.flatMap((e) => e.products.map((p) => p.address)));
  }, 60_000);

  it('writes names, ratings, booths and page numbers as Vietnamese text a reader can copy', async () => {
    const pdf = await openPdf(await cataloguePdf(await request(3, 4)));
    const first = (await pageText(await pdf.getPage(1))).join('\n');
    expect(first).toContain('Danh mục gian hàng: Hội chợ OCOP Hà Nội 2026');
    expect(first).toContain('Hợp tác xã Nông nghiệp Hữu cơ Mường Lò số 1');
    expect(first).toContain('Yên Bái · 2 gian hàng · Gian A1');
    expect(first.replace(/\n/g, ' ')).toContain('Trà Shan tuyết cổ thụ');
    expect(first).toContain('OCOP 4 sao');
    expect(first).toContain(`Trang 1/${pdf.numPages}`);
  });

  it('never leaves an exhibitor’s name alone at a page’s foot, and names it again where its products run on', async () => {
    const pdf = await openPdf(await cataloguePdf(await request(2, 30)));
    for (let number = 1; number <= pdf.numPages; number++) {
      const text = await pageText(await pdf.getPage(number));
      const headings = text.filter((line) => line.startsWith('Hợp tác xã Nông nghiệp'));
      // Every page shows the exhibitor whose products it holds; the last thing on a page is never a heading.
      expect(headings.length).toBeGreaterThan(0);
      const lastProduct = text.findLastIndex((line) => line.startsWith('https://'));
      const lastHeading = text.findLastIndex((line) => line.startsWith('Hợp tác xã Nông nghiệp'));
      expect(lastHeading).toBeLessThan(lastProduct);
      if (number > 1 && number < pdf.numPages) expect(headings[0]).toMatch(/\(tiếp\)$/);
    }
  }, 60_000);

  it('says so for an exhibitor without products, and embeds a photo shown on several products once', async () => {
    // The first and last exhibitors show the same JPEG and PNG (as a cooperative reuses its photo).
    const input = await request(3, 3);
    input.exhibitors[1]!.products = [];
    const bytes = await cataloguePdf(input);
    const pdf = await openPdf(bytes);
    expect((await pageText(await pdf.getPage(1))).join('\n')).toContain('Hợp tác xã chưa chọn sản phẩm trưng bày.');
    const parsed = await PDFDocument.load(bytes);
    const dictionaries = parsed.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((object) => object instanceof PDFDict);
    const images = parsed.context
      .enumerateIndirectObjects()
      .flatMap(([, object]) => (object instanceof PDFRawStream ? [object.dict] : []))
      .filter((dict) => dict.get(PDFName.of('Subtype')) === PDFName.of('Image'));
    // The JPEG (DCTDecode) and the PNG (Flate) shown on several products, each stored once.
    expect(images.map((dict) => dict.get(PDFName.of('Filter'))?.toString()).sort()).toEqual([
      '/DCTDecode',
      '/FlateDecode',
    ]);
    expect(dictionaries.filter((dict) => dict.get(PDFName.of('FontFile2')))).toHaveLength(2);
  });

  it('leaves out a photo it cannot read, and keeps the product', async () => {
    const input = await request(1, 1);
    input.exhibitors[0]!.products[0]!.photo = { bytes: new Uint8Array([1, 2, 3]), type: 'image/jpeg' };
    const pdf = await openPdf(await cataloguePdf(input));
    const page = await pdf.getPage(1);
    const bitmap = await rasteriseFills(page, 3);
    expect(bitmap.forms.map((box) => decodeQrIn(bitmap, page.view[3]!, box))).toEqual([
      input.exhibitors[0]!.products[0]!.address,
    ]);
  });
});
