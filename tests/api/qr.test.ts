/**
 * QR codes of labels over the API: statuses, headers, and a round trip — the
 * PNG the API sends, decoded by an independent reader (jsQR), gives back
 * exactly the label address on the configured public origin.
 */
import { and, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { decode as decodePng } from 'fast-png';
import jsQR from 'jsqr';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { API_BASE } from '../../functions/api';
import { qrImagePath } from '../../src/components/provenance/qr-paths';
import { batches, cooperatives, products } from '../../src/server/db/schema';
import { apiOn } from '../support/api';
import { DEMO_NOW, demoDatabase } from '../support/demo';
import { readJson } from '../support/http';

const PUBLIC_ORIGIN = 'https://cho-htx.example.vn';
/** GS1 lot codes may hold `/`, `+`, `%` and `?`; each must reach the label address percent-encoded. */
const AWKWARD_LOT = 'A/7+B%2?x';
const AWKWARD_LOT_IN_PATH = 'A%2F7%2BB%252%3Fx';

interface Picked {
  id: string;
  slug: string;
  gtin: string | null;
  traceCode: string;
}

let db: Database;
let api: ReturnType<typeof apiOn>;
let withGtin: Picked;
let withoutGtin: Picked;
let hidden: Picked;
let batchLot: string;

async function publicProduct(gtin: 'with' | 'without'): Promise<Picked> {
  const [row] = await db
    .select({ id: products.id, slug: products.slug, gtin: products.gtin, traceCode: products.traceCode })
    .from(products)
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .where(
      and(
        eq(products.status, 'published'),
        eq(cooperatives.status, 'active'),
        gtin === 'with' ? isNotNull(products.gtin) : isNull(products.gtin),
        sql`EXISTS (SELECT 1 FROM batches b WHERE b.product_id = ${products.id})`,
      ),
    )
    .orderBy(products.id)
    .limit(1);
  if (!row) throw new Error(`the demo has no public product ${gtin} a GTIN and a batch`);
  return row;
}

beforeAll(async () => {
  db = await demoDatabase();
  api = apiOn(db);
  withGtin = await publicProduct('with');
  withoutGtin = await publicProduct('without');
  const [notPublic] = await db
    .select({ id: products.id, slug: products.slug, gtin: products.gtin, traceCode: products.traceCode })
    .from(products)
    .where(ne(products.status, 'published'))
    .limit(1);
  if (!notPublic) throw new Error('the demo has no unpublished product');
  hidden = notPublic;
  const [batch] = await db
    .select({ lotCode: batches.lotCode })
    .from(batches)
    .where(eq(batches.productId, withGtin.id))
    .limit(1);
  batchLot = batch!.lotCode;
  for (const product of [withGtin, withoutGtin]) {
    await db.insert(batches).values({
      id: `qr-test-${product.id}`,
      productId: product.id,
      lotCode: AWKWARD_LOT,
      productionDate: '2026-10-01',
      quantity: 10,
      quantityUnit: 'kg',
      createdAt: DEMO_NOW,
    });
  }
});

function get(path: string, env: Partial<Env> = { PUBLIC_ORIGIN }) {
  return api.request(`http://localhost${path}`, undefined, env as Env);
}

/** Black and white pixels of a 1-bit greyscale PNG as the RGBA jsQR reads. */
function pixelsOf(png: Uint8Array) {
  const image = decodePng(png);
  expect({ depth: image.depth, channels: image.channels }).toEqual({ depth: 1, channels: 1 });
  const rgba = new Uint8ClampedArray(image.width * image.height * 4).fill(255);
  const bytesPerRow = Math.ceil(image.width / 8);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const white = (image.data[y * bytesPerRow + (x >> 3)]! >> (7 - (x & 7))) & 1;
      if (!white) rgba.fill(0, (y * image.width + x) * 4, (y * image.width + x) * 4 + 3);
    }
  }
  return { rgba, width: image.width, height: image.height };
}

