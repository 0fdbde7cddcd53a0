/**
 * From fair to sales through the API on a real SQLite: an inquiry keeps the
 * fair it came from (unknown sources ignored), officers assign booth numbers
 * to confirmed registrations, and the report after a fair counts each
 * exhibitor's inquiries in its window — every exhibitor for officers, only
 * its own for a cooperative.
 */
import { parse } from 'csv-parse/browser/esm/sync';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/server/accounts/sessions';
import type { Database } from '../../src/server/db/client';
import { newId } from '../../src/server/db/ids';
import {
  auditLog,
  eventRegistrationProducts,
  eventRegistrations,
  events,
  inquiries,
  products,
} from '../../src/server/db/schema';
import { FOLLOW_UP_DAYS } from '../../src/server/events/fair-report';
import { getPublicProduct } from '../../src/server/products/product-detail';
import { createTestCooperative, createTestUser } from '../support/accounts';
import { apiOn, call } from '../support/api';
import { demoDatabase } from '../support/demo';
import { insertOpenEvent } from '../support/events';
import { readJson } from '../support/http';
import { validInquiry } from '../support/inquiries';

const ORIGIN = 'http://localhost';
const DAY = 86_400_000;

let db: Database;
let api: ReturnType<typeof apiOn>;
let address = 0;

async function cookieOf(role: 'member' | 'officer', cooperativeId: string | null = null): Promise<string> {
  const user = await createTestUser(db, { role, cooperativeId });
  return `session=${(await createSession(db, user.id, new Date())).token}`;
}

function send(cookie: string | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { origin: ORIGIN, 'cf-connecting-ip': `203.0.113.${++address}` };
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return call(api, path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function eventIdOf(slug: string): Promise<string> {
  const [event] = await db.select({ id: events.id }).from(events).where(eq(events.slug, slug));
  return event!.id;
}

async function register(eventSlug: string, cooperativeId: string, status: 'confirmed' | 'pending', productId?: string) {
  const id = newId();
  await db
    .insert(eventRegistrations)
    .values({ id, eventId: await eventIdOf(eventSlug), cooperativeId, booths: 1, status });
  if (productId) await db.insert(eventRegistrationProducts).values({ registrationId: id, productId });
  return id;
}

let inquiryCount = 0;
async function inquiryAt(
  cooperativeId: string,
  at: Date,
  extra: Partial<typeof inquiries.$inferInsert> = {},
): Promise<void> {
  inquiryCount += 1;
  await db.insert(inquiries).values({
    id: newId(),
    reference: `HTX-FAIR-${String(inquiryCount).padStart(4, '0')}`,
    cooperativeId,
    buyerName: 'Người mua',
    email: 'buyer@example.com',
    country: 'VN',
    message: 'Xin báo giá sỉ.',
    locale: 'vi',
    consentToContact: true,
    createdAt: at,
    updatedAt: at,
    ...extra,
  });
}

beforeAll(async () => {
  db = await demoDatabase();
  api = apiOn(db);
});

describe('an inquiry’s source', () => {
  it('is the public event its fair link names; unknown values and drafts leave none', async () => {
    const [product] = await db.select().from(products).where(eq(products.status, 'published')).limit(1);
    const slug = await insertOpenEvent(db);
    const draft = await insertOpenEvent(db, { status: 'draft' });
    const sent = async (source: string | undefined) => {
      const res = await send(null, 'POST', '/inquiries', validInquiry({ product: product!.slug, source }));
      expect(res.status).toBe(201);
      const reference = (await readJson(res)).inquiry.reference as string;
      const [row] = await db
        .select({ kind: inquiries.sourceKind, eventId: inquiries.sourceEventId })
        .from(inquiries)
        .where(eq(inquiries.reference, reference));
      return row!;
    };
    const eventId = await eventIdOf(slug);
    expect(await sent(`danh-muc.${slug}`)).toEqual({ kind: 'catalogue', eventId });
    expect(await sent(`gian-hang.${slug}`)).toEqual({ kind: 'booth', eventId });
    expect(await sent('danh-muc.no-such-event')).toEqual({ kind: null, eventId: null });
    expect(await sent(`hoi-cho.${draft}`)).toEqual({ kind: null, eventId: null });
    expect(await sent('<script>alert(1)</script>')).toEqual({ kind: null, eventId: null });
    expect(await sent(undefined)).toEqual({ kind: null, eventId: null });
  });
});

describe('booth numbers', () => {
  it('are assigned by officers to confirmed registrations only, shown on the event, audited', async () => {
    const slug = await insertOpenEvent(db);
    const officer = await cookieOf('officer');
    const confirmed = await register(slug, await createTestCooperative(db), 'confirmed');
    const pending = await register(slug, await createTestCooperative(db), 'pending');
    const path = (id: string) => `/events/${slug}/registrations/${id}/booth`;

    const refused = await send(officer, 'PUT', path(pending), { boothLabel: 'A1' });
    expect(refused.status).toBe(409);
    expect((await readJson(refused)).error.fields.boothLabel).toMatch(/xác nhận/);
    const invalid = await send(officer, 'PUT', path(confirmed), { boothLabel: '=cmd|x' });
    expect(invalid.status).toBe(422);
    expect((await readJson(invalid)).error.fields.boothLabel).toBeTruthy();

    const res = await send(officer, 'PUT', path(confirmed), { boothLabel: ' Khu B – 12 ' });
    expect(res.status).toBe(200);
    expect((await readJson(res)).boothLabel).toBe('Khu B – 12');
    const event = await readJson(await send(null, 'GET', `/events/${slug}`));
    expect(event.participants.map((p: { boothLabel: string | null }) => p.boothLabel)).toEqual(['Khu B – 12']);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, confirmed), eq(auditLog.action, 'event_registration.booth')));
    expect(audit).toHaveLength(1);

    expect((await send(officer, 'PUT', path(confirmed), { boothLabel: '' })).status).toBe(200);
    const [row] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.id, confirmed));
    expect(row!.boothLabel).toBeNull();
    const member = await cookieOf('member', row!.cooperativeId);
    expect((await send(member, 'PUT', path(confirmed), { boothLabel: 'A1' })).status).toBe(403);
  });
});

