/**
 * Lab reports of a batch as claims, on libSQL and on D1 as workerd runs it:
 * declared by the batch's cooperative with its evidence file, waiting in the
 * officers' queue, verified, rejected or revoked there with an audit entry
 * each (one of two racing officers wins, the other gets a 409), and shown on
 * the batch's trace only once verified. Refusals (another cooperative's
 * batch, no evidence, a date to come, a file that is no PDF or image) name
 * their field and leave nothing in the table or the bucket.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/server/accounts/users';
import { decideClaim } from '../../src/server/claims/claim-decisions';
import { listClaimQueue } from '../../src/server/claims/claim-queue';
import type { Database } from '../../src/server/db/client';
import { newId } from '../../src/server/db/ids';
import { auditLog, batches, labReports, products } from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { ConflictError, NotFoundError, ValidationError } from '../../src/server/errors';
import { recordLabReport, verifiedLabReportsOfBatch } from '../../src/server/provenance/lab-reports';
import { getBatchTrace } from '../../src/server/provenance/trace';
import { createTestCooperative, createTestOfficer } from '../support/accounts';
import { DEMO_NOW } from '../support/demo';
import { pdf } from '../support/evidence';
import { type MemoryBucket, memoryBucket } from '../support/memory-bucket';
import { bothStores } from '../support/stores';

const REASON = 'Số phiếu không khớp với bản chụp phiếu kết quả.';

async function publishedProductWithBatch(db: Database, cooperativeId: string) {
  const id = newId();
  await db.insert(products).values({
    id,
    slug: `sp-kiem-nghiem-${id}`,
    cooperativeId,
    nameVi: 'Vải thiều thử',
    nameEn: 'Test lychee',
    descriptionEn: 'Described in English.',
    ocopGroup: 'thuc_pham',
    provinceCode: '01',
    traceCode: `K${id.slice(0, 10)}`,
    unitVi: 'kg',
    unitEn: 'kg',
    priceVnd: 100_000,
    status: 'published',
  });
  const batchId = newId();
  const lotCode = `LN-${id.slice(0, 6)}`;
  await db.insert(batches).values({
    id: batchId,
    productId: id,
    lotCode,
    productionDate: '2026-06-01',
    quantity: 100,
    quantityUnit: 'kg',
  });
  return { productId: id, batchId, lotCode, traceCode: `K${id.slice(0, 10)}` };
}

const fields = (extra: Record<string, unknown> = {}) => ({
  lab: 'Trung tâm Kiểm nghiệm thử',
  reportNumber: `KQ-${newId().slice(0, 6)}`,
  reportedOn: '2026-06-10',
  tests: ['pesticide_residues', 'microbiology'],
  result: 'pass',
  summary: 'Không phát hiện dư lượng trong 52 hoạt chất.',
  evidencePublic: true,
  ...extra,
});

const pdfFile = () => new File([pdf() as BlobPart], 'phieu.pdf', { type: 'application/pdf' });

describe.each(bothStores('lab-reports'))('lab reports as claims on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let media: MemoryBucket;
  let owner: { cooperativeId: string; productId: string };
  let batch: Awaited<ReturnType<typeof publishedProductWithBatch>>;
  let otherBatch: Awaited<ReturnType<typeof publishedProductWithBatch>>;
  let officer: SessionUser;
  let other: SessionUser;

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    const cooperativeId = await createTestCooperative(db);
    batch = await publishedProductWithBatch(db, cooperativeId);
    owner = { cooperativeId, productId: batch.productId };
    otherBatch = await publishedProductWithBatch(db, await createTestCooperative(db));
    officer = await createTestOfficer(db);
    other = await createTestOfficer(db);
  }, 120_000);
  afterAll(async () => dispose?.());
  beforeEach(() => {
    media = memoryBucket();
  });

  const declare = (input: unknown = fields(), file: File | null = pdfFile()) =>
    recordLabReport(db, owner, batch.batchId, input, DEMO_NOW, { bucket: media.bucket, file });
  const shown = async () => (await verifiedLabReportsOfBatch(db, batch.batchId)).map((r) => r.reportNumber);

  it('waits in the queue, is shown once verified with who verified it, and leaves when revoked', async () => {
    const input = fields();
    const { id, verification } = await declare(input);
    expect(verification).toBe('pending');
    expect(media.objects.size).toBe(1);
    const queued = (await listClaimQueue(db, officer, DEMO_NOW)).find((c) => c.id === id);
    expect(queued).toMatchObject({
      kind: 'lab_report',
      number: input.reportNumber,
      issuer: input.lab,
      product: { name: 'Vải thiều thử' },
      lab: { lotCode: batch.lotCode, tests: ['pesticide_residues', 'microbiology'], result: 'pass' },
      evidenceUrl: `/media/evidence/lab_report/${id}`,
    });
    expect(await shown()).not.toContain(input.reportNumber);

    await decideClaim(db, officer, { kind: 'lab_report', id }, 'verify', { version: queued?.revision }, DEMO_NOW);
    const [view] = (await verifiedLabReportsOfBatch(db, batch.batchId)).filter(
      (r) => r.reportNumber === input.reportNumber,
    );
    expect(view).toMatchObject({
      lab: input.lab,
      tests: ['pesticide_residues', 'microbiology'],
      result: 'pass',
      verified: { at: DEMO_NOW, provinceVi: 'Hà Nội' },
      evidenceHref: `/media/evidence/lab_report/${id}`,
    });
    const trace = await getBatchTrace(db, { traceCode: batch.traceCode }, batch.lotCode, DEMO_NOW);
    expect(trace.kind === 'found' && trace.trace.labReports.map((r) => r.reportNumber)).toContain(input.reportNumber);

    await decideClaim(db, other, { kind: 'lab_report', id }, 'revoke', { reason: REASON }, DEMO_NOW);
    expect(await shown()).not.toContain(input.reportNumber);
    const actions = (await db.select().from(auditLog).where(eq(auditLog.entityId, id))).map((e) => e.action).sort();
    expect(actions).toEqual(['lab_report.revoked', 'lab_report.verified']);
  });

  it('is never shown when rejected, and the reason is kept for the cooperative', async () => {
    const input = fields({ result: 'fail' });
    const { id } = await declare(input);
    await expect(
      decideClaim(db, officer, { kind: 'lab_report', id }, 'reject', { reason: 'ngắn' }, DEMO_NOW),
    ).rejects.toBeInstanceOf(ValidationError);
    await decideClaim(db, officer, { kind: 'lab_report', id }, 'reject', { reason: REASON }, DEMO_NOW);
    const [row] = await db.select().from(labReports).where(eq(labReports.id, id));
    expect(row).toMatchObject({ verification: 'rejected', decisionReason: REASON, lastVerified: null });
    expect(await shown()).not.toContain(input.reportNumber);
  });

  it('lets one of two officers deciding at once win; the other gets a conflict and writes nothing', async () => {
    const { id } = await declare();
    const claim = { kind: 'lab_report' as const, id };
    const results = await Promise.allSettled([
      decideClaim(db, officer, claim, 'verify', { version: 0 }, DEMO_NOW),
      decideClaim(db, other, claim, 'reject', { reason: REASON, version: 0 }, DEMO_NOW),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(ConflictError);
    expect(await db.select().from(auditLog).where(eq(auditLog.entityId, id))).toHaveLength(1);
  });

  it('refuses bad input field by field and leaves nothing in the table or the bucket', async () => {
    const before = (await db.select({ id: labReports.id }).from(labReports)).length;
    const refusal = async (work: Promise<unknown>) => {
      const error = await work.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).fields;
    };
    expect(await refusal(declare(fields(), null))).toMatchObject({ evidence: { code: 'evidence_required' } });
    expect(await refusal(declare(fields({ reportedOn: '2026-12-31' })))).toMatchObject({
      reportedOn: { code: 'date_in_future' },
    });
    expect(await refusal(declare(fields({ tests: [] })))).toMatchObject({ tests: { code: 'lab_tests_required' } });
    const html = new File(['<html><body>not a report</body></html>'], 'phieu.pdf', { type: 'application/pdf' });
    expect(await refusal(declare(fields(), html))).toMatchObject({ evidence: { code: 'evidence_type' } });
    // Another cooperative's batch is not found through one's own product.
    await expect(
      recordLabReport(db, owner, otherBatch.batchId, fields(), DEMO_NOW, { bucket: media.bucket, file: pdfFile() }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(media.objects.size).toBe(0);
    expect(await db.select({ id: labReports.id }).from(labReports)).toHaveLength(before);
  });
});
