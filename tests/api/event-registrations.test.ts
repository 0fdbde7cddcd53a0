/**
 * Booth registrations through the API on a real SQLite: members register,
 * see and withdraw their own cooperative's registration only; trade officers
 * decide and export; the booth count never passes the capacity, even when
 * cooperatives race for the last booth.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { parse } from 'csv-parse/browser/esm/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/server/accounts/sessions';
import type { Database } from '../../src/server/db/client';
import { auditLog, eventRegistrations, events, products } from '../../src/server/db/schema';
import { createTestCooperative, createTestUser } from '../support/accounts';
import { apiOn, call } from '../support/api';
import { demoDatabase } from '../support/demo';
import { insertOpenEvent } from '../support/events';
import { readJson } from '../support/http';

const ORIGIN = 'http://localhost';
const DAY = 86_400_000;

let db: Database;
let api: ReturnType<typeof apiOn>;

interface Actor {
  cookie: string;
  cooperativeId: string | null;
}

async function actor(role: 'member' | 'officer' | 'admin', cooperativeId: string | null = null): Promise<Actor> {
  const user = await createTestUser(db, { role, cooperativeId });
  const { token } = await createSession(db, user.id, new Date());
  return { cookie: `session=${token}`, cooperativeId };
}

async function newCooperativeMember(): Promise<Actor> {
  return actor('member', await createTestCooperative(db));
}

/** A published event whose registration window is open now. */
const openEvent = (boothCapacity: number | null, overrides: Partial<typeof events.$inferInsert> = {}) =>
  insertOpenEvent(db, { boothCapacity, ...overrides });

function send(who: Actor | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { origin: ORIGIN };
  if (who) headers.cookie = who.cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return call(api, path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

const register = (who: Actor | null, slug: string, body: unknown) =>
  send(who, 'POST', `/events/${slug}/registrations`, body);

async function boothsTaken(slug: string) {
  const [row] = await db
    .select({ taken: events.boothsTaken, capacity: events.boothCapacity })
    .from(events)
    .where(eq(events.slug, slug));
  return row!;
}

beforeAll(async () => {
  db = await demoDatabase();
  api = apiOn(db);
});

describe('a cooperative registers for an event', () => {
  it('holds its booths (pending), shows its own published products, and writes the audit log', async () => {
    const [product] = await db.select().from(products).where(eq(products.status, 'published')).limit(1);
    const member = await actor('member', product!.cooperativeId);
    const slug = await openEvent(10);
    const res = await register(member, slug, { booths: 2, products: [product!.slug], note: 'Cần ổ điện' });
    expect(res.status).toBe(201);
    const body = await readJson(res);
    expect(body).toMatchObject({ status: 'pending', booths: 2, note: 'Cần ổ điện' });
    expect(body.products.map((p: { slug: string }) => p.slug)).toEqual([product!.slug]);
    expect((await boothsTaken(slug)).taken).toBe(2);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, body.id));
    expect(audit.map((a) => a.action)).toEqual(['event_registration.register']);
    expect(audit[0]!.detail).toMatchObject({ status: 'pending', booths: 2, products: [product!.slug] });

    const again = await register(member, slug, { booths: 1 });
    expect(again.status).toBe(409);
    expect((await readJson(again)).error.fields.event).toBeTruthy();
  });

  it('refuses bad fields with a message per field, and products of another cooperative', async () => {
    const member = await newCooperativeMember();
    const [someoneElses] = await db.select().from(products).where(eq(products.status, 'published')).limit(1);
    const slug = await openEvent(5);
    const res = await register(member, slug, { booths: 0, note: 'x'.repeat(1001) });
    expect(res.status).toBe(422);
    const { fields } = (await readJson(res)).error;
    expect(Object.keys(fields).sort()).toEqual(['booths', 'note']);
    const tooMany = await register(member, slug, { booths: 6 });
    expect(tooMany.status).toBe(422);
    expect((await readJson(tooMany)).error.fields.booths).toContain('5');
    const foreign = await register(member, slug, { booths: 1, products: [someoneElses!.slug] });
    expect(foreign.status).toBe(422);
    expect((await readJson(foreign)).error.fields.products).toBeTruthy();
    expect((await boothsTaken(slug)).taken).toBe(0);
  });

  it('is refused outside the window, and for drafts', async () => {
    const member = await newCooperativeMember();
    const notYet = await openEvent(5, { registrationOpensAt: new Date(Date.now() + DAY) });
    const closed = await openEvent(5, { registrationClosesAt: new Date(Date.now() - 1000) });
    const draft = await openEvent(5, { status: 'draft' });
    expect((await register(member, notYet, { booths: 1 })).status).toBe(409);
    expect((await register(member, closed, { booths: 1 })).status).toBe(409);
    expect((await register(member, draft, { booths: 1 })).status).toBe(404);
  });

  it('is for members only', async () => {
    const slug = await openEvent(5);
    expect((await register(null, slug, { booths: 1 })).status).toBe(401);
    expect((await register(await actor('officer'), slug, { booths: 1 })).status).toBe(403);
    const member = await newCooperativeMember();
    const crossSite = await call(api, `/events/${slug}/registrations`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', cookie: member.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ booths: 1 }),
    });
    expect(crossSite.status).toBe(403);
    expect((await boothsTaken(slug)).taken).toBe(0);
  });
});