describe('a product page’s fairs', () => {
  it('are the upcoming published events where a confirmed registration shows it', async () => {
    const product = await db
      .select()
      .from(products)
      .where(eq(products.status, 'published'))
      .limit(1)
      .then((rows) => rows[0]!);
    const soon = await insertOpenEvent(db);
    const past = await insertOpenEvent(db, {
      startsAt: new Date(Date.now() - 9 * DAY),
      endsAt: new Date(Date.now() - 8 * DAY),
    });
    const undecided = await insertOpenEvent(db);
    await register(soon, product.cooperativeId, 'confirmed', product.id);
    await register(past, product.cooperativeId, 'confirmed', product.id);
    await register(undecided, product.cooperativeId, 'pending', product.id);
    const detail = await getPublicProduct(db, product.slug, new Date());
    const slugs = detail.fairs.map((fair) => fair.slug);
    expect(slugs).toContain(soon);
    expect(slugs).not.toContain(past);
    expect(slugs).not.toContain(undecided);
  });
});

describe('the report after a fair', () => {
  it('counts each exhibitor’s inquiries during and after, its own row only for a cooperative', async () => {
    const now = Date.now();
    const startsAt = new Date(now - 40 * DAY);
    const endsAt = new Date(now - 37 * DAY);
    const slug = await insertOpenEvent(db, {
      startsAt,
      endsAt,
      registrationOpensAt: new Date(now - 60 * DAY),
      registrationClosesAt: new Date(now - 45 * DAY),
    });
    const eventId = await eventIdOf(slug);
    const a = await createTestCooperative(db);
    const b = await createTestCooperative(db);
    const notShown = await createTestCooperative(db);
    const [product] = await db.select().from(products).where(eq(products.status, 'published')).limit(1);
    await register(slug, a, 'confirmed', product!.id);
    await register(slug, b, 'confirmed');
    await register(slug, notShown, 'pending');
    const during = new Date(startsAt.getTime() + DAY);
    const after = new Date(endsAt.getTime() + 10 * DAY);
    // a: 2 during (one through the catalogue, answered), 1 after (answered), and what must not count.
    await inquiryAt(a, during, { sourceKind: 'catalogue', sourceEventId: eventId, firstRepliedAt: during });
    await inquiryAt(a, during);
    await inquiryAt(a, after, { firstRepliedAt: after });
    await inquiryAt(a, after, { status: 'spam' });
    await inquiryAt(a, new Date(startsAt.getTime() - DAY));
    await inquiryAt(a, new Date(endsAt.getTime() + (FOLLOW_UP_DAYS + 1) * DAY));
    // b: nothing answered; the pending registration's cooperative is no exhibitor.
    await inquiryAt(b, after);
    await inquiryAt(notShown, during);

    const officer = await cookieOf('officer');
    const csv = await send(officer, 'GET', `/events/${slug}/report.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const records: string[][] = parse((await csv.text()).replace(/^\uFEFF/, ''));
    const header = records[0]!;
    const column = (record: string[], name: string) => record[header.indexOf(name)];
    const bySlug = new Map(records.slice(1).map((r) => [column(r, 'cooperative_slug'), r]));
    expect(records).toHaveLength(4); // header, a, b, TOTAL
    const rowA = [...bySlug.values()].find((r) => column(r, 'products_shown') === '1')!;
    expect(
      ['inquiries_during', 'inquiries_after', 'inquiries_from_fair', 'answered', 'response_rate'].map((n) =>
        column(rowA, n),
      ),
    ).toEqual(['2', '1', '1', '2', '0.667']);
    const total = records.at(-1)!;
    expect(column(total, 'cooperative')).toBe('TOTAL');
    expect(
      ['products_shown', 'inquiries_during', 'inquiries_after', 'answered', 'response_rate'].map((n) =>
        column(total, n),
      ),
    ).toEqual(['1', '2', '2', '2', '0.5']);

    const memberOfB = await cookieOf('member', b);
    const own: string[][] = parse((await (await send(memberOfB, 'GET', `/events/${slug}/report.csv`)).text()).slice(1));
    expect(own).toHaveLength(2);
    expect(own[1]![header.indexOf('inquiries_after')]).toBe('1');
    expect(own[1]![header.indexOf('response_rate')]).toBe('0');
    expect(own.flat()).not.toContain('TOTAL');

    const outsider = await cookieOf('member', notShown);
    expect((await send(outsider, 'GET', `/events/${slug}/report.csv`)).status).toBe(404);
    expect((await send(null, 'GET', `/events/${slug}/report.csv`)).status).toBe(401);
    expect((await send(officer, 'GET', '/events/no-such-fair/report.csv')).status).toBe(404);
  });
});
