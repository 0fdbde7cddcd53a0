/**
 * Batches and certificates over the API for the cooperative dashboard: a
 * member records and edits their own cooperative's batches (the timeline
 * rules hold, the write is whole or nothing); members of other cooperatives,
 * officers, visitors and other origins are refused and change nothing.
 */
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { batches, certifications, products, provenanceSteps } from '../../src/server/db/schema';
import { apiOn, call } from '../support/api';
import { DEMO_NOW, demoDatabase } from '../support/demo';
import { dashboardMembers } from '../support/dashboard-members';
import { readJson } from '../support/http';
import { storedPhoto } from '../support/images';

const ORIGIN = 'http://localhost';

let db: Database;
let api: ReturnType<typeof apiOn>;
let own: { id: string; slug: string; cooperativeId: string };
let foreign: { id: string; slug: string; cooperativeId: string };
let member: string;
let otherMember: string;
let officer: string;

beforeAll(async () => {
  db = await demoDatabase();
  api = apiOn(db);
  ({ own, foreign, member, otherMember, officer } = await dashboardMembers(db));
});

const step = (occurredAt: string, kind = 'harvested', extra: Record<string, unknown> = {}) => ({
  kind,
  occurredAt,
  provinceCode: '24',
  place: 'Vùng trồng thử nghiệm',
  actorName: 'HTX thử nghiệm',
  actorKind: 'cooperative',
  ...extra,
});

let lotSeq = 0;
const batchBody = (steps: unknown[], lotCode = `API-${++lotSeq}`) => ({
  lotCode,
  productionDate: '2026-06-20',
  bestBefore: '2027-06-20',
  quantity: 120,
  quantityUnit: 'kg',
  steps,
});

function send(method: string, path: string, cookie: string | null, body: unknown, origin = ORIGIN) {
  const headers: Record<string, string> = { 'content-type': 'application/json', origin };
  if (cookie) headers.cookie = cookie;
  return call(api, path, { method, headers, body: JSON.stringify(body) });
}

async function stepsOf(productId: string, lotCode: string) {
  const [batch] = await db
    .select({ id: batches.id })
    .from(batches)
    .where(and(eq(batches.productId, productId), eq(batches.lotCode, lotCode)));
  if (!batch) return null;
  return db
    .select({ kind: provenanceSteps.kind, position: provenanceSteps.position })
    .from(provenanceSteps)
    .where(eq(provenanceSteps.batchId, batch.id))
    .orderBy(asc(provenanceSteps.position));
}

describe('POST /products/{slug}/batches', () => {
  it('records a batch of the member’s own product with its steps in order (201)', async () => {
    const body = batchBody([step('2026-06-10T07:00:00+07:00'), step('2026-06-12T08:00:00+07:00', 'packaged')]);
    const res = await send('POST', `/products/${own.slug}/batches`, member, body);
    expect(res.status).toBe(201);
    expect((await readJson(res)).lotCode).toBe(body.lotCode);
    expect(await stepsOf(own.id, body.lotCode)).toEqual([
      { kind: 'harvested', position: 0 },
      { kind: 'packaged', position: 1 },
    ]);
  });

  it('names the step out of order and the one in the future by path (422), and writes nothing', async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const body = batchBody([step('2026-06-12T07:00:00+07:00'), step('2026-06-10T07:00:00+07:00'), step(future)]);
    const res = await send('POST', `/products/${own.slug}/batches`, member, body);
    expect(res.status).toBe(422);
    const fields = (await readJson(res)).error.fields;
    expect(Object.keys(fields).sort()).toEqual(['steps.1.occurredAt', 'steps.2.occurredAt']);
    expect(fields['steps.1.occurredAt']).toBe('Bước 2 không thể diễn ra trước bước 1.');
    expect(await stepsOf(own.id, body.lotCode)).toBeNull();
  });

  it('refuses unknown fields, e.g. a productId smuggled in to write to another product (422)', async () => {
    const body = { ...batchBody([]), productId: foreign.id };
    const res = await send('POST', `/products/${own.slug}/batches`, member, body);
    expect(res.status).toBe(422);
    expect((await readJson(res)).error.fields).toHaveProperty('productId');
    expect(await stepsOf(foreign.id, body.lotCode)).toBeNull();
  });

  it('answers a member of another cooperative as for no product (404), refuses an officer (403), a visitor (401), another origin (403)', async () => {
    const body = batchBody([step('2026-06-10T07:00:00+07:00')]);
    const notTheirs = await send('POST', `/products/${own.slug}/batches`, otherMember, body);
    const unknown = await send('POST', '/products/khong-co-san-pham-nay/batches', otherMember, body);
    expect(notTheirs.status).toBe(404);
    expect(await readJson(notTheirs)).toEqual(await readJson(unknown));
    expect((await send('POST', `/products/${own.slug}/batches`, officer, body)).status).toBe(403);
    expect((await send('POST', `/products/${own.slug}/batches`, null, body)).status).toBe(401);
    const forged = await send('POST', `/products/${own.slug}/batches`, member, body, 'https://evil.example');
    expect(forged.status).toBe(403);
    expect((await readJson(forged)).error.code).toBe('forbidden_origin');
    expect(await stepsOf(own.id, body.lotCode)).toBeNull();
  });

  it('answers 404 for a product that does not exist', async () => {
    expect((await send('POST', '/products/khong-co-san-pham-nay/batches', member, batchBody([]))).status).toBe(404);
  });
});

