/**
 * Each person chooses per kind of notification: at once, in a daily digest,
 * or off. Tested on libSQL and on D1 as workerd runs it: only the person
 * may change their choices; the sender skips what is off (never retried)
 * and holds what goes in the digest; the digest goes out once per person and
 * day under concurrent runs; officers get their queues once a day; and the
 * unsubscribe link in each mail works for its person and kind only.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { newId } from '../../src/server/db/ids';
import { certifications, notifications, users } from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { ForbiddenError, InvalidTokenError, ValidationError } from '../../src/server/errors';
import { RecordingMailer } from '../support/recording-mailer';
import { queueNotificationIf, sendDueNotifications } from '../../src/server/notifications/outbox';
import { preferencesOf, setPreferences } from '../../src/server/notifications/preferences';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../src/server/notifications/vocabulary';
import { readUnsubscribeToken, unsubscribe, unsubscribeToken } from '../../src/server/notifications/unsubscribe';
import { DAILY_CRON, runScheduledJobs } from '../../src/server/scheduled';
import { createTestCooperative, createTestUser } from '../support/accounts';
import { bothStores } from '../support/stores';

const ORIGIN = 'https://cho-htx.example';
/** 00:05 on 1 December 2026 in Viet Nam, when the daily trigger fires. */
const DAY_ONE = new Date('2026-11-30T17:05:00Z');
const DAY_MS = 86_400_000;

