/**
 * Claims never lapse unnoticed: the daily job reminds a cooperative's people
 * (each in their language) of verified claims expiring in 90, 30 and 7 days
 * and on the day, each reminder once, under repeated and concurrent runs, on
 * libSQL and on D1 as workerd runs it; pending and renewed claims are left
 * alone, and a disabled account hears nothing.
 */
import { and, eq, gte, lt, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueClaimReminders } from '../../src/server/claims/claim-reminders';
import { listExpiringClaims } from '../../src/server/claims/expiring-claims';
import { recordVerifiedVersions } from '../../src/server/claims/verified-version';
import type { Database } from '../../src/server/db/client';
import { newId } from '../../src/server/db/ids';
import {
  certifications,
  claimReminders,
  cooperatives,
  notifications,
  ocopRatings,
  products,
  users,
} from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { RecordingMailer } from '../support/recording-mailer';
import type { CertificationKind } from '../../src/server/products/vocabulary';
import { DAILY_CRON, runScheduledJobs } from '../../src/server/scheduled';
import { addDaysToDate, vietnamDate } from '../../src/server/time/vietnam';
import { createTestCooperative, createTestUser, sessionCookieFor } from '../support/accounts';
import { apiOn, call } from '../support/api';
import { demoDatabase } from '../support/demo';
import { bothStores } from '../support/stores';

const ORIGIN = 'https://cho-htx.example';
/** 00:05 on 1 December 2026 in Viet Nam, when the daily trigger fires. */
const DAY_ONE = new Date('2026-11-30T17:05:00Z');
const TODAY = vietnamDate(DAY_ONE);
const DAY_MS = 86_400_000;

/** The notifications whose idempotency key starts with `prefix` (a range: D1 refuses LIKE patterns over 50 bytes). */
const mailAbout = (db: Database, prefix: string) =>
  db
    .select()
    .from(notifications)
    .where(and(gte(notifications.idempotencyKey, prefix), lt(notifications.idempotencyKey, `${prefix}~`)));

async function certificate(
  db: Database,
  cooperativeId: string,
  validUntil: string,
  verification: 'verified' | 'pending' = 'verified',
  kind: CertificationKind = 'haccp',
) {
  const id = newId();
  await db.insert(certifications).values({
    id,
    productId: null,
    cooperativeId,
    kind,
    number: `${kind.toUpperCase()} ${id.slice(0, 4)}/2024`,
    issuer: 'Tổ chức thử',
    validFrom: '2024-01-01',
    validUntil,
    verification,
  });
  // As an officer's verification leaves it: with the verified version the public and the reminders read.
  await recordVerifiedVersions(db);
  return id;
}