describe('PUT /products/{slug}/batches/{lot}', () => {
  it('replaces the timeline: steps reordered and one removed, atomically', async () => {
    const lotCode = `API-EDIT-${++lotSeq}`;
    const created = await send(
      'POST',
      `/products/${own.slug}/batches`,
      member,
      batchBody(
        [
          step('2026-06-10T07:00:00+07:00', 'harvested'),
          step('2026-06-10T07:00:00+07:00', 'processed'),
          step('2026-06-11T07:00:00+07:00', 'packaged'),
        ],
        lotCode,
      ),
    );
    expect(created.status).toBe(201);
    const res = await send(
      'PUT',
      `/products/${own.slug}/batches/${encodeURIComponent(lotCode)}`,
      member,
      batchBody(
        [step('2026-06-10T07:00:00+07:00', 'processed'), step('2026-06-10T07:00:00+07:00', 'harvested')],
        lotCode,
      ),
    );
    expect(res.status).toBe(200);
    expect(await stepsOf(own.id, lotCode)).toEqual([
      { kind: 'processed', position: 0 },
      { kind: 'harvested', position: 1 },
    ]);

    // A refused edit leaves the stored timeline as it was.
    const refused = await send(
      'PUT',
      `/products/${own.slug}/batches/${encodeURIComponent(lotCode)}`,
      member,
      batchBody(
        [step('2026-06-11T07:00:00+07:00', 'packaged'), step('2026-06-10T07:00:00+07:00', 'harvested')],
        lotCode,
      ),
    );
    expect(refused.status).toBe(422);
    expect(await stepsOf(own.id, lotCode)).toHaveLength(2);
  });

  it('refuses renaming the lot to one the product already has', async () => {
    const [a, b] = [`API-A-${++lotSeq}`, `API-B-${lotSeq}`];
    for (const lotCode of [a, b])
      expect((await send('POST', `/products/${own.slug}/batches`, member, batchBody([], lotCode))).status).toBe(201);
    const res = await send('PUT', `/products/${own.slug}/batches/${a}`, member, batchBody([], b));
    expect(res.status).toBe(422);
    expect((await readJson(res)).error.fields.lotCode).toBe('Sản phẩm đã có một lô mang mã này.');
  });

  it('answers 404 naming the lot when the product has no such lot', async () => {
    const res = await send('PUT', `/products/${own.slug}/batches/NO-SUCH-LOT`, member, batchBody([]));
    expect(res.status).toBe(404);
    expect((await readJson(res)).error.code).toBe('lot_not_found');
  });

  it("never lets a member change another cooperative's batch", async () => {
    const [batch] = await db
      .select({ lotCode: batches.lotCode })
      .from(batches)
      .where(eq(batches.productId, foreign.id))
      .limit(1);
    if (!batch) throw new Error('foreign product has no batch');
    const before = await stepsOf(foreign.id, batch.lotCode);
    const res = await send(
      'PUT',
      `/products/${foreign.slug}/batches/${encodeURIComponent(batch.lotCode)}`,
      member,
      batchBody([], batch.lotCode),
    );
    expect(res.status).toBe(404);
    expect(await stepsOf(foreign.id, batch.lotCode)).toEqual(before);
  });
});

