import { and, asc, desc, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { batches, cooperatives, products, provenanceSteps } from '../../src/server/db/schema';
import { apiOn, call } from '../support/api';
import { demoDatabase } from '../support/demo';
import { readJson } from '../support/http';

let db: Database;
let api: ReturnType<typeof apiOn>;

beforeAll(async () => {
  db = await demoDatabase();
  api = apiOn(db);
});

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await call(api, path, { headers });
  return { res, body: await readJson(res) };
}

/** A public product (with or without a GTIN) and its newest batch that has several steps. */
async function tracedBatch(withGtin: boolean) {
  const [row] = await db
    .select({
      productId: products.id,
      gtin: products.gtin,
      traceCode: products.traceCode,
      batchId: batches.id,
      lotCode: batches.lotCode,
    })
    .from(batches)
    .innerJoin(products, eq(products.id, batches.productId))
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .where(
      and(
        eq(products.status, 'published'),
        eq(cooperatives.status, 'active'),
        withGtin ? isNotNull(products.gtin) : isNull(products.gtin),
        sql`(SELECT count(*) FROM provenance_steps s WHERE s.batch_id = ${batches.id}) >= 3`,
      ),
    )
    .orderBy(desc(batches.productionDate), asc(batches.id))
    .limit(1);
  if (!row) throw new Error('the demo has no such batch');
  return row;
}

describe('GET /trace/{gtin}/{lot}', () => {
  it('returns the batch with its whole timeline in recorded order', async () => {
    const batch = await tracedBatch(true);
    const { res, body } = await get(`/trace/${batch.gtin}/${encodeURIComponent(batch.lotCode)}`);
    expect(res.status).toBe(200);
    const stored = await db
      .select()
      .from(provenanceSteps)
      .where(eq(provenanceSteps.batchId, batch.batchId))
      .orderBy(asc(provenanceSteps.position));
    expect(body.batch.lotCode).toBe(batch.lotCode);
    expect(body.product.gtin).toBe(batch.gtin);
    expect(body.steps.map((s: { kind: string }) => s.kind)).toEqual(stored.map((s) => s.kind));
    expect(body.steps.map((s: { occurredAt: string }) => s.occurredAt)).toEqual(
      stored.map((s) => s.occurredAt.toISOString()),
    );
    const times = body.steps.map((s: { occurredAt: string }) => Date.parse(s.occurredAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(body.links.label).toBe(`http://localhost/01/${batch.gtin}/10/${encodeURIComponent(batch.lotCode)}`);
    expect(body.links.pageEn).toBe(
      `http://localhost/en/trace/${batch.traceCode}/lot/${encodeURIComponent(batch.lotCode)}`,
    );
    expect(body).not.toHaveProperty('product.id');
    for (const certificate of body.certificates)
      expect(['valid', 'expired', 'not_yet_valid']).toContain(certificate.status);
  });

  it('accepts the GTIN-13 printed on the label as well as the 14-digit form', async () => {
    const batch = await tracedBatch(true);
    if (!batch.gtin?.startsWith('0')) return expect(batch.gtin).toMatch(/^\d{14}$/);
    const { res, body } = await get(`/trace/${batch.gtin.slice(1)}/${encodeURIComponent(batch.lotCode)}`);
    expect(res.status).toBe(200);
    expect(body.batch.lotCode).toBe(batch.lotCode);
  });

  it('says a GTIN with a wrong check digit or length is malformed (400), by field and in the reader’s language', async () => {
    const batch = await tracedBatch(true);
    const gtin = batch.gtin as string;
    const typo = gtin.slice(0, -1) + ((Number(gtin.at(-1)) + 1) % 10);
    const wrong = await get(`/trace/${typo}/${batch.lotCode}`, { 'accept-language': 'en' });
    expect(wrong.res.status).toBe(400);
    expect(wrong.body.error).toEqual({
      code: 'bad_request',
      message: 'Malformed request.',
      fields: { gtin: 'The GTIN’s check digit does not match.' },
    });
    const short = await get(`/trace/12345/${batch.lotCode}`);
    expect(short.res.status).toBe(400);
    expect(short.body.error.fields).toEqual({ gtin: 'Mã GTIN có 8, 12, 13 hoặc 14 chữ số.' });
  });

  it('says which part was not found: the product, or its lot', async () => {
    const batch = await tracedBatch(true);
    const product = await get('/trace/4006381333931/X1');
    expect(product.res.status).toBe(404);
    expect(product.body.error.code).toBe('product_not_found');
    const lot = await get(`/trace/${batch.gtin}/NO-SUCH-LOT`);
    expect(lot.res.status).toBe(404);
    expect(lot.body.error.code).toBe('lot_not_found');
    // A lot of another product is not a lot of this one.
    const [other] = await db
      .select({ lotCode: batches.lotCode })
      .from(batches)
      .where(
        and(
          ne(batches.productId, batch.productId),
          sql`NOT EXISTS (SELECT 1 FROM batches mine WHERE mine.product_id = ${batch.productId} AND mine.lot_code = ${batches.lotCode})`,
        ),
      )
      .limit(1);
    if (!other) throw new Error('every lot code of the demo is shared with this product');
    const foreign = await get(`/trace/${batch.gtin}/${encodeURIComponent(other.lotCode)}`);
    expect(foreign.res.status).toBe(404);
    expect(foreign.body.error.code).toBe('lot_not_found');
  });

  it('hides batches of unpublished products', async () => {
    const batch = await tracedBatch(true);
    await db.update(products).set({ status: 'draft' }).where(eq(products.id, batch.productId));
    try {
      const { res, body } = await get(`/trace/${batch.gtin}/${encodeURIComponent(batch.lotCode)}`);
      expect(res.status).toBe(404);
      expect(body.error.code).toBe('product_not_found');
    } finally {
      await db.update(products).set({ status: 'published' }).where(eq(products.id, batch.productId));
    }
  });
});

describe('GET /trace/codes/{code}/{lot}', () => {
  it('finds batches of products without a GTIN by their short code, in any case', async () => {
    const batch = await tracedBatch(false);
    const { res, body } = await get(
      `/trace/codes/${batch.traceCode.toLowerCase()}/${encodeURIComponent(batch.lotCode)}`,
    );
    expect(res.status).toBe(200);
    expect(body.product.gtin).toBeNull();
    expect(body.links.label).toBe(`http://localhost/truy-xuat/${batch.traceCode}/${encodeURIComponent(batch.lotCode)}`);
    const unknown = await get(`/trace/codes/${batch.traceCode}/NOPE`);
    expect(unknown.body.error.code).toBe('lot_not_found');
  });
});

describe('the OpenAPI document', () => {
  it('describes both trace endpoints and their errors', async () => {
    const { body } = await get('/openapi.json');
    expect(Object.keys(body.paths['/trace/{gtin}/{lot}'].get.responses).sort()).toEqual(['200', '400', '404']);
    expect(body.paths['/trace/codes/{code}/{lot}'].get.responses['200']).toBeTruthy();
    expect(body.components.schemas.BatchTrace.properties.steps).toBeTruthy();
  });
});
