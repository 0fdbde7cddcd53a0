/**
 * A cooperative hears of each officer's decision on its products and booth
 * registrations: one mail per manager and member, in their language, queued
 * in the decision's own batch. A decision made twice at once (two officers,
 * a double submit) is told once; each mail goes out once however many
 * senders (the request's, the cron's) race for it. libSQL and D1.
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
import { approveProduct, rejectProduct } from '../../src/server/moderation/moderation';
import { sendDueNotifications, sendEventNotifications } from '../../src/server/notifications/outbox';
import { createTestCooperative, createTestUser } from '../support/accounts';
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
  let member: string;

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    cooperativeId = await createTestCooperative(db);
    const officer = async (): Promise<SessionUser> => {
      const created = await createTestUser(db, { role: 'officer', iterations: 1000 });
      return { ...created, displayName: 'Cán bộ', role: 'officer', cooperativeId: null, isManager: false };
    };
    officers = [await officer(), await officer()];
    manager = (await createTestUser(db, { role: 'member', cooperativeId, isManager: true, iterations: 1000 })).id;
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
    await Promise.all([sendEventNotifications(db, mailer, event), sendEventNotifications(db, mailer, event)]);
    await Promise.all([sendDueNotifications(db, mailer), sendDueNotifications(db, mailer)]);
    await sendEventNotifications(db, mailer, event);
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
    expect(english?.htmlBody).toContain('<html lang="en">');
    expect(queued.find((row) => row.userId === manager)?.subject).toBe(
      'Sản phẩm “Mật ong hoa nhãn” đã được duyệt và đăng',
    );

    const event = won[0]?.status === 'fulfilled' ? (won[0].value.notificationEvent ?? '') : '';
    expect(event).toMatch(new RegExp(`^product_decision:${id}:`));
    const sent = await sendEverywhere(event);
    expect(sent.map((mail) => mail.to).sort()).toEqual(queued.map((row) => row.recipient).sort());
    expect(sent.every((mail) => mail.html?.includes(ORIGIN))).toBe(true);
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
});
