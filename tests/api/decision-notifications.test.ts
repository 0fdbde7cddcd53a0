/**
 * A cooperative hears of each officer's decision on its products and booth
 * registrations: one mail per manager and member, in their language, queued
 * in the decision's own batch. A decision made twice at once (two officers,
 * a double submit) is told once; each mail goes out once however many
 * senders (the request's, the cron's) race for it. The same for a profile
 * change decided (its manager only), an event registered for that moved or
 * was cancelled, and an invitation accepted (whoever invited). libSQL and D1.
 */
import { and, eq, gte, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/server/accounts/users';
import type { Database } from '../../src/server/db/client';
import { newId } from '../../src/server/db/ids';
import { eventRegistrations, events, notifications, products, users } from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { decideRegistration } from '../../src/server/events/registrations/officer-decisions';
import { RecordingMailer } from '../support/recording-mailer';
import { approveProduct, approveRevision, rejectProduct, rejectRevision } from '../../src/server/moderation/moderation';
import { loadCooperativeProfile, proposeProfileChange } from '../../src/server/cooperatives/profile-changes';
import { loadProfileRevision } from '../../src/server/cooperatives/profile-changes';
import { updateEvent } from '../../src/server/events/event-admin/edit-event';
import { cancelEvent } from '../../src/server/events/event-admin/status-changes';
import { findManagedEvent } from '../../src/server/events/event-admin/managed-event';
import { eventInputFromFields } from '../../src/server/events/event-input';
import { acceptInvitation, inviteToCooperative } from '../../src/server/accounts/invitations';
import { sendDueNotifications, sendEventNotifications } from '../../src/server/notifications/outbox';
import { createTestCooperative, createTestUser, createTestOfficer } from '../support/accounts';
import { DEMO_NOW } from '../support/demo';
import { insertOpenEvent } from '../support/events';
import { bothStores } from '../support/stores';

const ORIGIN = 'https://cho-htx.example';
const REASON = 'Ảnh chưa cho thấy nhãn sản phẩm.';

describe.each(bothStores('decision-notices'))('notifications of decisions on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let cooperativeId: string;
  let officers: [SessionUser, SessionUser];
  let manager: string;
  let managerUser: SessionUser;
  let member: string;

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    cooperativeId = await createTestCooperative(db);
    officers = [await createTestOfficer(db), await createTestOfficer(db)];
    const managerAccount = await createTestUser(db, {
      role: 'member',
      cooperativeId,
      isManager: true,
      iterations: 1000,
    });
    manager = managerAccount.id;
    managerUser = { ...managerAccount, displayName: 'Quản lý', role: 'member', cooperativeId, isManager: true };
    member = (await createTestUser(db, { role: 'member', cooperativeId, iterations: 1000 })).id;
    await db.update(users).set({ locale: 'en' }).where(eq(users.id, member));
  }, 120_000);
  afterAll(async () => dispose?.());

  const queuedFor = (prefix: string) =>
    db
      .select()
      .from(notifications)
      .where(and(gte(notifications.idempotencyKey, `${prefix}:`), lt(notifications.idempotencyKey, `${prefix};`)));

  async function submittedProduct() {
    const id = newId();
    await db.insert(products).values({
      id,
      slug: `mat-ong-${id}`,
      cooperativeId,
      nameVi: 'Mật ong hoa nhãn',
      nameEn: 'Longan honey',
      ocopGroup: 'thuc_pham',
      provinceCode: '01',
      traceCode: id.slice(0, 10),
      unitVi: 'chai',
      unitEn: 'bottle',
      images: [],
      status: 'submitted',
    });
    const [row] = await db.select({ updatedAt: products.updatedAt }).from(products).where(eq(products.id, id));
    return { id, version: row?.updatedAt.getTime() ?? 0 };
  }

  /** Every sender at once, twice, then the cron: what went out. */
  async function sendEverywhere(event: string) {
    const mailer = new RecordingMailer();
    await Promise.all([
      sendEventNotifications(db, mailer, event, ORIGIN),
      sendEventNotifications(db, mailer, event, ORIGIN),
    ]);
    await Promise.all([
      sendDueNotifications(db, mailer, undefined, ORIGIN),
      sendDueNotifications(db, mailer, undefined, ORIGIN),
    ]);
    await sendEventNotifications(db, mailer, event, ORIGIN);
    return mailer.sent;
  }

  it('tells of a product approved once, however many officers approve it at once', async () => {
    const { id, version } = await submittedProduct();
    const results = await Promise.allSettled(
      officers.map((officer) => approveProduct(db, officer, id, version, DEMO_NOW, ORIGIN)),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const queued = await queuedFor(`product_decision:${id}`);
    expect(queued.map((row) => [row.userId, row.kind]).sort()).toEqual(
      [
        [manager, 'product_decision'],
        [member, 'product_decision'],
      ].sort(),
    );
    const english = queued.find((row) => row.userId === member);
    expect(english?.subject).toBe('“Longan honey” has been approved and published');
    expect(english?.textBody).toContain(`${ORIGIN}/en/account`);
    expect(queued.find((row) => row.userId === manager)?.subject).toBe(
      'Sản phẩm “Mật ong hoa nhãn” đã được duyệt và đăng',
    );

    const event = won[0]?.status === 'fulfilled' ? (won[0].value.notificationEvent ?? '') : '';
    expect(event).toMatch(new RegExp(`^product_decision:${id}:`));
    const sent = await sendEverywhere(event);
    expect(sent.map((mail) => mail.to).sort()).toEqual(queued.map((row) => row.recipient).sort());
    expect(sent.every((mail) => mail.html?.includes(ORIGIN))).toBe(true);
    // Composed once as it goes out: the footer's unsubscribe link in both parts and in the header.
    const englishMail = sent.find((mail) => mail.to === english?.recipient);
    const link = /^<(.+)>$/.exec(englishMail?.headers?.['List-Unsubscribe'] ?? '')?.[1] ?? '';
    expect(link).toContain(`${ORIGIN}/en/`);
    expect(englishMail?.text).toContain(`\n-- \nStop this kind of mail: ${link}`);
    expect(englishMail?.html).toContain('<html lang="en">');
    expect(englishMail?.html).toContain(`href="${link}"`);
  });

  it('tells of a rejection with its reason; a repeated rejection is refused and tells no one again', async () => {
    const { id } = await submittedProduct();
    const [officer] = officers;
    const first = await rejectProduct(db, officer, id, REASON, DEMO_NOW, ORIGIN);
    await expect(rejectProduct(db, officer, id, REASON, DEMO_NOW, ORIGIN)).rejects.toThrow();
    const queued = await queuedFor(`product_decision:${id}`);
    expect(queued).toHaveLength(2);
    const vietnamese = queued.find((row) => row.userId === manager);
    expect(vietnamese?.subject).toBe('Sản phẩm “Mật ong hoa nhãn” chưa được duyệt');
    expect(vietnamese?.textBody).toContain(`Lý do: ${REASON}`);
    expect(queued.find((row) => row.userId === member)?.textBody).toContain(`Reason: ${REASON}`);
    expect(await sendEverywhere(first.notificationEvent ?? '')).toHaveLength(2);
  });

  it("tells a picked reason in each person's language, with the officer's own words after it", async () => {
    const { id } = await submittedProduct();
    const decided = await rejectProduct(
      db,
      officers[0],
      id,
      { reasonCode: 'photos', reason: 'Chụp cả nhãn.' },
      DEMO_NOW,
      ORIGIN,
    );
    const queued = await queuedFor(`product_decision:${id}`);
    expect(queued.find((row) => row.userId === manager)?.textBody).toContain(
      'Lý do: Ảnh sản phẩm còn thiếu hoặc chưa rõ. Chụp cả nhãn.',
    );
    expect(queued.find((row) => row.userId === member)?.textBody).toContain(
      'Reason: Product photos are missing or unclear. Chụp cả nhãn.',
    );
    const [stored] = await db.select({ reason: products.rejectionReason }).from(products).where(eq(products.id, id));
    expect(stored?.reason).toBe('Ảnh sản phẩm còn thiếu hoặc chưa rõ. Chụp cả nhãn.');
    // Sent, so no later test's sender finds them waiting.
    expect(await sendEverywhere(decided.notificationEvent ?? '')).toHaveLength(2);
  });

  it('tells no one without a mail origin', async () => {
    const { id, version } = await submittedProduct();
    const decided = await approveProduct(db, officers[0], id, version, DEMO_NOW);
    expect(decided.notificationEvent).toBeNull();
    expect(await queuedFor(`product_decision:${id}`)).toEqual([]);
  });

  it('tells of each booth decision once, the race for one decision told by its winner only', async () => {
    const slug = await insertOpenEvent(db, { titleVi: 'Hội chợ OCOP mùa thu', titleEn: 'Autumn OCOP fair' });
    const [event] = await db.select({ id: events.id }).from(events).where(eq(events.slug, slug));
    const registrationId = newId();
    await db.insert(eventRegistrations).values({
      id: registrationId,
      eventId: event?.id ?? '',
      cooperativeId,
      booths: 2,
      status: 'pending',
      createdAt: DEMO_NOW,
      updatedAt: DEMO_NOW,
    });
    const results = await Promise.allSettled([
      decideRegistration(db, officers[0], slug, registrationId, 'waitlisted', DEMO_NOW, ORIGIN),
      decideRegistration(db, officers[1], slug, registrationId, 'declined', DEMO_NOW, ORIGIN),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const firstRound = await queuedFor(`registration_decision:${registrationId}`);
    expect(firstRound).toHaveLength(2);
    const english = firstRound.find((row) => row.userId === member);
    expect(english?.subject).toMatch(
      /^Your booth registration for “Autumn OCOP fair” (is on the waiting list|has been declined)$/,
    );
    expect(english?.textBody).toContain('2 booths');
    expect(english?.textBody).toContain(`${ORIGIN}/en/account/events`);
    expect(firstRound.find((row) => row.userId === manager)?.subject).toContain('“Hội chợ OCOP mùa thu”');
    const event1 = won[0]?.status === 'fulfilled' ? (won[0].value.notificationEvent ?? '') : '';
    expect(await sendEverywhere(event1)).toHaveLength(2);

    // The next decision (confirming from the waiting list, or after a decline) is its own event, told once more.
    const [now] = await db
      .select({ status: eventRegistrations.status })
      .from(eventRegistrations)
      .where(eq(eventRegistrations.id, registrationId));
    if (now?.status === 'waitlisted') {
      const confirmed = await decideRegistration(db, officers[0], slug, registrationId, 'confirmed', DEMO_NOW, ORIGIN);
      expect(await queuedFor(`registration_decision:${registrationId}`)).toHaveLength(4);
      const sent = await sendEverywhere(confirmed.notificationEvent ?? '');
      expect(sent.map((mail) => mail.subject).sort()).toEqual([
        'Gian hàng tại “Hội chợ OCOP mùa thu” đã được xác nhận',
        'Your booth at “Autumn OCOP fair” is confirmed',
      ]);
    }
  });

  it('tells the manager alone of a profile change approved, once however many officers approve it at once', async () => {
    const { fields } = await loadCooperativeProfile(db, managerUser);
    await proposeProfileChange(db, managerUser, { ...fields, members: fields.members + 1 }, DEMO_NOW);
    const pending = await loadProfileRevision(db, cooperativeId);
    const [id, version] = [pending?.revision.id ?? '', pending?.revision.version ?? 0];
    const results = await Promise.allSettled(
      officers.map((officer) => approveRevision(db, officer, id, version, DEMO_NOW, ORIGIN)),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const queued = await queuedFor(`profile_decision:${cooperativeId}`);
    expect(queued.map((row) => [row.userId, row.kind])).toEqual([[manager, 'profile_decision']]);
    expect(queued[0]?.subject).toMatch(/^Thay đổi hồ sơ của .+ đã được duyệt$/);
    expect(queued[0]?.textBody).toContain(`${ORIGIN}/tai-khoan/ho-so-hop-tac-xa`);
    const event = won[0]?.status === 'fulfilled' ? (won[0].value.notificationEvent ?? '') : '';
    expect(await sendEverywhere(event)).toHaveLength(1);

    // Rejected next time, with the reason; a second rejection of the same version is refused and tells no one.
    await proposeProfileChange(db, managerUser, { ...fields, members: fields.members + 5 }, DEMO_NOW);
    const next = await loadProfileRevision(db, cooperativeId);
    const rejected = await rejectRevision(db, officers[0], next?.revision.id ?? '', 1, REASON, DEMO_NOW, ORIGIN);
    await expect(
      rejectRevision(db, officers[1], next?.revision.id ?? '', 1, REASON, DEMO_NOW, ORIGIN),
    ).rejects.toThrow();
    const told = await queuedFor(`profile_decision:${cooperativeId}`);
    expect(told).toHaveLength(2);
    expect(told.find((row) => row.textBody.includes(`Lý do: ${REASON}`))?.subject).toMatch(/chưa được duyệt$/);
    const sent = await sendEverywhere(rejected.notificationEvent ?? '');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers?.['List-Unsubscribe']).toContain(ORIGIN);
  });

  it('tells the cooperatives registered for an event that it moved, then that it was cancelled, each once', async () => {
    const slug = await insertOpenEvent(db, {
      titleVi: 'Phiên chợ OCOP',
      titleEn: 'OCOP market day',
      // Whole minutes, as the form gives them, so that an edit that moves nothing compares equal.
      startsAt: new Date('2027-03-10T01:00:00Z'),
      endsAt: new Date('2027-03-12T10:00:00Z'),
      address: '1 Tràng Tiền',
      provinceCode: '01',
    });
    const [event] = await db.select({ id: events.id }).from(events).where(eq(events.slug, slug));
    const register = async (cooperative: string, status: 'confirmed' | 'declined') =>
      db.insert(eventRegistrations).values({
        id: newId(),
        eventId: event?.id ?? '',
        cooperativeId: cooperative,
        booths: 1,
        status,
        createdAt: DEMO_NOW,
        updatedAt: DEMO_NOW,
      });
    await register(cooperativeId, 'confirmed');
    // A cooperative declined is no longer expected there: not told.
    const declined = await createTestCooperative(db);
    await createTestUser(db, { role: 'member', cooperativeId: declined, isManager: true, iterations: 1000 });
    await register(declined, 'declined');

    const officer = officers[0];
    const managed = await findManagedEvent(db, officer, slug);
    const input = eventInputFromFields(managed.fields);
    // A new title is not a move: nobody is told.
    const renamed = await updateEvent(
      db,
      officer,
      slug,
      { ...input, titleVi: 'Phiên chợ OCOP Hà Nội' },
      {
        now: DEMO_NOW,
        mailOrigin: ORIGIN,
      },
    );
    expect(renamed.notificationEvent).toBeNull();
    const moved = await updateEvent(
      db,
      officer,
      slug,
      { ...input, titleVi: 'Phiên chợ OCOP Hà Nội', venue: 'Công viên Thống Nhất' },
      {
        now: DEMO_NOW,
        mailOrigin: ORIGIN,
      },
    );
    const changes = await queuedFor(`event_change:${event?.id}`);
    expect(changes.map((row) => row.userId).sort()).toEqual([manager, member].sort());
    const english = changes.find((row) => row.userId === member);
    expect(english?.subject).toBe('“OCOP market day” has changed its dates or place');
    expect(english?.textBody).toContain('Công viên Thống Nhất, 1 Tràng Tiền');
    // The new title moved the event's address; the mail links the current one.
    const [current] = await db
      .select({ slug: events.slug })
      .from(events)
      .where(eq(events.id, event?.id ?? ''));
    expect(current?.slug).toBe('phien-cho-ocop-ha-noi');
    expect(english?.textBody).toContain(`${ORIGIN}/en/events/${current?.slug}`);
    expect(await sendEverywhere(moved.notificationEvent ?? '')).toHaveLength(2);

    const reason = 'Mưa bão, ban tổ chức hoãn phiên chợ.';
    const results = await Promise.allSettled(
      officers.map((who) => cancelEvent(db, who, slug, { reason }, DEMO_NOW, ORIGIN)),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const all = await queuedFor(`event_change:${event?.id}`);
    expect(all).toHaveLength(4);
    const cancelled = all.filter((row) => row.textBody.includes(reason));
    expect(cancelled.map((row) => row.subject).sort()).toEqual([
      'Sự kiện “Phiên chợ OCOP Hà Nội” đã bị hủy',
      '“OCOP market day” has been cancelled',
    ]);
    const cancelEvent1 = won[0]?.status === 'fulfilled' ? (won[0].value.notificationEvent ?? '') : '';
    expect(await sendEverywhere(cancelEvent1)).toHaveLength(2);
  });

  it('tells whoever invited that the invitation was accepted, once, however often the link is used at once', async () => {
    const invites = new RecordingMailer();
    const email = `moi-${newId().slice(0, 6)}@example.test`;
    await inviteToCooperative(
      db,
      invites,
      managerUser,
      { cooperativeId, email, locale: 'vi', linkFor: (token) => `${ORIGIN}/dang-ky?code=${token}` },
      DEMO_NOW,
    );
    const token = /code=([a-z2-7]+)/.exec(invites.sent[0]?.text ?? '')?.[1] ?? '';
    const accept = (name: string) =>
      acceptInvitation(db, { token, displayName: name, password: 'một câu mật khẩu dài' }, DEMO_NOW);
    const results = await Promise.allSettled([accept('Chị Lan'), accept('Chị Lan')]);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const event = won[0]?.status === 'fulfilled' ? (won[0].value.notificationEvent ?? '') : '';
    const queued = await queuedFor(event);
    expect(queued.map((row) => [row.userId, row.kind])).toEqual([[manager, 'invitation_accepted']]);
    expect(queued[0]?.subject).toMatch(/^Chị Lan đã nhận lời mời vào /);
    expect(queued[0]?.textBody).toContain(email);
    expect(await sendEverywhere(event)).toHaveLength(1);
  });
});
