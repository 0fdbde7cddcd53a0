/**
 * What an officer reviews a product with, and the order of the queues: the
 * review carries the product's OCOP ratings, the certificates that cover it
 * (its own and its cooperative's) and its batches with their lab reports, in
 * every state; the moderation and verification queues list the longest
 * waiting first, or the newest first when asked.
 */
import { and, eq, isNull, ne } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/server/accounts/users';
import { CLAIM_QUEUE_LIMIT, listClaimQueue, listVerifiedClaims } from '../../src/server/claims/claim-queue';
import type { Database } from '../../src/server/db/client';
import { batches, certifications, cooperatives, labReports, ocopRatings, products } from '../../src/server/db/schema';
import { listModerationQueue, loadReview } from '../../src/server/moderation/moderation';
import { REVIEW_BATCH_LIMIT } from '../../src/server/moderation/product-backing';
import { readWaitingOrder, withWaitingOrder } from '../../src/server/moderation/waiting-order';
import { createTestOfficer } from '../support/accounts';
import { DEMO_NOW, demoDatabase } from '../support/demo';

let db: Database;
let officer: SessionUser;

beforeAll(async () => {
  db = await demoDatabase();
  officer = await createTestOfficer(db);
});

/** The product of the demo's pending lab report: it has a batch with a report that waits. */
async function productWithPendingLabReport() {
  const [row] = await db
    .select({ productId: batches.productId, batchId: batches.id, reportId: labReports.id })
    .from(labReports)
    .innerJoin(batches, eq(batches.id, labReports.batchId))
    .where(eq(labReports.verification, 'pending'))
    .limit(1);
  if (!row) throw new Error('the demo has no pending lab report');
  return row;
}

describe('the review shows what backs the product', () => {
  it('lists its ratings, its own and its cooperative’s certificates, and its batches with their lab reports', async () => {
    const { productId, batchId, reportId } = await productWithPendingLabReport();
    const [product] = await db
      .select({ cooperativeId: products.cooperativeId })
      .from(products)
      .where(eq(products.id, productId));
    const review = await loadReview(db, officer, productId);

    const ratings = await db.select().from(ocopRatings).where(eq(ocopRatings.productId, productId));
    expect(review.backing.ratings.map((rating) => rating.id).sort()).toEqual(ratings.map((rating) => rating.id).sort());

    const own = await db
      .select({ id: certifications.id })
      .from(certifications)
      .where(eq(certifications.productId, productId));
    const whole = await db
      .select({ id: certifications.id })
      .from(certifications)
      .where(and(eq(certifications.cooperativeId, product?.cooperativeId ?? ''), isNull(certifications.productId)));
    expect(review.backing.certificates.map((cert) => cert.id).sort()).toEqual(
      [...own, ...whole].map((cert) => cert.id).sort(),
    );
    for (const cert of review.backing.certificates)
      expect(cert.wholeCooperative).toBe(whole.some((each) => each.id === cert.id));
    // Today in Viet Nam, which tells an expired rating or certificate.
    expect(review.backing.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const batch = review.backing.batches.find((each) => each.id === batchId);
    expect(batch).toBeDefined();
    expect(batch?.labReports.find((report) => report.id === reportId)?.verification).toBe('pending');
    // Each report is under its own batch only.
    const reportIds = review.backing.batches.flatMap((each) => each.labReports.map((report) => report.id));
    expect(new Set(reportIds).size).toBe(reportIds.length);
  });

  it('shows a rating in whatever state it is, with the reason of a rejection', async () => {
    const [rating] = await db.select().from(ocopRatings).limit(1);
    if (!rating) throw new Error('the demo has no rating');
    await db
      .update(ocopRatings)
      .set({ verification: 'rejected', decisionReason: 'Số quyết định không khớp.' })
      .where(eq(ocopRatings.id, rating.id));
    const review = await loadReview(db, officer, rating.productId);
    expect(review.backing.ratings.find((each) => each.id === rating.id)).toMatchObject({
      verification: 'rejected',
      decisionReason: 'Số quyết định không khớp.',
    });
  });

  it('shows the newest batches of a product with many, and says how many it has', async () => {
    const { productId } = await productWithPendingLabReport();
    const before = (await loadReview(db, officer, productId)).backing.batchCount;
    const extra = REVIEW_BATCH_LIMIT + 5;
    await db.insert(batches).values(
      Array.from({ length: extra }, (_, i) => ({
        id: `review-batch-${i}`,
        productId,
        lotCode: `REVIEW-${String(i).padStart(2, '0')}`,
        productionDate: `2030-01-${String(i + 1).padStart(2, '0')}`,
        quantity: 10,
        quantityUnit: 'kg',
      })),
    );
    const { backing } = await loadReview(db, officer, productId);
    expect(backing.batches).toHaveLength(REVIEW_BATCH_LIMIT);
    expect(backing.batchCount).toBe(before + extra);
    const dates = backing.batches.map((batch) => batch.productionDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]).toBe(`2030-01-${extra}`);
  });
});