describe.each(bothStores('reminders'))('claim expiry reminders on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let cooperativeId: string;
  let manager: string;
  let member: string;

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    cooperativeId = await createTestCooperative(db);
    manager = (await createTestUser(db, { role: 'member', cooperativeId, isManager: true, iterations: 1000 })).id;
    member = (await createTestUser(db, { role: 'member', cooperativeId, iterations: 1000 })).id;
    await db.update(users).set({ locale: 'en' }).where(eq(users.id, member));
    const disabled = await createTestUser(db, { role: 'member', cooperativeId, iterations: 1000 });
    await db.update(users).set({ disabledAt: DAY_ONE }).where(eq(users.id, disabled.id));
  }, 120_000);
  afterAll(async () => dispose?.());

  const mailOf = (claimId: string) => mailAbout(db, `claim_expiry:certificate:${claimId}:`);

  it('reminds manager and member once, each in their language, however often and concurrently the job runs', async () => {
    const id = await certificate(db, cooperativeId, addDaysToDate(TODAY, 30));
    const pending = await certificate(db, cooperativeId, addDaysToDate(TODAY, 30), 'pending');
    // Another kind: a later certificate of the same kind would count as its renewal.
    const far = await certificate(db, cooperativeId, addDaysToDate(TODAY, 91), 'verified', 'iso22000');

    const runs = await Promise.all([
      queueClaimReminders(db, TODAY, DAY_ONE, ORIGIN),
      queueClaimReminders(db, TODAY, DAY_ONE, ORIGIN),
      queueClaimReminders(db, TODAY, DAY_ONE, ORIGIN),
    ]);
    await queueClaimReminders(db, TODAY, DAY_ONE, ORIGIN);
    expect(runs.map((run) => run.reminded).reduce((a, b) => a + b)).toBe(1);

    const queued = await mailOf(id);
    expect(queued.map((row) => row.userId).sort()).toEqual([manager, member].sort());
    const english = queued.find((row) => row.userId === member);
    const vietnamese = queued.find((row) => row.userId === manager);
    expect(english?.subject).toMatch(/expires in 30 days$/);
    expect(vietnamese?.subject).toMatch(/hết hiệu lực sau 30 ngày$/);
    expect(vietnamese?.textBody).toContain(`${ORIGIN}/tai-khoan`);
    expect(english?.textBody).toContain(`${ORIGIN}/en/account`);
    expect(await mailOf(pending)).toEqual([]);
    expect(await mailOf(far)).toEqual([]);
    expect(await db.select().from(claimReminders).where(eq(claimReminders.claimId, id))).toHaveLength(1);

    // The cron sends them, once, also when two runs of it overlap.
    const mailer = new RecordingMailer();
    await Promise.all([
      runScheduledJobs(db, mailer, DAILY_CRON, DAY_ONE, { mailOrigin: ORIGIN }),
      runScheduledJobs(db, mailer, DAILY_CRON, DAY_ONE, { mailOrigin: ORIGIN }),
    ]);
    await runScheduledJobs(db, mailer, DAILY_CRON, new Date(DAY_ONE.getTime() + 3_600_000), { mailOrigin: ORIGIN });
    const aboutIt = mailer.sent.filter((mail) => queued.some((row) => row.subject === mail.subject));
    expect(aboutIt.map((mail) => mail.to).sort()).toEqual(queued.map((row) => row.recipient).sort());
    expect((await mailOf(id)).every((row) => row.status === 'sent')).toBe(true);
  });

  it('reminds again at the next threshold, catches up a missed day, and stops once renewed', async () => {
    const id = await certificate(db, cooperativeId, addDaysToDate(TODAY, 9), 'verified', 'vietgap');
    const at = (days: number) => new Date(DAY_ONE.getTime() + days * DAY_MS);
    await queueClaimReminders(db, vietnamDate(at(0)), at(0), ORIGIN); // 9 days left: the 30-day reminder
    await queueClaimReminders(db, vietnamDate(at(1)), at(1), ORIGIN); // 8 days: nothing new
    // The job did not run on the day 7 were left; 6 days left: the 7-day reminder, once.
    await queueClaimReminders(db, vietnamDate(at(3)), at(3), ORIGIN);
    await queueClaimReminders(db, vietnamDate(at(4)), at(4), ORIGIN);
    const thresholds = async () =>
      (await db.select().from(claimReminders).where(eq(claimReminders.claimId, id)))
        .map((row) => row.thresholdDays)
        .sort((a, b) => a - b);
    expect(await thresholds()).toEqual([7, 30]);
    expect(await mailOf(id)).toHaveLength(4);

    // Renewed: a later VietGAP certificate is verified; the old one is no longer reminded on its last day.
    await certificate(db, cooperativeId, addDaysToDate(TODAY, 3 * 365), 'verified', 'vietgap');
    await queueClaimReminders(db, vietnamDate(at(9)), at(9), ORIGIN);
    expect(await thresholds()).toEqual([7, 30]);
  });

  it('reminds of the verified version: an edit waiting for an officer neither silences nor moves a reminder', async () => {
    // Verified to lapse in 30 days; the cooperative's renewal (three more years) waits in the queue.
    const renewed = await certificate(db, cooperativeId, addDaysToDate(TODAY, 30), 'verified', 'globalgap');
    // Verified to lapse in 200 days; an edit would make it lapse in 20.
    const shortened = await certificate(db, cooperativeId, addDaysToDate(TODAY, 200), 'verified', 'organic');
    const edit = (id: string, validUntil: string) =>
      db
        .update(certifications)
        .set({ validUntil, verification: 'pending', submittedAt: DAY_ONE })
        .where(eq(certifications.id, id));
    await edit(renewed, addDaysToDate(TODAY, 3 * 365));
    await edit(shortened, addDaysToDate(TODAY, 20));

    await queueClaimReminders(db, TODAY, DAY_ONE, ORIGIN);
    const reminders = await db.select().from(claimReminders).where(eq(claimReminders.claimId, renewed));
    expect(reminders.map((row) => [row.validUntil, row.thresholdDays])).toEqual([[addDaysToDate(TODAY, 30), 30]]);
    expect(await mailOf(renewed)).toHaveLength(2);
    expect(await mailOf(shortened)).toEqual([]);
    const listed = await listExpiringClaims(db, { today: TODAY, fromDays: 0, toDays: 90, cooperativeId });
    expect(listed.find((claim) => claim.id === renewed)).toMatchObject({ daysLeft: 30 });
    expect(listed.map((claim) => claim.id)).not.toContain(shortened);
  });

  it('lists what expires for a cooperative or a province, soonest first, and nothing of another province', async () => {
    const elsewhere = await createTestCooperative(db, '79');
    const theirs = await certificate(db, elsewhere, addDaysToDate(TODAY, 60));
    const here = await listExpiringClaims(db, { today: TODAY, fromDays: 0, toDays: 90, provinceCode: '01' });
    expect(here.map((claim) => claim.id)).not.toContain(theirs);
    expect(here.map((claim) => claim.validUntil)).toEqual([...here.map((claim) => claim.validUntil)].sort());
    const there = await listExpiringClaims(db, { today: TODAY, fromDays: 0, toDays: 90, provinceCode: '79' });
    expect(there.map((claim) => claim.id)).toEqual([theirs]);
    expect(there[0]).toMatchObject({ daysLeft: 60, cooperative: { id: elsewhere } });
  });
});

