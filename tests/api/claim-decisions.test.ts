/**
 * Officers' decisions on claims: the moves each decision allows, the audit
 * entry written with each, and races (two officers at once, an edit against
 * a verification) on libSQL and on D1 as workerd runs it: one wins, the
 * other is a ConflictError and writes nothing.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/server/accounts/users';
import { decideClaim } from '../../src/server/claims/claim-decisions';
import { listClaimQueue } from '../../src/server/claims/claim-queue';
import type { Database } from '../../src/server/db/client';
import { newId } from '../../src/server/db/ids';
import { auditLog, certifications, ocopRatings, products } from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/server/errors';
import { getPublicProduct } from '../../src/server/products/product-detail';
import { createTestCooperative, createTestUser } from '../support/accounts';
import { DEMO_NOW, demoDatabase } from '../support/demo';
import { bothStores } from '../support/stores';

const REASON = 'Số hiệu không khớp với bản chụp giấy chứng nhận.';

async function officerOn(db: Database, role: SessionUser['role'] = 'officer', cooperativeId: string | null = null) {
  const created = await createTestUser(db, { role, cooperativeId, iterations: 1000 });
  return { id: created.id, email: created.email, displayName: 'Cán bộ', role, cooperativeId, isManager: false };
}

async function pendingCertificate(db: Database, cooperativeId: string, submittedAt = new Date('2026-11-20T02:00:00Z')) {
  const id = newId();
  await db.insert(certifications).values({
    id,
    productId: null,
    cooperativeId,
    kind: 'haccp',
    number: `HACCP ${id.slice(0, 4)}/2026`,
    issuer: 'Tổ chức thử',
    validFrom: '2026-01-01',
    validUntil: '2028-12-31',
    submittedAt,
  });
  return id;
}

async function entriesFor(db: Database, id: string) {
  return db.select().from(auditLog).where(eq(auditLog.entityId, id));
}

async function stateOf(db: Database, id: string) {
  const [row] = await db.select().from(certifications).where(eq(certifications.id, id));
  return row;
}

const stores = bothStores('claims');

describe.each(stores)('claim decisions on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let cooperativeId: string;
  let officer: SessionUser;
  let other: SessionUser;
  let member: SessionUser;

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    cooperativeId = await createTestCooperative(db);
    officer = await officerOn(db);
    other = await officerOn(db);
    member = await officerOn(db, 'member', cooperativeId);
  }, 120_000);
  afterAll(async () => dispose?.());

  it('verifies, refuses a second decision, revokes with a reason, each with its audit entry', async () => {
    const id = await pendingCertificate(db, cooperativeId);
    const claim = { kind: 'certificate' as const, id };
    await expect(decideClaim(db, member, claim, 'verify', {}, DEMO_NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideClaim(db, officer, claim, 'reject', { reason: 'ngắn' }, DEMO_NOW)).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await listClaimQueue(db, officer, DEMO_NOW)).map((c) => c.id)).toContain(id);

    expect(await decideClaim(db, officer, claim, 'verify', {}, DEMO_NOW)).toMatchObject({ verification: 'verified' });
    expect(await stateOf(db, id)).toMatchObject({
      verification: 'verified',
      verifiedBy: officer.id,
      verifiedAt: DEMO_NOW,
      decidedBy: officer.id,
    });
    expect((await listClaimQueue(db, officer, DEMO_NOW)).map((c) => c.id)).not.toContain(id);
    await expect(decideClaim(db, other, claim, 'reject', { reason: REASON }, DEMO_NOW)).rejects.toBeInstanceOf(
      ConflictError,
    );

    const later = new Date(DEMO_NOW.getTime() + 86_400_000);
    await decideClaim(db, other, claim, 'revoke', { reason: REASON }, later);
    expect(await stateOf(db, id)).toMatchObject({
      verification: 'revoked',
      decisionReason: REASON,
      decidedAt: later,
      decidedBy: other.id,
      // Who verified it stays: the public page says both.
      verifiedBy: officer.id,
    });
    const actions = (await entriesFor(db, id)).map((entry) => entry.action).sort();
    expect(actions).toEqual(['certificate.revoked', 'certificate.verified']);
  });

  it('lets one of two officers deciding at once win; the other gets a conflict and writes nothing', async () => {
    for (const [first, second] of [
      ['verify', 'reject'],
      ['reject', 'request_evidence'],
      ['verify', 'verify'],
    ] as const) {
      const id = await pendingCertificate(db, cooperativeId);
      const claim = { kind: 'certificate' as const, id };
      const results = await Promise.allSettled([
        decideClaim(db, officer, claim, first, { reason: REASON }, DEMO_NOW),
        decideClaim(db, other, claim, second, { reason: REASON }, DEMO_NOW),
      ]);
      expect(
        results.filter((r) => r.status === 'fulfilled'),
        `${first}/${second}`,
      ).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected');
      expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(ConflictError);
      const entries = await entriesFor(db, id);
      expect(entries).toHaveLength(1);
      const state = await stateOf(db, id);
      expect(entries[0]?.action).toBe(`certificate.${state?.verification}`);
    }
  });

  it('does not verify a claim the cooperative changed after the officer saw it', async () => {
    const submittedAt = new Date('2026-11-21T02:00:00Z');
    const id = await pendingCertificate(db, cooperativeId, submittedAt);
    const claim = { kind: 'certificate' as const, id };
    // A cooperative's change (as updateCertificate makes it): new fields, back in the queue at a new time.
    await db
      .update(certifications)
      .set({ number: 'HACCP 9999/2026', submittedAt: new Date(submittedAt.getTime() + 1000), revision: 1 })
      .where(eq(certifications.id, id));
    await expect(decideClaim(db, officer, claim, 'verify', { version: 0 }, DEMO_NOW)).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await entriesFor(db, id)).toHaveLength(0);
    await decideClaim(db, officer, claim, 'verify', { version: 1 }, DEMO_NOW);
    expect((await stateOf(db, id))?.verification).toBe('verified');
  });
});

describe('decisions on an OCOP rating', () => {
  it('give its product the stars when verified and take them off when revoked; the page says revoked', async () => {
    const db = await demoDatabase();
    const officer = await officerOn(db);
    const [pending] = await db
      .select({ id: ocopRatings.id, productId: ocopRatings.productId, stars: ocopRatings.stars })
      .from(ocopRatings)
      .where(and(eq(ocopRatings.verification, 'pending'), eq(ocopRatings.stars, 5)))
      .limit(1);
    if (!pending) throw new Error('the demo has a pending 5-star rating');
    const stars = async () =>
      (
        await db
          .select({ s: products.ocopStars, slug: products.slug })
          .from(products)
          .where(eq(products.id, pending.productId))
      )[0];
    expect((await stars())?.s).not.toBe(5);

    await decideClaim(db, officer, { kind: 'ocop_rating', id: pending.id }, 'verify', {}, DEMO_NOW);
    expect((await stars())?.s).toBe(5);

    await decideClaim(db, officer, { kind: 'ocop_rating', id: pending.id }, 'revoke', { reason: REASON }, DEMO_NOW);
    expect((await stars())?.s).not.toBe(5);
    const [row] = await db.select().from(ocopRatings).where(eq(ocopRatings.id, pending.id));
    expect(row).toMatchObject({ verification: 'revoked', status: 'revoked', revokedReason: REASON });
    const page = await getPublicProduct(db, (await stars())?.slug ?? '', DEMO_NOW);
    expect(page.ocop).toMatchObject({ stars: 5, status: 'revoked' });
  });
});