describe('the queues’ order by waiting time', () => {
  it('reads the order from the address, the longest waiting first unless newest is asked', () => {
    expect(readWaitingOrder(new URLSearchParams(''))).toBe('oldest');
    expect(readWaitingOrder(new URLSearchParams('sort=newest'))).toBe('newest');
    expect(readWaitingOrder(new URLSearchParams('sort=oldest'))).toBe('oldest');
    expect(readWaitingOrder(new URLSearchParams('sort=<script>'))).toBe('oldest');
    expect(withWaitingOrder('/tai-khoan/kiem-duyet', 'oldest')).toBe('/tai-khoan/kiem-duyet');
    expect(withWaitingOrder('/tai-khoan/kiem-duyet', 'newest')).toBe('/tai-khoan/kiem-duyet?sort=newest');
    expect(withWaitingOrder('/x', 'newest', { done: 'verify' })).toBe('/x?done=verify&sort=newest');
  });

  it('lists the moderation queue oldest or newest first', async () => {
    // A second submitted product, so the order means something.
    const [published] = await db
      .select({ id: products.id })
      .from(products)
      .where(eq(products.status, 'published'))
      .limit(2);
    await db
      .update(products)
      .set({ status: 'submitted', updatedAt: DEMO_NOW })
      .where(eq(products.id, published?.id ?? ''));
    const oldest = await listModerationQueue(db, officer);
    const newest = await listModerationQueue(db, officer, 'newest');
    expect(oldest.length).toBeGreaterThanOrEqual(2);
    const times = (queue: typeof oldest) => queue.map((entry) => entry.submittedAt.getTime());
    expect(times(oldest)).toEqual([...times(oldest)].sort((a, b) => a - b));
    expect(times(newest)).toEqual([...times(newest)].sort((a, b) => b - a));
    expect(newest[0]?.id).toBe(published?.id);
    // The demo's were sent within the last two weeks, the oldest of them first.
    const waited = DEMO_NOW.getTime() - (oldest[0]?.submittedAt.getTime() ?? 0);
    expect(waited).toBeGreaterThan(DEMO_NOW.getTime() - (newest[0]?.submittedAt.getTime() ?? 0));
    expect(waited).toBeLessThanOrEqual(14 * 86_400_000);
  });

  it('lists the verification queue oldest or newest first', async () => {
    const oldest = await listClaimQueue(db, officer, DEMO_NOW);
    const newest = await listClaimQueue(db, officer, DEMO_NOW, 'newest');
    expect(oldest.length).toBeGreaterThanOrEqual(3);
    const times = (queue: typeof oldest) => queue.map((claim) => claim.submittedAt.getTime());
    expect(times(oldest)).toEqual([...times(oldest)].sort((a, b) => a - b));
    expect(times(newest)).toEqual([...times(newest)].sort((a, b) => b - a));
    expect(new Set(newest.map((claim) => claim.id))).toEqual(new Set(oldest.map((claim) => claim.id)));
    // Each says for how long it has waited, in whole hours.
    for (const claim of oldest)
      expect(claim.waitingHours).toBe(Math.floor((DEMO_NOW.getTime() - claim.submittedAt.getTime()) / 3_600_000));
  });
});

describe("one cooperative's claims in the verification queue", () => {
  it('lists only its claims, waiting or verified, and reaches those the whole queue leaves out', async () => {
    const { productId, reportId } = await productWithPendingLabReport();
    const review = await loadReview(db, officer, productId);
    const scope = { cooperative: review.backing.cooperativeSlug };
    const whole = await listClaimQueue(db, officer, DEMO_NOW);
    const scoped = await listClaimQueue(db, officer, DEMO_NOW, 'oldest', scope);
    expect(scoped.map((claim) => claim.id)).toEqual(
      whole.filter((claim) => claim.cooperative.slug === scope.cooperative).map((claim) => claim.id),
    );
    expect(scoped.map((claim) => claim.id)).toContain(reportId);
    const verified = await listVerifiedClaims(db, officer, DEMO_NOW, scope);
    expect(verified.length).toBeGreaterThan(0);
    expect(new Set(verified.map((claim) => claim.cooperative.slug))).toEqual(new Set([scope.cooperative]));

    // A full page of older claims from another cooperative pushes this one's out of the whole queue.
    const [other] = await db
      .select({ id: cooperatives.id })
      .from(cooperatives)
      .where(ne(cooperatives.slug, scope.cooperative))
      .limit(1);
    const older = Array.from({ length: CLAIM_QUEUE_LIMIT }, (_, i) => ({
      id: `older-claim-${i}`,
      cooperativeId: other?.id ?? '',
      kind: 'vietgap' as const,
      number: `VietGAP-TT-${String(i).padStart(2, '0')}-01-0001`,
      issuer: 'Trung tâm chứng nhận',
      validFrom: '2019-01-01',
      verification: 'pending' as const,
      submittedAt: new Date(Date.UTC(2019, 0, 1, 0, i)),
    }));
    for (let i = 0; i < older.length; i += 5) await db.insert(certifications).values(older.slice(i, i + 5));
    expect((await listClaimQueue(db, officer, DEMO_NOW)).map((claim) => claim.id)).not.toContain(reportId);
    expect((await listClaimQueue(db, officer, DEMO_NOW, 'oldest', scope)).map((claim) => claim.id)).toContain(reportId);
  });
});