async function decodedPng(path: string): Promise<string | undefined> {
  const res = await get(path);
  expect(res.status).toBe(200);
  const { rgba, width, height } = pixelsOf(new Uint8Array(await res.arrayBuffer()));
  return jsQR(rgba, width, height)?.data;
}

describe('QR round trip: the PNG decodes to the label address on the public origin', () => {
  it('a product with a GTIN encodes its GS1 Digital Link', async () => {
    expect(await decodedPng(`/products/${withGtin.slug}/qr.png`)).toBe(`${PUBLIC_ORIGIN}/01/${withGtin.gtin}`);
  });

  it('a product without a GTIN encodes its short trace address', async () => {
    expect(await decodedPng(`/products/${withoutGtin.slug}/qr.png`)).toBe(
      `${PUBLIC_ORIGIN}/truy-xuat/${withoutGtin.traceCode}`,
    );
  });

  it('a batch encodes its lot, percent-encoded, after the GTIN (AI 10) or the trace code', async () => {
    const path = (p: Picked) => `/products/${p.slug}/batches/${encodeURIComponent(AWKWARD_LOT)}/qr.png`;
    expect(await decodedPng(path(withGtin))).toBe(`${PUBLIC_ORIGIN}/01/${withGtin.gtin}/10/${AWKWARD_LOT_IN_PATH}`);
    expect(await decodedPng(path(withoutGtin))).toBe(
      `${PUBLIC_ORIGIN}/truy-xuat/${withoutGtin.traceCode}/${AWKWARD_LOT_IN_PATH}`,
    );
  });

  it('still decodes at the smallest and the largest size allowed, which are exact', async () => {
    for (const size of [128, 2048]) {
      const res = await get(`/products/${withGtin.slug}/batches/${encodeURIComponent(batchLot)}/qr.png?size=${size}`);
      const { rgba, width, height } = pixelsOf(new Uint8Array(await res.arrayBuffer()));
      expect([width, height]).toEqual([size, size]);
      expect(jsQR(rgba, width, height)?.data).toBe(
        `${PUBLIC_ORIGIN}/01/${withGtin.gtin}/10/${encodeURIComponent(batchLot)}`,
      );
    }
  });

  it('uses the request’s origin when PUBLIC_ORIGIN is not set', async () => {
    const res = await get(`/products/${withGtin.slug}/qr.svg`, {});
    expect(await res.text()).toContain(`<title id="qr-title">http://localhost/01/${withGtin.gtin}</title>`);
  });
});

describe('QR responses', () => {
  it('serves SVG inline as an image, cacheable for a day, with the trace code as file name', async () => {
    const res = await get(`/products/${withGtin.slug}/qr.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="${withGtin.traceCode}.svg"`);
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
    expect(svg).toContain(`<title id="qr-title">${PUBLIC_ORIGIN}/01/${withGtin.gtin}</title>`);
  });

  it('sends an attachment with ?download=1, the lot (made file-safe) after the trace code', async () => {
    const res = await get(`/products/${withoutGtin.slug}/batches/${encodeURIComponent(AWKWARD_LOT)}/qr.png?download=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="${withoutGtin.traceCode}-A_7_B_2_x.png"`,
    );
    const svg = await get(`/products/${withGtin.slug}/qr.svg?download=1`);
    expect(svg.headers.get('content-disposition')).toBe(`attachment; filename="${withGtin.traceCode}.svg"`);
  });

  it('makes a PNG of 512 pixels by default', async () => {
    const res = await get(`/products/${withGtin.slug}/qr.png`);
    const image = decodePng(new Uint8Array(await res.arrayBuffer()));
    expect([image.width, image.height]).toEqual([512, 512]);
  });

  it.each([
    ['127', 'Giá trị phải từ 128 trở lên.'],
    ['2049', 'Giá trị không được vượt quá 2048.'],
    ['abc', 'Cần một số, ví dụ 500 hoặc 2,5.'],
    ['300.5', 'Cần một số nguyên.'],
  ])('refuses size=%s with a 400 naming the field', async (value, message) => {
    const res = await get(`/products/${withGtin.slug}/qr.png?size=${value}`);
    expect(res.status).toBe(400);
    const body = await readJson(res);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.fields.size).toBe(message);
  });

  it('refuses a download flag other than 0 or 1, and says so in English when asked', async () => {
    const res = await get(`/products/${withGtin.slug}/qr.svg?download=yes&lang=en`);
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.fields).toEqual({ download: 'This value is not accepted.' });
  });
});

