/**
 * The officers' queues are counted in one module (src/server/moderation/officer-queues.ts); the account home, the
 * account navigation and the officers' daily digest read it. On the demo seed plus records in two provinces (D1 and
 * libSQL): the digest's total is the home's moderation and claims queues, for the country and for each province, the
 * provinces add up to the country, and the navigation shows the same numbers as the home. A member's navigation
 * counts only their cooperative's inquiries waiting for an answer and claims sent back for evidence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAccountWaiting, loadOfficerHome } from '../../src/server/accounts/home';
import { listClaimQueue } from '../../src/server/claims/claim-queue';
import type { SessionUser } from '../../src/server/accounts/users';
import type { Database } from '../../src/server/db/client';
import { newId } from '../../src/server/db/ids';
import { certifications, cooperatives, inquiries, ocopRatings, products } from '../../src/server/db/schema';
import { seedDemoData, seedReferenceData } from '../../src/server/db/seeding';
import { countOfficerQueues } from '../../src/server/moderation/officer-queues';
import { waitingWork } from '../../src/server/notifications/officer-queues';
import { createTestCooperative, createTestUser } from '../support/accounts';
import { DEMO_NOW } from '../support/demo';
import { bothStores } from '../support/stores';

function sessionUser(id: string, email: string, role: SessionUser['role'], cooperativeId: string | null): SessionUser {
  return { id, email, displayName: 'Thử', role, cooperativeId, isManager: false };
}

async function product(db: Database, cooperativeId: string, status: typeof products.$inferInsert.status) {
  const id = newId();
  await db.insert(products).values({
    id,
    slug: `sp-hang-cho-${id}`,
    cooperativeId,
    nameVi: `Sản phẩm chờ ${id}`,
    ocopGroup: 'thuc_pham',
    provinceCode: '01',
    traceCode: `Q${id.slice(0, 10)}`,
    unitVi: 'kg',
    unitEn: 'kg',
    status,
  });
  return id;
}

async function rating(db: Database, productId: string, verification: typeof ocopRatings.$inferInsert.verification) {
  await db.insert(ocopRatings).values({
    id: newId(),
    productId,
    stars: 3,
    level: 'province',
    decisionNumber: `QĐ-${newId().slice(0, 6)}`,
    decisionDate: '2026-01-10',
    verification,
    submittedAt: DEMO_NOW,
  });
}

async function certificate(
  db: Database,
  cooperativeId: string,
  verification: typeof certifications.$inferInsert.verification,
) {
  await db.insert(certifications).values({
    id: newId(),
    cooperativeId,
    kind: 'vietgap',
    number: `VG-${newId().slice(0, 6)}`,
    issuer: 'Trung tâm thử',
    validFrom: '2026-01-01',
    verification,
    submittedAt: DEMO_NOW,
  });
}

async function inquiry(db: Database, cooperativeId: string, status: typeof inquiries.$inferInsert.status) {
  const id = newId();
  await db.insert(inquiries).values({
    id,
    reference: `HTX-${id.slice(0, 4).toUpperCase()}-${id.slice(4, 8).toUpperCase()}`,
    cooperativeId,
    buyerName: 'Người mua',
    email: `buyer-${id}@example.com`,
    country: 'VN',
    message: 'Xin báo giá.',
    locale: 'vi',
    consentToContact: true,
    status,
  });
}

describe.each(bothStores('officer-queues'))('the officers’ queues on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let officer: SessionUser;

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    await seedDemoData(db, DEMO_NOW);
    // Work in two provinces besides the seed's: submitted products, pending claims.
    for (const provinceCode of ['01', '79']) {
      const cooperativeId = await createTestCooperative(db, provinceCode);
      const submitted = await product(db, cooperativeId, 'submitted');
      await rating(db, submitted, 'pending');
      await certificate(db, cooperativeId, 'pending');
      await certificate(db, cooperativeId, 'verified');
    }
    const officerRow = await createTestUser(db, { role: 'officer' });
    officer = sessionUser(officerRow.id, officerRow.email, 'officer', null);
  }, 240_000);
  afterAll(async () => dispose?.());

  it('the digest counts what the home counts, for the country and for every province, which add up', async () => {
    const home = await loadOfficerHome(db, officer);
    const country = await waitingWork(db, null);
    expect(country.total).toBeGreaterThan(0);
    expect(country.total).toBe(home.moderation.count + home.claims.count);

    const provinces = (await db.selectDistinct({ code: cooperatives.provinceCode }).from(cooperatives)).map(
      (row) => row.code,
    );
    let sum = 0;
    for (const code of provinces) {
      const [digest, counts] = await Promise.all([waitingWork(db, code), countOfficerQueues(db, code)]);
      expect(digest.total, code).toBe(
        counts.product.count +
          counts.change.count +
          counts.rating.count +
          counts.certificate.count +
          counts.labReport.count,
      );
      sum += digest.total;
    }
    expect(sum).toBe(country.total);
    // The two provinces given work above hold at least it (a product, a rating, a certificate each).
    expect((await waitingWork(db, '79')).total).toBeGreaterThanOrEqual(3);
  });

  it('counts every claim the verification queue lists, lab reports included', async () => {
    const [home, queue] = await Promise.all([loadOfficerHome(db, officer), listClaimQueue(db, officer, DEMO_NOW)]);
    // The demo seed has lab reports waiting beside the ratings and certificates.
    expect(queue.some((claim) => claim.kind === 'lab_report')).toBe(true);
    expect(home.claims.count).toBe(queue.length);
  });

  it('the navigation shows an officer the home’s queues', async () => {
    const [home, waiting] = await Promise.all([loadOfficerHome(db, officer), loadAccountWaiting(db, officer)]);
    expect(waiting.queues).toEqual(home);
    expect(waiting.inquiries).toBeNull();
  });

  it('the navigation shows a member their cooperative’s unanswered inquiries and claims needing evidence', async () => {
    const cooperativeId = await createTestCooperative(db);
    const otherId = await createTestCooperative(db);
    for (const status of ['new', 'new', 'read', 'replied', 'closed', 'spam'] as const)
      await inquiry(db, cooperativeId, status);
    await inquiry(db, otherId, 'new');
    const published = await product(db, cooperativeId, 'published');
    await rating(db, published, 'needs_evidence');
    await certificate(db, cooperativeId, 'needs_evidence');
    await certificate(db, cooperativeId, 'pending');
    await certificate(db, otherId, 'needs_evidence');
    const member = await createTestUser(db, { role: 'member', cooperativeId });

    const waiting = await loadAccountWaiting(db, sessionUser(member.id, member.email, 'member', cooperativeId));

    expect(waiting.inquiries).toEqual({ newCount: 2, unansweredCount: 1 });
    expect(waiting.claimsNeedingEvidence).toBe(2);
    expect(waiting.cooperativeSlug).toBe(`htx-test-${cooperativeId}`);
    expect(waiting.queues).toBeNull();
  });
});
