import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import {
  cooperatives,
  eventRegistrationProducts,
  eventRegistrations,
  events,
  products,
} from '../../src/server/db/schema';
import { vietnamMidnight } from '../../src/server/time/vietnam';
import { apiOn, call } from '../support/api';
import { demoDatabase } from '../support/demo';
import { readJson } from '../support/http';
import { atomProblems } from '../support/atom';

let db: Database;
let api: ReturnType<typeof apiOn>;

const DRAFT = {
  id: 'test-draft-event',
  slug: 'su-kien-nhap-chua-cong-bo',
  kind: 'fair' as const,
  titleVi: 'Sự kiện nháp',
  organiser: 'Sở Công Thương',
  startsAt: new Date(Date.now() + 10 * 86_400_000),
  endsAt: new Date(Date.now() + 11 * 86_400_000),
  status: 'draft' as const,
  onlineUrl: 'https://example.vn/nhap',
};

beforeAll(async () => {
  db = await demoDatabase();
  api = apiOn(db);
  await db.insert(events).values(DRAFT);
});

async function get(path: string) {
  const res = await call(api, path);
  return { res, body: await readJson(res) };
}

async function text(path: string) {
  const res = await call(api, path);
  return { res, body: await res.text() };
}

interface Summary {
  id: string;
  slug: string;
  kind: string;
  startsAt: string;
  endsAt: string;
  online: boolean;
  status: string;
  provinceNameVi: string | null;
}

function vevents(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
}

