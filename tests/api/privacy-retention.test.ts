/**
 * Retention of buyers' personal data: the daily job anonymises inquiries whose thread has been silent for the
 * retention period, exactly those (the boundary on both sides, by the inquiry's date and by its last reply), and
 * nothing else of them or of any other inquiry; each once, each audited. On D1 (workerd) and libSQL alike.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { newId } from '../../src/server/db/ids';
import {
  auditLog,
  inquiries,
  inquiryNotifications,
  inquiryReplies,
  inquiryThreadTokens,
} from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { ERASED_EMAIL, ERASED_NAME } from '../../src/server/privacy/erasure';
import { retentionCutoff } from '../../src/server/privacy/retention';
import { DAILY_CRON, runScheduledJobs } from '../../src/server/scheduled';
import { createTestCooperative } from '../support/accounts';
import { bothStores } from '../support/stores';

const NOW = new Date('2028-12-03T17:05:00Z');
const CUTOFF = new Date('2026-12-03T17:05:00Z');
const MINUTE = 60_000;
const noMail = { send: async () => {} };

const stores = bothStores('retention');

/** An inquiry with a reply per date in `replies`, a thread link and a queued mail. */
async function inquiryWith(db: Database, cooperativeId: string, createdAt: Date, replies: Date[] = []) {
  const id = newId();
  await db.insert(inquiries).values({
    id,
    reference: `HTX-${id.slice(0, 4).toUpperCase()}-${id.slice(4, 8).toUpperCase()}`,
    cooperativeId,
    buyerName: `Người mua ${id}`,
    buyerOrganisation: 'Công ty Thử',
    email: `buyer-${id}@example.com`,
    phone: '+84912345678',
    country: 'JP',
    quantity: 20,
    quantityUnit: 'kg',
    message: `Xin báo giá, gọi tôi ở số 0912 345 678 (${id})`,
    locale: 'vi',
    consentToContact: true,
    consentNoticeVersion: '2026-12-03',
    status: 'replied',
    createdAt,
    updatedAt: createdAt,
  });
  for (const [index, at] of replies.entries()) {
    await db.insert(inquiryReplies).values({
      id: newId(),
      inquiryId: id,
      author: index % 2 === 0 ? 'cooperative' : 'buyer',
      body: `Chào anh ${id}, lời nhắn ${index}`,
      createdAt: at,
    });
  }
  await db.insert(inquiryThreadTokens).values({ id: newId(), inquiryId: id, tokenHash: `hash-${id}`, createdAt });
  await db.insert(inquiryNotifications).values({
    id: newId(),
    inquiryId: id,
    kind: 'buyer_receipt',
    recipient: `buyer-${id}@example.com`,
    subject: 'Biên nhận',
    textBody: `Chào ${id}`,
    status: 'sent',
    nextAttemptAt: createdAt,
    createdAt,
  });
  return id;
}

async function snapshot(db: Database, id: string) {
  const [inquiry] = await db.select().from(inquiries).where(eq(inquiries.id, id));
  return {
    inquiry,
    replies: await db.select().from(inquiryReplies).where(eq(inquiryReplies.inquiryId, id)),
    tokens: await db.select().from(inquiryThreadTokens).where(eq(inquiryThreadTokens.inquiryId, id)),
    mail: await db.select().from(inquiryNotifications).where(eq(inquiryNotifications.inquiryId, id)),
  };
}

it('the cutoff is calendar months back, the day clamped to a shorter month', () => {
  expect(retentionCutoff(NOW, 24)).toEqual(CUTOFF);
  expect(retentionCutoff(new Date('2027-03-31T10:00:00Z'), 1)).toEqual(new Date('2027-02-28T10:00:00Z'));
  expect(retentionCutoff(new Date('2028-03-31T10:00:00Z'), 1)).toEqual(new Date('2028-02-29T10:00:00Z'));
  expect(retentionCutoff(new Date('2027-01-15T00:00:00Z'), 3)).toEqual(new Date('2026-10-15T00:00:00Z'));
});