describe('the last booths', () => {
  it('go to one of two cooperatives registering at the same moment; the other is waitlisted', async () => {
    const slug = await openEvent(3);
    const first = await newCooperativeMember();
    expect((await register(first, slug, { booths: 2 })).status).toBe(201);
    const [a, b] = [await newCooperativeMember(), await newCooperativeMember()];
    const answers = await Promise.all([register(a, slug, { booths: 1 }), register(b, slug, { booths: 1 })]);
    expect(answers.map((res) => res.status)).toEqual([201, 201]);
    const statuses = (await Promise.all(answers.map(readJson))).map((body) => body.status).sort();
    expect(statuses).toEqual(['pending', 'waitlisted']);
    expect(await boothsTaken(slug)).toEqual({ taken: 3, capacity: 3 });
  });

  it('are never oversold by many concurrent registrations', async () => {
    const slug = await openEvent(4);
    const members = await Promise.all(Array.from({ length: 8 }, () => newCooperativeMember()));
    const answers = await Promise.all(members.map((m, i) => register(m, slug, { booths: 1 + (i % 2) })));
    expect(answers.every((res) => res.status === 201)).toBe(true);
    const rows = await db
      .select({ status: eventRegistrations.status, booths: eventRegistrations.booths })
      .from(eventRegistrations)
      .innerJoin(events, eq(events.id, eventRegistrations.eventId))
      .where(eq(events.slug, slug));
    expect(rows).toHaveLength(8);
    const held = rows.filter((r) => r.status === 'pending').reduce((sum, r) => sum + r.booths, 0);
    const { taken, capacity } = await boothsTaken(slug);
    expect(taken).toBe(held);
    expect(taken).toBeLessThanOrEqual(capacity!);
    expect(rows.filter((r) => r.status === 'waitlisted').length).toBeGreaterThan(0);
  });
});

describe('ownership and withdrawal', () => {
  it('a member sees and changes only their own cooperative’s registration', async () => {
    const slug = await openEvent(6);
    const mine = await newCooperativeMember();
    const theirs = await newCooperativeMember();
    const myRegistration = await readJson(await register(mine, slug, { booths: 2 }));
    const theirRegistration = await readJson(await register(theirs, slug, { booths: 1 }));

    const list = await readJson(await send(mine, 'GET', `/events/${slug}/registrations`));
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([myRegistration.id]);

    const steal = await send(mine, 'DELETE', `/events/${slug}/registrations/${theirRegistration.id}`);
    expect(steal.status).toBe(404);
    expect(
      (await send(mine, 'PATCH', `/events/${slug}/registrations/${theirRegistration.id}`, { status: 'declined' }))
        .status,
    ).toBe(403);
    expect((await send(mine, 'GET', `/events/${slug}/registrations.csv`)).status).toBe(403);
    const [still] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.id, theirRegistration.id));
    expect(still!.status).toBe('pending');
    expect((await boothsTaken(slug)).taken).toBe(3);
  });

  it('withdrawing frees the booths; the cooperative may register again; not after the deadline', async () => {
    const slug = await openEvent(2);
    const member = await newCooperativeMember();
    const first = await readJson(await register(member, slug, { booths: 2 }));
    const withdrawn = await send(member, 'DELETE', `/events/${slug}/registrations/${first.id}`);
    expect(withdrawn.status).toBe(200);
    expect((await readJson(withdrawn)).status).toBe('withdrawn');
    expect((await boothsTaken(slug)).taken).toBe(0);
    expect((await send(member, 'DELETE', `/events/${slug}/registrations/${first.id}`)).status).toBe(409);

    const again = await register(member, slug, { booths: 1 });
    expect(again.status).toBe(201);
    const second = await readJson(again);
    expect(second.status).toBe('pending');
    expect((await boothsTaken(slug)).taken).toBe(1);

    await db
      .update(events)
      .set({ registrationClosesAt: new Date(Date.now() - 1000) })
      .where(eq(events.slug, slug));
    const late = await send(member, 'DELETE', `/events/${slug}/registrations/${second.id}`);
    expect(late.status).toBe(409);
    expect((await boothsTaken(slug)).taken).toBe(1);
  });
});