describe('the paths pages link to', () => {
  it('are the API’s, for products and lots, shown and downloaded', async () => {
    for (const lot of [undefined, AWKWARD_LOT]) {
      for (const format of ['svg', 'png'] as const) {
        for (const download of [false, true]) {
          const path = qrImagePath(withGtin.slug, lot, format, download);
          expect(path.startsWith(`${API_BASE}/`)).toBe(true);
          const res = await get(path.slice(API_BASE.length));
          expect(res.status, path).toBe(200);
          expect(res.headers.get('content-disposition'), path).toMatch(download ? /^attachment;/ : /^inline;/);
        }
      }
    }
  });
});

describe('QR codes of what is not public', () => {
  it('is a 404 naming the product for an unknown slug', async () => {
    for (const path of ['/products/khong-co/qr.svg', '/products/khong-co/batches/X1/qr.png']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await readJson(res)).toEqual({
        error: {
          code: 'product_not_found',
          message: 'Không tìm thấy sản phẩm công khai này.',
          fields: { slug: 'Không có sản phẩm nào đang bán mang đường dẫn này.' },
        },
      });
    }
  });

  it('is a 404 naming the product for an unpublished one, even for a lot it has', async () => {
    const [lot] = await db
      .select({ lotCode: batches.lotCode })
      .from(batches)
      .where(eq(batches.productId, hidden.id))
      .limit(1);
    for (const path of [
      `/products/${hidden.slug}/qr.png`,
      ...(lot ? [`/products/${hidden.slug}/batches/${encodeURIComponent(lot.lotCode)}/qr.svg`] : []),
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect((await readJson(res)).error.fields).toEqual({
        slug: 'Không có sản phẩm nào đang bán mang đường dẫn này.',
      });
    }
  });

  it('is a 404 naming the lot for a lot the product does not have (another product’s lot included)', async () => {
    const [other] = await db
      .select({ lotCode: batches.lotCode })
      .from(batches)
      .where(
        and(
          ne(batches.productId, withGtin.id),
          sql`${batches.lotCode} NOT IN (SELECT lot_code FROM batches WHERE product_id = ${withGtin.id})`,
        ),
      )
      .limit(1);
    for (const lot of ['KHONG-CO', other!.lotCode, batchLot.toLowerCase()]) {
      const res = await get(`/products/${withGtin.slug}/batches/${encodeURIComponent(lot)}/qr.svg?lang=en`);
      expect(res.status, lot).toBe(404);
      expect(await readJson(res)).toEqual({
        error: {
          code: 'lot_not_found',
          message: 'This product has no batch with the given lot code.',
          fields: { lot: 'This product has no batch with this lot code.' },
        },
      });
    }
  });
});

describe('QR endpoints in the OpenAPI document', () => {
  it('documents all four with their media types, the size bounds and the 404', async () => {
    const doc = await readJson(await get('/openapi.json'));
    for (const [path, media] of [
      ['/products/{slug}/qr.svg', 'image/svg+xml'],
      ['/products/{slug}/qr.png', 'image/png'],
      ['/products/{slug}/batches/{lot}/qr.svg', 'image/svg+xml'],
      ['/products/{slug}/batches/{lot}/qr.png', 'image/png'],
    ] as const) {
      const operation = doc.paths[path]?.get;
      expect(operation, path).toBeDefined();
      expect(Object.keys(operation.responses[200].content)).toEqual([media]);
      expect(operation.responses[404]).toBeDefined();
    }
    const size = doc.paths['/products/{slug}/qr.png'].get.parameters.find((p: { name: string }) => p.name === 'size');
    expect(size.schema).toMatchObject({ type: 'integer', minimum: 128, maximum: 2048 });
  });
});