describe.each(stores)('the retention job on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let cooperativeId: string;

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    cooperativeId = await createTestCooperative(db);
  }, 120_000);
  afterAll(async () => dispose?.());

  it('anonymises exactly the threads silent since before the cutoff, each once, each audited', async () => {
    const old = new Date(CUTOFF.getTime() - 300 * 24 * 60 * MINUTE);
    const justOutside = await inquiryWith(db, cooperativeId, new Date(CUTOFF.getTime() - 1));
    const justInside = await inquiryWith(db, cooperativeId, new Date(CUTOFF.getTime() + 1));
    const repliedBefore = await inquiryWith(db, cooperativeId, old, [old, new Date(CUTOFF.getTime() - MINUTE)]);
    const repliedAfter = await inquiryWith(db, cooperativeId, old, [old, new Date(CUTOFF.getTime() + MINUTE)]);
    const kept = [justInside, repliedAfter];
    const erased = [justOutside, repliedBefore];
    const before = new Map(await Promise.all(kept.map(async (id) => [id, await snapshot(db, id)] as const)));
    const untouchedFields = new Map(
      await Promise.all(erased.map(async (id) => [id, (await snapshot(db, id)).inquiry] as const)),
    );

    await runScheduledJobs(db, noMail, DAILY_CRON, NOW, { inquiryRetentionMonths: 24 });

    for (const id of kept) expect(await snapshot(db, id), id).toEqual(before.get(id));
    for (const id of erased) {
      const after = await snapshot(db, id);
      const original = untouchedFields.get(id);
      expect(after.inquiry).toEqual({
        ...original,
        buyerName: ERASED_NAME,
        buyerOrganisation: null,
        email: ERASED_EMAIL,
        phone: null,
        message: '',
        requestFingerprint: null,
        anonymisedAt: NOW,
        updatedAt: NOW,
      });
      expect(after.replies.map((reply) => reply.body).every((body) => body === '')).toBe(true);
      expect(after.tokens).toEqual([]);
      expect(after.mail).toEqual([]);
      expect(JSON.stringify(after)).not.toContain(id.slice(0, 10) + '@');
    }
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'inquiry.anonymise'), inArray(auditLog.entityId, [...erased, ...kept])));
    expect(entries.map((entry) => entry.entityId).sort()).toEqual([...erased].sort());
    expect(entries.every((entry) => entry.actorUserId === null && entry.entityType === 'inquiry')).toBe(true);
    expect(entries[0]?.detail).toEqual({ reason: 'retention', months: 24 });

    // The next day finds nothing new to do: no second entry, nothing changed.
    const again = new Date(NOW.getTime() + 60 * MINUTE);
    const afterFirst = await Promise.all(erased.map((id) => snapshot(db, id)));
    await runScheduledJobs(db, noMail, DAILY_CRON, again, { inquiryRetentionMonths: 24 });
    expect(await Promise.all(erased.map((id) => snapshot(db, id)))).toEqual(afterFirst);
    const entriesAgain = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'inquiry.anonymise'), inArray(auditLog.entityId, erased)));
    expect(entriesAgain).toHaveLength(2);
  });

  it('follows the configured period: a shorter one reaches younger threads', async () => {
    const oneYear = await inquiryWith(db, cooperativeId, new Date(NOW.getTime() - 400 * 24 * 60 * MINUTE));
    await runScheduledJobs(db, noMail, DAILY_CRON, NOW, { inquiryRetentionMonths: 24 });
    expect((await snapshot(db, oneYear)).inquiry?.anonymisedAt).toBeNull();
    await runScheduledJobs(db, noMail, DAILY_CRON, NOW, { inquiryRetentionMonths: 12 });
    expect((await snapshot(db, oneYear)).inquiry?.anonymisedAt).toEqual(NOW);
  });
});
