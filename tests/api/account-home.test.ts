/**
 * The account home's figures on the demo seed plus records of known shape (D1 and libSQL): a cooperative's to-do
 * counts only its own records in the right states, the officers' queues count what the seed holds and name the
 * oldest item; a member's data export holds theirs and nobody else's; their erasure request is recorded once and,
 * completed by an officer, removes the person while the cooperative's records stay.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMemberHome, loadOfficerHome, waitedFor } from '../../src/server/accounts/home';
import type { SessionUser } from '../../src/server/accounts/users';
import type { Database } from '../../src/server/db/client';
import { newId } from '../../src/server/db/ids';
import {
  auditLog,
  batches,
  certifications,
  cooperatives,
  eventRegistrations,
  events,
  inquiries,
  inquiryReplies,
  labReports,
  ocopRatings,
  privacyRequests,
  products,
  sessions,
  users,
} from '../../src/server/db/schema';
import { buildDemoDataset } from '../../src/server/db/seed/demo';
import { seedDemoData, seedReferenceData } from '../../src/server/db/seeding';
import { ERASED_NAME, erasedAccountEmail } from '../../src/server/privacy/erasure';
import {
  accountErasureRequestedAt,
  exportMemberData,
  requestAccountErasure,
} from '../../src/server/privacy/member-data';
import { completePrivacyRequest, listPrivacyRequests } from '../../src/server/privacy/requests';
import { createTestCooperative, createTestUser } from '../support/accounts';
import { DEMO_NOW } from '../support/demo';
import { bothStores } from '../support/stores';

const NOW = new Date(DEMO_NOW.getTime() + 60_000);
const DAY = 86_400_000;
const LONG_AGO = new Date('2020-01-01T00:00:00Z');

function sessionUser(id: string, email: string, role: SessionUser['role'], cooperativeId: string | null): SessionUser {
  return { id, email, displayName: 'Thử', role, cooperativeId, isManager: false };
}

let serial = 0;
async function product(db: Database, cooperativeId: string, fields: Partial<typeof products.$inferInsert>) {
  serial += 1;
  const id = newId();
  await db.insert(products).values({
    id,
    slug: `sp-thu-${id}`,
    cooperativeId,
    nameVi: `Sản phẩm thử ${serial}`,
    nameEn: `Test product ${serial}`,
    descriptionEn: 'Described in English.',
    ocopGroup: 'thuc_pham',
    provinceCode: '01',
    traceCode: `T${id.slice(0, 10)}`,
    unitVi: 'kg',
    unitEn: 'kg',
    priceVnd: 100_000,
    images: [{ id: 'a'.repeat(26), width: 800, height: 600 }] as unknown as typeof products.$inferInsert.images,
    ...fields,
  });
  return id;
}

async function inquiry(db: Database, cooperativeId: string, status: typeof inquiries.$inferInsert.status, at: Date) {
  const id = newId();
  await db.insert(inquiries).values({
    id,
    reference: `HTX-${id.slice(0, 4).toUpperCase()}-${id.slice(4, 8).toUpperCase()}`,
    cooperativeId,
    buyerName: `Người mua ${id}`,
    email: `buyer-${id}@example.com`,
    country: 'VN',
    message: 'Xin báo giá.',
    locale: 'vi',
    consentToContact: true,
    status,
    createdAt: at,
    updatedAt: at,
  });
  return id;
}

async function event(db: Database, startsInDays: number, closesInDays: number) {
  const id = newId();
  await db.insert(events).values({
    id,
    slug: `hoi-cho-${id}`,
    kind: 'fair',
    titleVi: `Hội chợ ${id}`,
    organiser: 'Sở Công Thương',
    startsAt: new Date(NOW.getTime() + startsInDays * DAY),
    endsAt: new Date(NOW.getTime() + (startsInDays + 2) * DAY),
    status: 'published',
    boothCapacity: 40,
    registrationClosesAt: new Date(NOW.getTime() + closesInDays * DAY),
  });
  return id;
}

describe.each(bothStores('account-home'))('the account home on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let cooperativeId: string;
  let officer: SessionUser;

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    await seedDemoData(db, DEMO_NOW);
    cooperativeId = await createTestCooperative(db);
    const officerRow = await createTestUser(db, { role: 'officer' });
    officer = sessionUser(officerRow.id, officerRow.email, 'officer', null);
  }, 240_000);
  afterAll(async () => dispose?.());

  it('counts the officers’ queues as the seed holds them, and names the oldest waiting item', async () => {
    const demo = buildDemoDataset(DEMO_NOW);
    const before = await loadOfficerHome(db, officer);
    expect(before.moderation.count).toBe(demo.products.filter((p) => p.status === 'submitted').length);
    expect(before.claims.count).toBe(
      [...demo.ocopRatings, ...demo.certifications, ...demo.labReports].filter(
        (c) => (c.verification ?? 'pending') === 'pending',
      ).length,
    );
    expect(before.registrations.count).toBe(
      demo.eventRegistrations.filter((r) => (r.status ?? 'pending') === 'pending').length,
    );
    expect(before.privacyRequests).toEqual({ count: 0, oldestSince: null });

    // A product submitted long ago becomes the oldest item of moderation; a new request fills the privacy queue.
    const other = await createTestCooperative(db);
    await product(db, other, { status: 'submitted', updatedAt: LONG_AGO });
    const member = await createTestUser(db, { role: 'member', cooperativeId: other });
    await requestAccountErasure(db, sessionUser(member.id, member.email, 'member', other), true, NOW);
    const after = await loadOfficerHome(db, officer);
    expect(after.moderation).toEqual({ count: before.moderation.count + 1, oldestSince: LONG_AGO });
    expect(after.privacyRequests).toEqual({ count: 1, oldestSince: NOW });
    expect(after.claims).toEqual(before.claims);

    await expect(loadOfficerHome(db, sessionUser(member.id, member.email, 'member', other))).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('shows a cooperative what waits for it, only its own, in the states that need it', async () => {
    // Inquiries: two new (one oldest), one read; answered, closed and spam ones wait for nothing.
    const oldest = await inquiry(db, cooperativeId, 'new', new Date(NOW.getTime() - 3 * DAY));
    await inquiry(db, cooperativeId, 'read', new Date(NOW.getTime() - 2 * DAY));
    await inquiry(db, cooperativeId, 'new', new Date(NOW.getTime() - DAY));
    for (const status of ['replied', 'closed', 'spam'] as const) await inquiry(db, cooperativeId, status, LONG_AGO);
    // Products: one in review without photo or price, one rejected, one published without English; a draft
    // without anything is not a gap (unfinished by nature), and another cooperative's products are not counted.
    const inReview = await product(db, cooperativeId, { status: 'submitted', images: [], priceVnd: null });
    await product(db, cooperativeId, { status: 'rejected', rejectionReason: 'Ảnh mờ' });
    const published = await product(db, cooperativeId, { status: 'published', nameEn: '', descriptionEn: '' });
    await product(db, cooperativeId, { status: 'draft', images: [], priceVnd: null, nameEn: '' });
    // Claims: a pending rating, a rejected whole-cooperative certificate with its reason; a verified one is fine.
    await db.insert(ocopRatings).values({
      id: newId(),
      productId: published,
      stars: 4,
      level: 'province',
      decisionNumber: 'QĐ-1/2026',
      decisionDate: '2026-01-10',
      verification: 'pending',
    });
    await db.insert(certifications).values([
      {
        id: newId(),
        cooperativeId,
        kind: 'vietgap',
        number: 'VG-1',
        issuer: 'Trung tâm thử',
        validFrom: '2026-01-01',
        verification: 'rejected',
        decisionReason: 'Bản chụp không đọc được',
      },
      {
        id: newId(),
        productId: inReview,
        cooperativeId,
        kind: 'haccp',
        number: 'H-1',
        issuer: 'Trung tâm thử',
        validFrom: '2026-01-01',
        verification: 'verified',
      },
      // Sent back for better evidence: waiting for the cooperative, not for the officers.
      {
        id: newId(),
        cooperativeId,
        kind: 'organic',
        number: 'HC-1',
        issuer: 'Trung tâm thử',
        validFrom: '2026-01-01',
        verification: 'needs_evidence',
        decisionReason: 'Bản chụp mờ',
      },
    ]);
    // Registrations: an upcoming fair (pending) is shown; a withdrawn one and a past fair are not.
    const upcoming = await event(db, 30, 10);
    const withdrawnFrom = await event(db, 40, 10);
    const past = await event(db, -10, -20);
    await db.insert(eventRegistrations).values([
      { id: newId(), eventId: upcoming, cooperativeId, booths: 2, status: 'pending' },
      { id: newId(), eventId: withdrawnFrom, cooperativeId, booths: 1, status: 'withdrawn' },
      { id: newId(), eventId: past, cooperativeId, booths: 1, status: 'confirmed' },
    ]);

    const home = await loadMemberHome(db, cooperativeId, NOW);

    expect(home.inquiries.newCount).toBe(2);
    expect(home.inquiries.unansweredCount).toBe(1);
    expect(home.inquiries.oldest.map((i) => i.status)).toEqual(['new', 'read', 'new']);
    const [first] = await db.select().from(inquiries).where(eq(inquiries.id, oldest));
    expect(home.inquiries.oldest[0]?.reference).toBe(first?.reference);
    expect(waitedFor(home.inquiries.oldest[0]!.createdAt, NOW)).toEqual({ unit: 'days', count: 3 });

    expect(home.products.inReview).toBe(1);
    expect(home.products.rejected).toBe(1);
    expect(home.products.items.find((p) => p.status === 'rejected')?.rejectionReason).toBe('Ảnh mờ');

    expect(home.claims.pending).toBe(1);
    expect(home.claims.needsEvidence).toBe(1);
    expect(home.claims.rejected).toBe(1);
    expect(home.claims.items.find((c) => c.verification === 'rejected')).toMatchObject({
      kind: 'certificate',
      product: null,
      reason: 'Bản chụp không đọc được',
    });

    expect(home.registrations.map((r) => [r.status, r.booths])).toEqual([['pending', 2]]);
    expect(home.registrations[0]?.registrationClosesAt).toEqual(new Date(NOW.getTime() + 10 * DAY));

    expect(home.gaps).toEqual({
      cooperative: { logo: true, photos: true, englishDescription: true, location: true },
      products: { withoutPhotos: 1, withoutPrice: 1, withoutEnglish: 1 },
    });

    // Once the profile is complete, it has no gap left.
    await db
      .update(cooperatives)
      .set({ logoUrl: '/logo.png', images: ['/a.jpg'], descriptionEn: 'About us', latitude: 21, longitude: 105.8 })
      .where(eq(cooperatives.id, cooperativeId));
    expect((await loadMemberHome(db, cooperativeId, NOW)).gaps.cooperative).toEqual({
      logo: false,
      photos: false,
      englishDescription: false,
      location: false,
    });
  });

  it('lists a batch’s lab report waiting or turned down with its lot and reason, not a verified one', async () => {
    const cooperativeId = await createTestCooperative(db);
    const productId = await product(db, cooperativeId, { status: 'published' });
    const batchId = newId();
    await db.insert(batches).values({
      id: batchId,
      productId,
      lotCode: 'LOT-HOME-1',
      productionDate: '2026-06-01',
      quantity: 10,
      quantityUnit: 'kg',
    });
    const report = (reportNumber: string, verification: 'pending' | 'rejected' | 'verified') => ({
      id: newId(),
      batchId,
      cooperativeId,
      lab: 'Phòng thử',
      reportNumber,
      reportedOn: '2026-06-10',
      tests: ['microbiology' as const],
      result: 'pass' as const,
      summary: 'Đạt.',
      verification,
      decisionReason: verification === 'rejected' ? 'Số phiếu không khớp' : null,
    });
    await db
      .insert(labReports)
      .values([report('KQ-1', 'pending'), report('KQ-2', 'rejected'), report('KQ-3', 'verified')]);

    const home = await loadMemberHome(db, cooperativeId, NOW);
    expect(home.claims.pending).toBe(1);
    expect(home.claims.rejected).toBe(1);
    expect(home.claims.items.map((c) => [c.kind, c.number, c.batch?.lotCode, c.reason]).sort()).toEqual([
      ['lab_report', 'KQ-1', 'LOT-HOME-1', null],
      ['lab_report', 'KQ-2', 'LOT-HOME-1', 'Số phiếu không khớp'],
    ]);
  });

  it('exports a member’s data and only theirs; erasure, once asked and completed, removes the person', async () => {
    const a = await createTestUser(db, { role: 'member', cooperativeId });
    const b = await createTestUser(db, { role: 'member', cooperativeId });
    const memberA = sessionUser(a.id, a.email, 'member', cooperativeId);
    const memberB = sessionUser(b.id, b.email, 'member', cooperativeId);
    const thread = await inquiry(db, cooperativeId, 'replied', new Date(NOW.getTime() - DAY));
    for (const [user, words] of [
      [a, 'Lời của A'],
      [b, 'Lời của B'],
    ] as const) {
      await db.insert(inquiryReplies).values({ id: newId(), inquiryId: thread, authorUserId: user.id, body: words });
      await db.insert(auditLog).values({
        id: newId(),
        actorUserId: user.id,
        action: 'product.updated',
        entityType: 'product',
        entityId: `of-${user.id}`,
      });
      await db.insert(sessions).values({
        id: newId(),
        secretHash: `secret-of-${user.id}`,
        userId: user.id,
        createdAt: NOW,
        lastVerifiedAt: NOW,
      });
    }

    const data = await exportMemberData(db, memberA, NOW);
    expect(data.account).toMatchObject({ id: a.id, email: a.email, role: 'member' });
    expect(data.sessions).toHaveLength(1);
    expect(data.actions.map((x) => x.entityId)).toEqual([`of-${a.id}`]);
    expect(data.messages.map((x) => x.body)).toEqual(['Lời của A']);
    const text = JSON.stringify(data);
    for (const theirs of [b.id, b.email, 'Lời của B', 'secret-of']) expect(text).not.toContain(theirs);

    // Asking: confirmed only, members only, once however often.
    await expect(requestAccountErasure(db, memberA, false, NOW)).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(requestAccountErasure(db, officer, true, NOW)).rejects.toMatchObject({ code: 'forbidden' });
    await requestAccountErasure(db, memberA, true, NOW);
    await requestAccountErasure(db, memberA, true, new Date(NOW.getTime() + 1000));
    expect(await accountErasureRequestedAt(db, memberA)).toEqual(NOW);
    const asked = await db.select().from(privacyRequests).where(eq(privacyRequests.userId, a.id));
    expect(asked).toHaveLength(1);
    const created = await db.select().from(auditLog).where(eq(auditLog.action, 'privacy_request.create'));
    expect(created.filter((entry) => entry.entityId === a.id)).toHaveLength(1);

    const { pending } = await listPrivacyRequests(db, officer);
    const row = pending.find((request) => request.id === asked[0]!.id);
    expect(row).toMatchObject({ subjectType: 'account', personName: expect.stringContaining('Test User') });

    await completePrivacyRequest(db, officer, asked[0]!.id, NOW);
    await expect(completePrivacyRequest(db, officer, asked[0]!.id, NOW)).rejects.toMatchObject({
      code: 'not_found',
    });

    const [erased] = await db.select().from(users).where(eq(users.id, a.id));
    expect(erased).toMatchObject({ displayName: ERASED_NAME, email: erasedAccountEmail(a.id), isManager: false });
    expect(erased?.disabledAt).toEqual(NOW);
    expect(await db.select().from(sessions).where(eq(sessions.userId, a.id))).toEqual([]);
    // The cooperative's correspondence stays, without naming its author; B is untouched.
    const replies = await db.select().from(inquiryReplies).where(eq(inquiryReplies.inquiryId, thread));
    expect(replies.map((r) => [r.body, r.authorUserId]).sort()).toEqual([
      ['Lời của A', null],
      ['Lời của B', b.id],
    ]);
    expect(await db.select().from(sessions).where(eq(sessions.userId, b.id))).toHaveLength(1);
    const [bRow] = await db.select().from(users).where(eq(users.id, b.id));
    expect(bRow?.email).toBe(b.email);
    const completed = await db.select().from(auditLog).where(eq(auditLog.action, 'privacy_request.complete'));
    expect(completed.filter((entry) => entry.entityId === a.id)).toHaveLength(1);
    expect((await db.select().from(cooperatives).where(eq(cooperatives.id, cooperativeId))).length).toBe(1);
    expect((await exportMemberData(db, memberB, NOW)).messages.map((m) => m.body)).toEqual(['Lời của B']);
  });
});
