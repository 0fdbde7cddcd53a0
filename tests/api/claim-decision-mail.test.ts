/**
 * A cooperative hears of each officer's decision on its claims: one mail per
 * manager and member, in their language, with the reason, queued in the
 * decision's batch; of two officers racing, only the winner's decision is
 * told, and each mail goes out once however many senders race for it
 * (libSQL and D1).
 */
import { and, eq, gte, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/server/accounts/users';
import { decideClaim } from '../../src/server/claims/claim-decisions';
import type { Database } from '../../src/server/db/client';
import { newId } from '../../src/server/db/ids';
import { certifications, notifications, users } from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { RecordingMailer } from '../support/recording-mailer';
import { sendEventNotifications } from '../../src/server/notifications/outbox';
import { createTestCooperative, createTestUser, createTestOfficer } from '../support/accounts';
import { DEMO_NOW } from '../support/demo';
import { bothStores } from '../support/stores';

const ORIGIN = 'https://cho-htx.example';
const REASON = 'Số hiệu không khớp với bản chụp giấy chứng nhận.';

describe.each(bothStores('decision-mail'))('mail about claim decisions on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let cooperativeId: string;
  let officers: SessionUser[];
  let manager: string;
  let member: string;

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    cooperativeId = await createTestCooperative(db);
    officers = await Promise.all([createTestOfficer(db), createTestOfficer(db)]);
    manager = (await createTestUser(db, { role: 'member', cooperativeId, isManager: true, iterations: 1000 })).id;
    member = (await createTestUser(db, { role: 'member', cooperativeId, iterations: 1000 })).id;
    await db.update(users).set({ locale: 'en' }).where(eq(users.id, member));
  }, 120_000);
  afterAll(async () => dispose?.());

  async function pendingCertificate() {
    const id = newId();
    await db.insert(certifications).values({
      id,
      productId: null,
      cooperativeId,
      kind: 'organic',
      number: `TCVN 11041-2:2017/${id.slice(0, 4)}`,
      issuer: 'Tổ chức thử',
      validFrom: '2026-01-01',
      validUntil: '2028-12-31',
      submittedAt: new Date('2026-11-20T02:00:00Z'),
    });
    return id;
  }

  const mailAbout = (id: string) =>
    db
      .select()
      .from(notifications)
      .where(
        and(
          gte(notifications.idempotencyKey, `claim_decision:certificate:${id}:`),
          lt(notifications.idempotencyKey, `claim_decision:certificate:${id};`),
        ),
      );

  it('tells manager and member of the one decision that won, with its reason, each mail sent once', async () => {
    const id = await pendingCertificate();
    const claim = { kind: 'certificate' as const, id };
    const [first, second] = officers as [SessionUser, SessionUser];
    const results = await Promise.allSettled([
      decideClaim(db, first, claim, 'reject', { reason: REASON }, DEMO_NOW, ORIGIN),
      decideClaim(db, second, claim, 'request_evidence', { reason: REASON }, DEMO_NOW, ORIGIN),
    ]);
    const won = results.find((r) => r.status === 'fulfilled');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const queued = await mailAbout(id);
    expect(queued.map((row) => row.userId).sort()).toEqual([manager, member].sort());
    const state = won?.status === 'fulfilled' ? won.value.verification : null;
    const english = queued.find((row) => row.userId === member);
    const vietnamese = queued.find((row) => row.userId === manager);
    expect(english?.subject).toMatch(state === 'rejected' ? /has been rejected$/ : /needs better evidence$/);
    expect(vietnamese?.subject).toMatch(state === 'rejected' ? /bị từ chối$/ : /cần bổ sung bằng chứng$/);
    expect(vietnamese?.textBody).toContain(REASON);
    expect(english?.textBody).toContain(`${ORIGIN}/en/account`);

    const event = won?.status === 'fulfilled' ? (won.value.notificationEvent ?? '') : '';
    const mailer = new RecordingMailer();
    await Promise.all([sendEventNotifications(db, mailer, event), sendEventNotifications(db, mailer, event)]);
    await sendEventNotifications(db, mailer, event);
    expect(mailer.sent.map((mail) => mail.to).sort()).toEqual(queued.map((row) => row.recipient).sort());
  });

  it('tells of a verification and of a revocation, each its own mail', async () => {
    const id = await pendingCertificate();
    const claim = { kind: 'certificate' as const, id };
    const [officer] = officers as [SessionUser];
    await decideClaim(db, officer, claim, 'verify', {}, DEMO_NOW, ORIGIN);
    await decideClaim(db, officer, claim, 'revoke', { reason: REASON }, DEMO_NOW, ORIGIN);
    const subjects = (await mailAbout(id)).filter((row) => row.userId === manager).map((row) => row.subject);
    expect(subjects.sort()).toEqual([
      expect.stringMatching(/đã bị thu hồi$/),
      expect.stringMatching(/đã được xác minh$/),
    ]);
  });
});