describe('an OCOP rating about to expire', () => {
  it('is reminded to its cooperative at 90 days, and the rating is named with its stars', async () => {
    const db = await demoDatabase();
    const [manager] = await db.select().from(users).where(eq(users.id, 'demo-user-manager-1'));
    const [rating] = await db
      .select({ id: ocopRatings.id, productId: ocopRatings.productId })
      .from(ocopRatings)
      .innerJoin(products, eq(products.id, ocopRatings.productId))
      .where(and(eq(ocopRatings.verification, 'verified'), eq(products.cooperativeId, manager?.cooperativeId ?? '')))
      .limit(1);
    if (!rating) throw new Error('the demo has a verified rating');
    // Its only rating now: decided so that its last valid day is 80 days after DAY_ONE's date.
    await db.delete(ocopRatings).where(and(eq(ocopRatings.productId, rating.productId)));
    const lastDay = addDaysToDate(TODAY, 80);
    const decided = `${Number(lastDay.slice(0, 4)) - 3}${lastDay.slice(4)}`;
    await db.insert(ocopRatings).values({
      id: 'expiring-rating',
      productId: rating.productId,
      stars: 4,
      level: 'province',
      decisionNumber: '12/QĐ-UBND',
      decisionDate: decided,
      verification: 'verified',
    });
    await recordVerifiedVersions(db);
    await queueClaimReminders(db, TODAY, DAY_ONE, 'https://cho-htx.example');
    const rows = await mailAbout(db, 'claim_expiry:ocop_rating:expiring-rating:');
    expect(rows.map((row) => row.userId)).toContain('demo-user-manager-1');
    expect(rows.every((row) => row.idempotencyKey.includes(`:${lastDay}:90:`))).toBe(true);
    expect(rows.map((row) => row.subject).join('\n')).toMatch(/(Xếp hạng OCOP 4 sao|4-star OCOP rating)/);
  });
});

describe('the officers’ CSV of what expires within 90 days', () => {
  it('holds the officer’s province only, every province for an admin, and nothing for a member', async () => {
    const db = await demoDatabase();
    const api = apiOn(db);
    const [officer] = await db.select().from(users).where(eq(users.id, 'demo-user-officer'));
    const today = vietnamDate(new Date());
    // One expiring certificate in the officer's province and one elsewhere.
    const [own] = await db
      .select({ id: cooperatives.id })
      .from(cooperatives)
      .where(eq(cooperatives.provinceCode, officer?.provinceCode ?? ''))
      .limit(1);
    const [other] = await db
      .select({ id: cooperatives.id })
      .from(cooperatives)
      .where(ne(cooperatives.provinceCode, officer?.provinceCode ?? ''))
      .limit(1);
    const mine = await certificate(db, own?.id ?? '', addDaysToDate(today, 45), 'verified', 'organic');
    const theirs = await certificate(db, other?.id ?? '', addDaysToDate(today, 45), 'verified', 'organic');
    const numberOf = async (id: string) =>
      (await db.select({ n: certifications.number }).from(certifications).where(eq(certifications.id, id)))[0]?.n ?? '';

    const csvAs = async (userId: string) =>
      call(api, '/admin/expiring-claims.csv', { headers: { cookie: await sessionCookieFor(db, userId) } });
    const asOfficer = await csvAs('demo-user-officer');
    expect(asOfficer.status).toBe(200);
    expect(asOfficer.headers.get('content-type')).toContain('text/csv');
    const officerCsv = await asOfficer.text();
    expect(officerCsv.split('\r\n')[0]).toBe(
      'valid_until,days_left,kind,certificate_kind,stars,number,product,cooperative,cooperative_slug,province',
    );
    expect(officerCsv).toContain(await numberOf(mine));
    expect(officerCsv).not.toContain(await numberOf(theirs));

    const adminCsv = await (await csvAs('demo-user-admin')).text();
    expect(adminCsv).toContain(await numberOf(mine));
    expect(adminCsv).toContain(await numberOf(theirs));

    expect((await csvAs('demo-user-member-1')).status).toBe(403);
  });
});