describe('trade officers decide', () => {
  it('confirm, waitlist and decline keep the booth count right, and every change is audited', async () => {
    const slug = await openEvent(3);
    const officer = await actor('officer');
    const [a, b, c] = [await newCooperativeMember(), await newCooperativeMember(), await newCooperativeMember()];
    const ra = await readJson(await register(a, slug, { booths: 2 }));
    const rb = await readJson(await register(b, slug, { booths: 1 }));
    const rc = await readJson(await register(c, slug, { booths: 2 }));
    expect([ra.status, rb.status, rc.status]).toEqual(['pending', 'pending', 'waitlisted']);
    const decide = (id: string, status: string) =>
      send(officer, 'PATCH', `/events/${slug}/registrations/${id}`, { status });

    expect((await readJson(await decide(ra.id, 'confirmed'))).status).toBe('confirmed');
    expect((await boothsTaken(slug)).taken).toBe(3);
    const full = await decide(rc.id, 'confirmed');
    expect(full.status).toBe(409);
    expect((await readJson(full)).error.fields.status).toBeTruthy();
    expect((await decide(rb.id, 'declined')).status).toBe(200);
    expect((await boothsTaken(slug)).taken).toBe(2);
    expect((await decide(ra.id, 'waitlisted')).status).toBe(200);
    expect((await boothsTaken(slug)).taken).toBe(0);
    expect((await decide(rc.id, 'confirmed')).status).toBe(200);
    expect((await boothsTaken(slug)).taken).toBe(2);
    expect((await decide(rc.id, 'confirmed')).status).toBe(409);
    expect((await decide('no-such-id', 'confirmed')).status).toBe(404);
    expect(
      (await send(officer, 'PATCH', `/events/${slug}/registrations/${rc.id}`, { status: 'withdrawn' })).status,
    ).toBe(422);

    const actions = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(inArray(auditLog.entityId, [ra.id, rb.id, rc.id]))
      .orderBy(auditLog.createdAt, sql`rowid`);
    expect(actions.map((x) => x.action).filter((x) => x !== 'event_registration.register')).toEqual([
      'event_registration.confirm',
      'event_registration.decline',
      'event_registration.waitlist',
      'event_registration.confirm',
    ]);
  });

  it('two officers confirming the last booth for two waitlisted cooperatives: one wins', async () => {
    const slug = await openEvent(1);
    const [officer1, officer2] = [await actor('officer'), await actor('admin')];
    const [a, b, c] = [await newCooperativeMember(), await newCooperativeMember(), await newCooperativeMember()];
    const ra = await readJson(await register(a, slug, { booths: 1 }));
    const rb = await readJson(await register(b, slug, { booths: 1 }));
    const rc = await readJson(await register(c, slug, { booths: 1 }));
    expect([ra.status, rb.status, rc.status]).toEqual(['pending', 'waitlisted', 'waitlisted']);
    await send(officer1, 'PATCH', `/events/${slug}/registrations/${ra.id}`, { status: 'declined' });
    const answers = await Promise.all([
      send(officer1, 'PATCH', `/events/${slug}/registrations/${rb.id}`, { status: 'confirmed' }),
      send(officer2, 'PATCH', `/events/${slug}/registrations/${rc.id}`, { status: 'confirmed' }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await boothsTaken(slug)).toEqual({ taken: 1, capacity: 1 });
  });

  it('list every registration and export them as CSV', async () => {
    const slug = await openEvent(10);
    const officer = await actor('officer');
    const [product] = await db.select().from(products).where(eq(products.status, 'published')).limit(1);
    const member = await actor('member', product!.cooperativeId);
    await register(member, slug, { booths: 1, products: [product!.slug], note: 'Ghi chú, có "ngoặc" và\nxuống dòng' });
    await register(await newCooperativeMember(), slug, { booths: 3 });
    const list = await readJson(await send(officer, 'GET', `/events/${slug}/registrations`));
    expect(list.items).toHaveLength(2);

    const csv = await send(officer, 'GET', `/events/${slug}/registrations.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // A byte order mark first, so spreadsheet programs read UTF-8 (text() would drop it).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(new TextDecoder().decode(bytes));
    expect(records[0]).toContain('cooperative');
    expect(records).toHaveLength(3);
    const noteColumn = records[0]!.indexOf('note');
    expect(records[1]![noteColumn]).toBe('Ghi chú, có "ngoặc" và\nxuống dòng');
    expect(records[1]![records[0]!.indexOf('products')]).toBe(product!.nameVi);
    expect((await send(null, 'GET', `/events/${slug}/registrations.csv`)).status).toBe(401);
  });
});

describe('OpenAPI', () => {
  it('documents the registration routes', async () => {
    const doc = await readJson(await call(api, '/openapi.json'));
    expect(Object.keys(doc.paths['/events/{slug}/registrations']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/events/{slug}/registrations/{id}']).sort()).toEqual(['delete', 'patch']);
    expect(doc.paths['/events/{slug}/registrations.csv'].get).toBeTruthy();
  });
});
