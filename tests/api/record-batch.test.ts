import { and, count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { batches, certifications, products, provenanceSteps } from '../../src/server/db/schema';
import { ValidationError } from '../../src/server/errors';
import { recordBatch, recordCertificate } from '../../src/server/provenance/batches';
import { getBatchTrace } from '../../src/server/provenance/trace';
import { DEMO_NOW, demoDatabase } from '../support/demo';

let db: Database;
let product: { id: string; traceCode: string; cooperativeId: string };

beforeAll(async () => {
  db = await demoDatabase();
  const [row] = await db
    .select({ id: products.id, traceCode: products.traceCode, cooperativeId: products.cooperativeId })
    .from(products)
    .where(eq(products.status, 'published'))
    .limit(1);
  if (!row) throw new Error('no published demo product');
  product = row;
});

const step = (occurredAt: string, kind = 'harvested', extra: Record<string, unknown> = {}) => ({
  kind,
  occurredAt,
  provinceCode: '24',
  place: 'Vùng sản xuất Lục Ngạn, Bắc Ninh',
  actorName: 'HTX thử nghiệm',
  actorKind: 'cooperative',
  ...extra,
});

let lotSeq = 0;
const batchInput = (steps: unknown[], lotCode = `T2026-${++lotSeq}`) => ({
  lotCode,
  productionDate: '2026-06-20',
  bestBefore: '2027-06-20',
  quantity: 500,
  quantityUnit: 'kg',
  steps,
});

async function counts() {
  const [b] = await db.select({ n: count() }).from(batches);
  const [s] = await db.select({ n: count() }).from(provenanceSteps);
  return { batches: b?.n, steps: s?.n };
}

async function refusal(run: () => Promise<unknown>) {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
}

describe('recordBatch', () => {
  let before: Awaited<ReturnType<typeof counts>>;
  beforeEach(async () => {
    before = await counts();
  });

  it('stores the batch and its steps in order, visible on the trace', async () => {
    const input = batchInput([
      step('2026-06-10T07:00:00+07:00'),
      step('2026-06-12T08:00:00+07:00', 'processed'),
      step('2026-06-20T09:30:00+07:00', 'packaged'),
    ]);
    const recorded = await recordBatch(db, product.id, input, DEMO_NOW);
    expect(await counts()).toEqual({ batches: (before.batches ?? 0) + 1, steps: (before.steps ?? 0) + 3 });
    const lookup = await getBatchTrace(db, { traceCode: product.traceCode }, recorded.lotCode, DEMO_NOW);
    if (lookup.kind !== 'found') throw new Error(`trace not found: ${lookup.kind}`);
    expect(lookup.trace.steps.map((s) => [s.position, s.kind, s.province?.code])).toEqual([
      [0, 'harvested', '24'],
      [1, 'processed', '24'],
      [2, 'packaged', '24'],
    ]);
    expect(lookup.trace.steps[1]?.occurredAt.toISOString()).toBe('2026-06-12T01:00:00.000Z');
  });

  it('refuses a timeline out of order, and writes nothing', async () => {
    const fields = await refusal(() =>
      recordBatch(
        db,
        product.id,
        batchInput([step('2026-06-12T08:00:00+07:00'), step('2026-06-10T07:00:00+07:00')]),
        DEMO_NOW,
      ),
    );
    expect(fields).toEqual({ 'steps.1.occurredAt': { code: 'out_of_order', params: { step: 2, previous: 1 } } });
    expect(await counts()).toEqual(before);
  });

  it('refuses a step in the future and an unknown province, naming each', async () => {
    const fields = await refusal(() =>
      recordBatch(db, product.id, batchInput([step('2026-12-30T08:00:00+07:00')]), DEMO_NOW),
    );
    expect(fields).toEqual({ 'steps.0.occurredAt': { code: 'in_future', params: {} } });
    const unknownProvince = await refusal(() =>
      recordBatch(
        db,
        product.id,
        batchInput([step('2026-06-10T07:00:00+07:00', 'harvested', { provinceCode: '99' })]),
        DEMO_NOW,
      ),
    );
    expect(unknownProvince).toEqual({ 'steps.0.provinceCode': { code: 'unknown_value' } });
    expect(await counts()).toEqual(before);
  });

  it('refuses a lot code the product already has', async () => {
    const input = batchInput([step('2026-06-10T07:00:00+07:00')], 'DUP-1');
    await recordBatch(db, product.id, input, DEMO_NOW);
    const after = await counts();
    expect(await refusal(() => recordBatch(db, product.id, input, DEMO_NOW))).toEqual({
      lotCode: { code: 'lot_taken' },
    });
    expect(await counts()).toEqual(after);
  });

  it('leaves nothing half-saved when the database refuses the steps', async () => {
    await db.run(
      "CREATE TEMP TRIGGER refuse_steps BEFORE INSERT ON provenance_steps BEGIN SELECT RAISE(ABORT, 'refused by test'); END",
    );
    try {
      await expect(
        recordBatch(db, product.id, batchInput([step('2026-06-10T07:00:00+07:00')], 'HALF-1'), DEMO_NOW),
      ).rejects.toThrow();
      expect(await counts()).toEqual(before);
      const [half] = await db
        .select()
        .from(batches)
        .where(and(eq(batches.productId, product.id), eq(batches.lotCode, 'HALF-1')));
      expect(half).toBeUndefined();
    } finally {
      await db.run('DROP TRIGGER refuse_steps');
    }
  });
});

describe('recordCertificate', () => {
  it('refuses a valid-until before the valid-from and stores a good one', async () => {
    const owner = { cooperativeId: product.cooperativeId, productId: product.id };
    const good = {
      kind: 'vietgap',
      number: 'VG-TEST-1',
      issuer: 'Trung tâm thử nghiệm',
      validFrom: '2026-01-01',
      validUntil: '2028-12-31',
    };
    expect(
      await refusal(() => recordCertificate(db, owner, { ...good, validUntil: '2025-01-01' }, new Date())),
    ).toEqual({
      validUntil: { code: 'until_before_from', params: {} },
    });
    expect(await db.select().from(certifications).where(eq(certifications.number, 'VG-TEST-1'))).toHaveLength(0);
    const { id } = await recordCertificate(db, owner, good, new Date());
    const [stored] = await db.select().from(certifications).where(eq(certifications.id, id));
    expect(stored).toMatchObject({
      number: 'VG-TEST-1',
      validUntil: '2028-12-31',
      productId: product.id,
      verification: 'pending',
    });
  });
});