describe('GET /events', () => {
  it('lists upcoming and ongoing public events, soonest first, cancelled ones included and drafts never', async () => {
    const now = Date.now();
    const { res, body } = await get('/events?limit=100');
    expect(res.status).toBe(200);
    const items: Summary[] = body.items;
    expect(items.length).toBeGreaterThan(10);
    expect(body.sort).toBe('soonest');
    for (const e of items) expect(Date.parse(e.endsAt)).toBeGreaterThanOrEqual(now - 60_000);
    const starts = items.map((e) => e.startsAt);
    expect(starts).toEqual([...starts].sort());
    expect(items.some((e) => e.status === 'cancelled')).toBe(true);
    expect(items.map((e) => e.slug)).not.toContain(DRAFT.slug);
    const expected = await db
      .select({ id: events.id })
      .from(events)
      .where(and(inArray(events.status, ['published', 'cancelled']), gte(events.endsAt, new Date(now))));
    expect(body.total).toBe(expected.length);
  });

  it('shows past events latest first with time=past', async () => {
    const { body } = await get('/events?time=past');
    const items: Summary[] = body.items;
    expect(items.length).toBeGreaterThan(0);
    expect(body.sort).toBe('latest');
    for (const e of items) expect(Date.parse(e.endsAt)).toBeLessThan(Date.now());
    const starts = items.map((e) => e.startsAt);
    expect(starts).toEqual([...starts].sort().reverse());
  });

  it('filters by kind, province and format', async () => {
    const fairs: Summary[] = (await get('/events?kind=fair&limit=100')).body.items;
    expect(fairs.length).toBeGreaterThan(0);
    expect(new Set(fairs.map((e) => e.kind))).toEqual(new Set(['fair']));
    const hanoi: Summary[] = (await get('/events?province=ha-noi&limit=100')).body.items;
    expect(hanoi.length).toBeGreaterThan(0);
    expect(new Set(hanoi.map((e) => e.provinceNameVi))).toEqual(new Set(['Hà Nội']));
    // A pre-2025 province's slug is the unit it joined, as on the product and cooperative lists.
    const former = await get('/events?province=ha-giang&limit=100');
    expect(former.res.status).toBe(200);
    const joined: Summary[] = (await get('/events?province=tuyen-quang&limit=100')).body.items;
    expect(former.body.items.map((e: Summary) => e.slug)).toEqual(joined.map((e) => e.slug));
    expect((await get('/events?province=khong-co')).res.status).toBe(400);
    const online: Summary[] = (await get('/events?format=online&limit=100')).body.items;
    const inPerson: Summary[] = (await get('/events?format=in_person&limit=100')).body.items;
    expect(online.length).toBeGreaterThan(0);
    expect(online.every((e) => e.online)).toBe(true);
    expect(inPerson.every((e) => !e.online)).toBe(true);
  });

  it('filters by cooperative: the events it holds a pending or confirmed booth at, nothing else', async () => {
    const attending = await db
      .select({ eventId: eventRegistrations.eventId, slug: cooperatives.slug })
      .from(eventRegistrations)
      .innerJoin(cooperatives, eq(cooperatives.id, eventRegistrations.cooperativeId))
      .where(inArray(eventRegistrations.status, ['pending', 'confirmed']));
    const exhibitor = attending[0]?.slug as string;
    expect(exhibitor).toBeTruthy();
    const expected = new Set(attending.filter((row) => row.slug === exhibitor).map((row) => row.eventId));
    const listed: Summary[] = (await get(`/events?cooperative=${exhibitor}&from=2020-01-01&limit=100`)).body.items;
    expect(listed.length).toBeGreaterThan(0);
    const publicExpected = await db
      .select({ id: events.id })
      .from(events)
      .where(and(inArray(events.id, [...expected]), inArray(events.status, ['published', 'cancelled'])));
    expect(new Set(listed.map((e) => e.id))).toEqual(new Set(publicExpected.map((e) => e.id)));
    const { res } = await get('/events?cooperative=khong-co-htx-nay');
    expect(res.status).toBe(400);
  });

  it('keeps a date range in Viet Nam days: an event running on any day of it matches, past ones too', async () => {
    const all: Summary[] = (await get('/events?from=2020-01-01&to=2030-12-31&limit=100')).body.items;
    const first = all[0] as Summary;
    // Only the first event's first Viet Nam day: it matches, something ending the evening before does not.
    const day = new Date(Date.parse(first.startsAt) + 7 * 3_600_000).toISOString().slice(0, 10);
    const { body } = await get(`/events?from=${day}&to=${day}&limit=100`);
    const dayStart = vietnamMidnight(day).getTime();
    expect(body.items.map((e: Summary) => e.slug)).toContain(first.slug);
    for (const e of body.items as Summary[]) {
      expect(Date.parse(e.endsAt)).toBeGreaterThan(dayStart);
      expect(Date.parse(e.startsAt)).toBeLessThan(dayStart + 86_400_000);
    }
    // With a range and no time, past events are reachable.
    expect(all.some((e) => Date.parse(e.endsAt) < Date.now())).toBe(true);
  });

  it('pages with the same filters', async () => {
    const one = (await get('/events?limit=3')).body;
    const two = (await get('/events?limit=3&page=2')).body;
    expect(two.page).toBe(2);
    expect(two.total).toBe(one.total);
    const slugs = [...one.items, ...two.items].map((e: Summary) => e.slug);
    expect(new Set(slugs).size).toBe(6);
  });

  it.each([
    ['kind=party', 'kind'],
    ['province=atlantis', 'province'],
    ['format=hybrid', 'format'],
    ['from=2026-02-30', 'from'],
    ['to=9999-12-31', 'to'],
    ['from=2026-12-10&to=2026-12-01', 'to'],
    ['time=someday', 'time'],
    ['page=0', 'page'],
  ])('answers 400 naming the field for %s, on the list and both feeds', async (query, field) => {
    for (const path of ['/events', '/events.ics', '/events.atom']) {
      if (field === 'page' && path !== '/events') continue;
      const { res, body } = await get(`${path}?${query}&lang=en`);
      expect(res.status, `${path}?${query}`).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(body.error.code).toBe('bad_request');
      expect(body.error.fields[field]).toMatch(/\w/);
    }
  });

  it('names an unknown province in words', async () => {
    const { body } = await get('/events.ics?province=atlantis');
    expect(body.error.fields).toEqual({ province: 'Không có giá trị này.' });
  });
});