describe.each(bothStores('preferences'))('notification preferences on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let cooperativeId: string;
  let alice: { id: string; email: string };
  let bob: { id: string; email: string };

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    cooperativeId = await createTestCooperative(db);
    alice = await createTestUser(db, { role: 'member', cooperativeId, iterations: 1000 });
    bob = await createTestUser(db, { role: 'member', cooperativeId, iterations: 1000 });
    await db.update(users).set({ locale: 'en' }).where(eq(users.id, bob.id));
  }, 120_000);
  afterAll(async () => dispose?.());

  /** Queues one notification of `kind` to `person`; its row's id. */
  async function queue(person: { id: string; email: string }, kind: NotificationKind, at = DAY_ONE) {
    const event = `${kind}:test:${newId()}`;
    await queueNotificationIf(
      db,
      {
        event,
        kind,
        recipient: { userId: person.id, email: person.email, locale: 'vi' },
        message: { to: person.email, subject: `About ${event}`, text: `Body of ${event}` },
      },
      sql`1`,
      at,
    );
    const [row] = await db
      .select()
      .from(notifications)
      .where(eq(notifications.idempotencyKey, `${event}:${person.id}`));
    if (!row) throw new Error('queued');
    return row;
  }
  const statusOf = async (id: string) =>
    (await db.select({ status: notifications.status }).from(notifications).where(eq(notifications.id, id)))[0]?.status;

  it('defaults to at once, and only the person may change theirs, with known kinds and modes only', async () => {
    // Every kind the vocabulary names, each at once until the person says otherwise.
    expect(await preferencesOf(db, alice.id)).toEqual(
      Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, 'now'])),
    );
    expect(NOTIFICATION_KINDS).toContain('claim_decision');
    await expect(setPreferences(db, bob, alice.id, { claim_decision: 'off' }, DAY_ONE)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const invalid = setPreferences(db, alice, alice.id, { claim_decision: 'weekly', nonsense: 'off' }, DAY_ONE);
    await expect(invalid).rejects.toBeInstanceOf(ValidationError);
    await expect(invalid).rejects.toMatchObject({
      fields: { claim_decision: { code: 'invalid_value' }, nonsense: { code: 'unknown_field' } },
    });
    // Nothing half-written: the valid part of a refused form is not stored either.
    const partly = setPreferences(db, alice, alice.id, { claim_expiry: 'off', claim_decision: 'weekly' }, DAY_ONE);
    await expect(partly).rejects.toBeInstanceOf(ValidationError);
    expect((await preferencesOf(db, alice.id)).claim_expiry).toBe('now');
  });

  it('skips what is off for good, holds what goes in the digest, and sends the rest with an unsubscribe link', async () => {
    await setPreferences(db, alice, alice.id, { claim_decision: 'off', claim_expiry: 'digest' }, DAY_ONE);
    const off = await queue(alice, 'claim_decision');
    const held = await queue(alice, 'claim_expiry');
    const now = await queue(bob, 'claim_decision');

    const mailer = new RecordingMailer();
    await sendDueNotifications(db, mailer, () => DAY_ONE, ORIGIN);
    await sendDueNotifications(db, mailer, () => new Date(DAY_ONE.getTime() + DAY_MS), ORIGIN);
    expect(await statusOf(off.id)).toBe('skipped');
    expect(await statusOf(held.id)).toBe('held');
    expect(await statusOf(now.id)).toBe('sent');
    expect(mailer.sent.map((mail) => mail.to)).toEqual([bob.email]);

    const [mail] = mailer.sent;
    const link = mail?.headers?.['List-Unsubscribe']?.match(/^<(.+)>$/)?.[1] ?? '';
    expect(link.startsWith(`${ORIGIN}/en/unsubscribe/`)).toBe(true);
    expect(mail?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mail?.text).toContain(link);
    expect(mail?.text).toContain(`${ORIGIN}/en/account/notifications`);
    const token = decodeURIComponent(link.slice(`${ORIGIN}/en/unsubscribe/`.length));
    expect(await readUnsubscribeToken(db, token)).toEqual({ userId: bob.id, kind: 'claim_decision', locale: 'en' });
  });

  it('unsubscribes by link its person and kind only; forged or altered links are refused', async () => {
    const token = await unsubscribeToken(db, bob.id, 'claim_expiry');
    const [userId, kind, signature] = token.split('.') as [string, string, string];
    const refused = [
      `${alice.id}.${kind}.${signature}`, // another person
      `${userId}.claim_decision.${signature}`, // another kind
      `${userId}.${kind}.${signature.slice(0, -2)}AA`, // forged signature
      `${userId}.${kind}.`, // no signature
      `${userId}.nonsense.${signature}`,
      `nobody.${kind}.${signature}`,
      'garbage',
      `${token}.extra`,
    ];
    for (const forged of refused) {
      await expect(unsubscribe(db, forged, DAY_ONE), forged).rejects.toBeInstanceOf(InvalidTokenError);
    }
    expect((await preferencesOf(db, bob.id)).claim_expiry).toBe('now');
    expect((await preferencesOf(db, alice.id)).claim_expiry).toBe('digest');

    await unsubscribe(db, token, DAY_ONE);
    await unsubscribe(db, token, DAY_ONE); // twice is the same
    expect(await preferencesOf(db, bob.id)).toMatchObject({ claim_expiry: 'off', claim_decision: 'now' });
    // Alice's link is signed with her own key: Bob's key does not make it.
    const alices = await unsubscribeToken(db, alice.id, 'claim_expiry');
    expect(alices.split('.')[2]).not.toBe(signature);
  });

  it('mails each digest once per person and day, whatever the number of concurrent runs', async () => {
    const carol = await createTestUser(db, { role: 'member', cooperativeId, iterations: 1000 });
    await setPreferences(db, carol, carol.id, { claim_expiry: 'digest', claim_decision: 'digest' }, DAY_ONE);
    const first = await queue(carol, 'claim_expiry');
    const second = await queue(carol, 'claim_decision');

    const mailer = new RecordingMailer();
    const daily = (at: Date) => runScheduledJobs(db, mailer, DAILY_CRON, at, { mailOrigin: ORIGIN });
    await Promise.all([daily(DAY_ONE), daily(DAY_ONE), daily(DAY_ONE)]);
    // Later the same day: one more held notification waits for tomorrow's digest.
    const later = new Date(DAY_ONE.getTime() + 3_600_000);
    const third = await queue(carol, 'claim_expiry', later);
    await daily(later);

    const toCarol = () => mailer.sent.filter((mail) => mail.to === carol.email);
    expect(toCarol()).toHaveLength(1);
    const [digest] = toCarol();
    expect(digest?.text).toContain(first.subject);
    expect(digest?.text).toContain(second.textBody);
    expect(digest?.text).not.toContain(third.subject);
    expect(digest?.headers?.['List-Unsubscribe']).toMatch(
      /^<https:\/\/cho-htx\.example\/huy-nhan-thu\/.+\.digest\..+>$/,
    );
    expect([await statusOf(first.id), await statusOf(second.id), await statusOf(third.id)]).toEqual([
      'digested',
      'digested',
      'held',
    ]);
    // Alice's held reminder from before went into her own digest.
    expect(mailer.sent.filter((mail) => mail.to === alice.email)).toHaveLength(1);

    const nextDay = new Date(DAY_ONE.getTime() + DAY_MS);
    await Promise.all([daily(nextDay), daily(nextDay)]);
    expect(toCarol()).toHaveLength(2);
    expect(toCarol()[1]?.text).toContain(third.subject);
    const digests = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, carol.id), eq(notifications.kind, 'digest')));
    expect(digests.map((row) => row.idempotencyKey).sort()).toEqual([
      `digest:2026-12-01:${carol.id}`,
      `digest:2026-12-02:${carol.id}`,
    ]);

    // The digest's own link turns off every kind gathered in it.
    const token = await unsubscribeToken(db, carol.id, 'digest');
    await unsubscribe(db, token, nextDay);
    expect(await preferencesOf(db, carol.id)).toMatchObject({ claim_expiry: 'off', claim_decision: 'off' });
  });

  it('tells officers once a day what waits in their province, oldest first, as they chose', async () => {
    const officer = await createTestUser(db, { iterations: 1000 });
    const quiet = await createTestUser(db, { iterations: 1000 });
    const elsewhere = await createTestUser(db, { iterations: 1000 });
    await db
      .update(users)
      .set({ provinceCode: '01' })
      .where(sql`${users.id} IN (${officer.id}, ${quiet.id})`);
    await db.update(users).set({ provinceCode: '79' }).where(eq(users.id, elsewhere.id));
    await setPreferences(db, quiet, quiet.id, { officer_queues: 'off' }, DAY_ONE);
    const pendingCertificate = (number: string, daysAgo: number) =>
      db.insert(certifications).values({
        id: newId(),
        productId: null,
        cooperativeId,
        kind: 'haccp',
        number,
        issuer: 'Tổ chức thử',
        validFrom: '2026-01-01',
        validUntil: '2029-01-01',
        verification: 'pending',
        submittedAt: new Date(DAY_ONE.getTime() - daysAgo * DAY_MS),
      });
    await pendingCertificate('HACCP NEWER', 2);
    await pendingCertificate('HACCP OLDER', 9);

    const mailer = new RecordingMailer();
    const at = new Date(DAY_ONE.getTime() + 2 * DAY_MS);
    await Promise.all([
      runScheduledJobs(db, mailer, DAILY_CRON, at, { mailOrigin: ORIGIN }),
      runScheduledJobs(db, mailer, DAILY_CRON, at, { mailOrigin: ORIGIN }),
    ]);
    const toOfficer = mailer.sent.filter((mail) => mail.to === officer.email);
    expect(toOfficer).toHaveLength(1);
    const text = toOfficer[0]?.text ?? '';
    expect(text.indexOf('HACCP OLDER')).toBeGreaterThan(-1);
    expect(text.indexOf('HACCP OLDER')).toBeLessThan(text.indexOf('HACCP NEWER'));
    expect(text).toContain('chờ 11 ngày');
    expect(toOfficer[0]?.headers?.['List-Unsubscribe']).toContain('.officer_queues.');
    // Turned off: queued and skipped, never mailed; another province has nothing waiting.
    expect(mailer.sent.some((mail) => mail.to === quiet.email)).toBe(false);
    expect(mailer.sent.some((mail) => mail.to === elsewhere.email)).toBe(false);
    const quietRows = await db.select().from(notifications).where(eq(notifications.userId, quiet.id));
    expect(quietRows.map((row) => row.status)).toEqual(['skipped']);
  });
});
