/**
 * The demo seed carries real evidence files for its verified claims
 * (src/server/db/seed/evidence.ts): each a PDF the upload itself accepts,
 * stored in the bucket under the key the claim and its verified version name,
 * some public, the demo lab report among them; a second run adds nothing.
 */
import { isNotNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkEvidence } from '../../src/server/claims/evidence-file';
import type { Database } from '../../src/server/db/client';
import { certifications, labReports, ocopRatings } from '../../src/server/db/schema';
import { seedDemoEvidence } from '../../src/server/db/seed/evidence';
import { getBatchTrace } from '../../src/server/provenance/trace';
import { batches, products } from '../../src/server/db/schema';
import { DEMO_NOW, demoDatabase } from '../support/demo';
import { type MemoryBucket, memoryBucket } from '../support/memory-bucket';
import { eq } from 'drizzle-orm';

let db: Database;
let media: MemoryBucket;
let stored: number;

beforeAll(async () => {
  db = await demoDatabase();
  media = memoryBucket();
  stored = await seedDemoEvidence(db, media.bucket, DEMO_NOW);
}, 300_000);

describe('demo evidence', () => {
  it('gives every verified demo claim a PDF the upload accepts, in the bucket under the key its verified version names', async () => {
    expect(stored).toBeGreaterThan(10);
    expect(media.objects.size).toBe(stored);
    const claims = [
      ...(await db.select().from(ocopRatings).where(isNotNull(ocopRatings.lastVerified))),
      ...(await db.select().from(certifications).where(isNotNull(certifications.lastVerified))),
      ...(await db.select().from(labReports).where(isNotNull(labReports.lastVerified))),
    ];
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) {
      expect(claim.evidenceKey, claim.id).toBeTruthy();
      expect(claim.lastVerified?.evidenceKey).toBe(claim.evidenceKey);
      const object = media.objects.get(claim.evidenceKey ?? '');
      expect(object?.contentType).toBe('application/pdf');
    }
    const sample = media.objects.values().next().value;
    expect(await checkEvidence(sample?.bytes ?? new Uint8Array())).toEqual({ ok: true, type: 'application/pdf' });
    expect(new TextDecoder('latin1').decode(sample?.bytes)).toContain('%PDF-');
    expect(claims.some((c) => c.evidencePublic)).toBe(true);
    expect(claims.some((c) => !c.evidencePublic)).toBe(true);
  });

  it('shows the demo batch’s verified lab report with its file, and not the one still waiting', async () => {
    const reports = await db.select().from(labReports);
    expect(reports.map((r) => r.verification).sort()).toEqual(['pending', 'verified']);
    const verified = reports.find((r) => r.verification === 'verified');
    const [row] = await db
      .select({ lotCode: batches.lotCode, traceCode: products.traceCode })
      .from(batches)
      .innerJoin(products, eq(products.id, batches.productId))
      .where(eq(batches.id, verified?.batchId ?? ''));
    const trace = await getBatchTrace(db, { traceCode: row?.traceCode ?? '' }, row?.lotCode ?? '', DEMO_NOW);
    expect(trace.kind).toBe('found');
    if (trace.kind !== 'found') return;
    expect(trace.trace.labReports).toHaveLength(1);
    expect(trace.trace.labReports[0]).toMatchObject({
      reportNumber: verified?.reportNumber,
      evidenceHref: `/media/evidence/lab_report/${verified?.id}`,
      verified: { provinceVi: expect.any(String) },
    });
  });

  it('adds nothing when run again', async () => {
    expect(await seedDemoEvidence(db, media.bucket, DEMO_NOW)).toBe(0);
    expect(media.objects.size).toBe(stored);
  });
});