describe('public read-only answers for other sites (CORS)', () => {
  it.each(['/events', '/events.ics', '/products', '/cooperatives', '/cooperatives.geojson', '/provinces'])(
    '%s may be read from any origin, without credentials',
    async (path) => {
      const res = await call(api, path, { headers: { origin: 'https://tinh.example.gov.vn' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    },
  );

  it('lets no other site write, nor read what needs a session', async () => {
    const preflight = await call(api, '/products', {
      method: 'OPTIONS',
      headers: { origin: 'https://tinh.example.gov.vn', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-methods')).not.toMatch(/POST/);
    const mine = await call(api, '/me', { headers: { origin: 'https://tinh.example.gov.vn' } });
    expect(mine.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('GET /events.ics', () => {
  it('is an RFC 5545 calendar of the public events that ended at most 90 days ago, with stable UIDs', async () => {
    const { res, body } = await text('/events.ics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const parsed = vevents(body);
    const since = new Date(Date.now() - 90 * 86_400_000);
    const expected = await db
      .select({ id: events.id, status: events.status, revision: events.revision })
      .from(events)
      .where(and(inArray(events.status, ['published', 'cancelled']), gte(events.endsAt, since)));
    expect(parsed.map((v) => v.getFirstPropertyValue('uid')).sort()).toEqual(
      expected.map((e) => `${e.id}@localhost`).sort(),
    );
    for (const e of expected) {
      const vevent = parsed.find((v) => v.getFirstPropertyValue('uid') === `${e.id}@localhost`);
      expect(vevent?.getFirstPropertyValue('sequence')).toBe(e.revision);
      expect(vevent?.getFirstPropertyValue('status')).toBe(e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
    }
    // The same request gives the same UIDs: subscribed calendars update events instead of duplicating them.
    expect(vevents((await text('/events.ics')).body).map((v) => v.getFirstPropertyValue('uid'))).toEqual(
      parsed.map((v) => v.getFirstPropertyValue('uid')),
    );
  });

  it('takes the list’s filters and language', async () => {
    const { body } = await text('/events.ics?kind=ocop_market&province=ha-noi&lang=en');
    const parsed = vevents(body);
    expect(parsed.length).toBeGreaterThan(0);
    for (const v of parsed) {
      expect(new ICAL.Event(v).summary).toMatch(/^OCOP Market/);
      expect(v.getFirstPropertyValue('url')).toMatch(/^http:\/\/localhost\/en\/events\//);
    }
  });
});

describe('GET /events.atom', () => {
  it('lists the latest announcements, newest first', async () => {
    const { res, body } = await text('/events.atom?kind=fair');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    const published = [...body.matchAll(/<published>([^<]+)<\/published>/g)].map((m) => m[1] as string);
    expect(published.length).toBeGreaterThan(0);
    expect(published).toEqual([...published].sort().reverse());
    const fairs = await db
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.kind, 'fair'), inArray(events.status, ['published', 'cancelled'])));
    expect(published.length).toBe(Math.min(50, fairs.length));
  });

  it('is valid Atom (RFC 4287): an author for the feed, a term for every category', async () => {
    for (const path of ['/events.atom', '/events.atom?kind=fair']) {
      const { body } = await text(path);
      expect(await atomProblems(body), path).toEqual([]);
      expect(body, path).toContain('<category label="Hội chợ" term="fair"');
    }
    const { body: english } = await text('/events.atom?lang=en');
    expect(await atomProblems(english)).toEqual([]);
  });
});

describe('GET /events/{slug}', () => {
  let slug: string;
  let eventId: string;
  let taken: number;
  const registrationIds = ['test-reg-a', 'test-reg-b'];

  beforeAll(async () => {
    const [event] = await db
      .select({ id: events.id, slug: events.slug, boothsTaken: events.boothsTaken })
      .from(events)
      .where(and(eq(events.kind, 'fair'), eq(events.status, 'published'), gte(events.endsAt, new Date())))
      .limit(1);
    slug = event!.slug;
    eventId = event!.id;
    taken = event!.boothsTaken;
    // Two cooperatives not yet registered for it (the demo registers some).
    const coops = await db
      .select({ id: cooperatives.id })
      .from(cooperatives)
      .where(
        and(
          eq(cooperatives.status, 'active'),
          sql`NOT EXISTS (SELECT 1 FROM event_registrations r WHERE r.cooperative_id = ${cooperatives.id} AND r.event_id = ${eventId})`,
        ),
      )
      .limit(2);
    const [shown] = await db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.cooperativeId, coops[0]!.id), eq(products.status, 'published')))
      .limit(1);
    await db.insert(eventRegistrations).values([
      { id: registrationIds[0]!, eventId, cooperativeId: coops[0]!.id, booths: 2, status: 'confirmed' },
      { id: registrationIds[1]!, eventId, cooperativeId: coops[1]!.id, booths: 1, status: 'pending' },
    ]);
    await db.insert(eventRegistrationProducts).values({ registrationId: registrationIds[0]!, productId: shown!.id });
    await db
      .update(events)
      .set({ boothsTaken: taken + 3 })
      .where(eq(events.id, eventId));
  });

  afterAll(async () => {
    await db.delete(eventRegistrations).where(inArray(eventRegistrations.id, registrationIds));
    await db.update(events).set({ boothsTaken: taken }).where(eq(events.id, eventId));
  });

  it('gives the event with its booths left and only the confirmed cooperatives, with what they show', async () => {
    const { res, body } = await get(`/events/${slug}`);
    expect(res.status).toBe(200);
    expect(body.slug).toBe(slug);
    expect(body.boothsLeft).toBe(body.boothCapacity - taken - 3);
    const confirmed = await db
      .select({ id: eventRegistrations.id })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'confirmed')));
    expect(body.participants).toHaveLength(confirmed.length);
    const mine = body.participants.find(
      (p: { booths: number; products: unknown[] }) => p.booths === 2 && p.products.length === 1,
    );
    expect(mine).toBeDefined();
    expect(mine.products[0].slug).toMatch(/^[a-z0-9-]+$/);
    expect(['open', 'not_yet_open', 'closed']).toContain(body.registration);
    expect(body).not.toHaveProperty('isDemo');
  });

  it('keeps a cancelled event with its reason', async () => {
    const [cancelled] = await db.select({ slug: events.slug }).from(events).where(eq(events.status, 'cancelled'));
    const { body } = await get(`/events/${cancelled!.slug}`);
    expect(body.status).toBe('cancelled');
    expect(body.cancelReason).toMatch(/\w/);
    // Not "closed": the window may still be open, the event is what ended.
    expect(body.registration).toBe('cancelled');
  });

  it('answers 404 for drafts and unknown slugs', async () => {
    expect((await get(`/events/${DRAFT.slug}`)).res.status).toBe(404);
    expect((await get('/events/khong-co-su-kien-nay')).body.error.code).toBe('not_found');
    expect((await get(`/events/${DRAFT.slug}.ics`)).res.status).toBe(404);
  });

  it('downloads one event as an .ics file', async () => {
    const { res, body } = await text(`/events/${slug}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${slug}.ics"`);
    const [vevent] = vevents(body);
    expect(vevent?.getFirstPropertyValue('uid')).toBe(`${eventId}@localhost`);
  });
});

describe('OpenAPI document', () => {
  it('describes every events endpoint', async () => {
    const { body } = await get('/openapi.json');
    for (const path of ['/events', '/events.ics', '/events.atom', '/events/{slug}', '/events/{slug}.ics']) {
      expect(body.paths, path).toHaveProperty([path]);
    }
    expect(body.paths['/events'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['kind', 'province', 'format', 'from', 'to', 'time', 'page', 'limit']),
    );
  });
});