describe('certificates of a product', () => {
  const certificate = (extra: Record<string, unknown> = {}) => ({
    kind: 'vietgap',
    number: `VG-${Math.random().toString(36).slice(2, 8)}`,
    issuer: 'Trung tâm Chứng nhận thử nghiệm',
    validFrom: '2026-01-01',
    validUntil: '2028-12-31',
    ...extra,
  });

  it('adds and edits, refusing an end before the start', async () => {
    const created = await send('POST', `/products/${own.slug}/certificates`, member, certificate());
    expect(created.status).toBe(201);
    const { id } = await readJson(created);
    const bad = await send(
      'PUT',
      `/products/${own.slug}/certificates/${id}`,
      member,
      certificate({ validUntil: '2025-12-31' }),
    );
    expect(bad.status).toBe(422);
    expect(Object.keys((await readJson(bad)).error.fields)).toEqual(['validUntil']);
    const good = await send(
      'PUT',
      `/products/${own.slug}/certificates/${id}`,
      member,
      certificate({ number: 'VG-EDITED' }),
    );
    expect(good.status).toBe(200);
    const [row] = await db
      .select({ number: certifications.number })
      .from(certifications)
      .where(eq(certifications.id, id));
    expect(row?.number).toBe('VG-EDITED');
  });

  it("cannot reach another product's certificate through its own product's address", async () => {
    const created = await send('POST', `/products/${foreign.slug}/certificates`, otherMember, certificate());
    expect(created.status).toBe(201);
    const { id } = await readJson(created);
    expect((await send('PUT', `/products/${own.slug}/certificates/${id}`, member, certificate())).status).toBe(404);
    expect((await send('PUT', `/products/${foreign.slug}/certificates/${id}`, member, certificate())).status).toBe(404);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = await readJson(await call(api, '/openapi.json'));
    expect(doc.paths['/products/{slug}/batches'].post).toBeDefined();
    expect(doc.paths['/products/{slug}/batches/{lot}'].put).toBeDefined();
    expect(doc.paths['/products/{slug}/certificates/{id}'].put).toBeDefined();
  });
});

describe('sending a product to review', () => {
  it("needs a photo: 422 naming `images` in the reader's words, then 200 once it has one", async () => {
    await db.update(products).set({ status: 'draft', images: [] }).where(eq(products.id, own.id));
    const refused = await send('POST', `/products/${own.slug}/submit`, member, {});
    expect(refused.status).toBe(422);
    const error = (await readJson(refused)).error;
    expect(error.fields).toEqual({ images: 'Thêm ít nhất một ảnh sản phẩm trước khi gửi duyệt.' });
    const english = await call(api, `/products/${own.slug}/submit`, {
      method: 'POST',
      headers: { origin: ORIGIN, cookie: member, 'accept-language': 'en' },
    });
    expect((await readJson(english)).error.fields.images).toBe(
      'Add at least one photo of the product before sending it for review.',
    );
    const [draft] = await db.select({ status: products.status }).from(products).where(eq(products.id, own.id));
    expect(draft?.status).toBe('draft');

    await db
      .update(products)
      .set({ images: [storedPhoto()] })
      .where(eq(products.id, own.id));
    const sent = await send('POST', `/products/${own.slug}/submit`, member, {});
    expect(sent.status).toBe(200);
    expect(await readJson(sent)).toEqual({ slug: own.slug, status: 'submitted' });
    expect((await send('POST', `/products/${own.slug}/submit`, member, {})).status).toBe(409);
    // Back to what the other tests of this file expect.
    await db.update(products).set({ status: 'published' }).where(eq(products.id, own.id));
  });
});

void DEMO_NOW;
