/**
 * Trade officers manage events through the API on a real SQLite: create,
 * edit, publish, cancel with a reason, duplicate, recurring series; every
 * change in the audit log; drafts never public; anyone else refused before
 * anything is read or written; invalid input refused field by field with
 * nothing written.
 */
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/server/accounts/sessions';
import type { SessionUser } from '../../src/server/accounts/users';
import type { Database } from '../../src/server/db/client';
import { auditLog, events } from '../../src/server/db/schema';
import { ConflictError } from '../../src/server/errors';
import { parseSitemapName, renderSitemap, renderSitemapIndex } from '../../src/server/seo/sitemap';
import { updateEvent } from '../../src/server/events/event-admin/edit-event';
import { deleteDraftEvent } from '../../src/server/events/event-admin/status-changes';
import { createTestCooperative, createTestUser } from '../support/accounts';
import { apiOn, call } from '../support/api';
import { demoDatabase } from '../support/demo';
import { readJson } from '../support/http';
import { validEvent } from '../support/valid-input';

const ORIGIN = 'http://localhost';

let db: Database;
let api: ReturnType<typeof apiOn>;
let officer: string;
let admin: string;
let member: string;
let officerId: string;

async function cookieFor(role: 'member' | 'officer' | 'admin', cooperativeId: string | null = null) {
  const user = await createTestUser(db, { role, cooperativeId });
  const { token } = await createSession(db, user.id, new Date());
  return { cookie: `session=${token}`, id: user.id };
}

function send(
  cookie: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const all: Record<string, string> = { origin: ORIGIN, ...headers };
  if (cookie) all.cookie = cookie;
  if (body !== undefined) all['content-type'] = 'application/json';
  return call(api, path, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** A valid event a month or two ahead, in Ha Noi (GSO 01). */
const fair = validEvent;

async function auditActions(entityId: string) {
  const rows = await db.select().from(auditLog).where(eq(auditLog.entityId, entityId));
  return rows.map((row) => row.action).sort();
}

async function totals() {
  const [e] = await db.select({ n: count() }).from(events);
  const [a] = await db.select({ n: count() }).from(auditLog);
  return { events: e!.n, audit: a!.n };
}

async function icsOf(slug: string) {
  const res = await call(api, `/events.ics?from=2027-01-01&to=2027-12-31`);
  expect(res.status).toBe(200);
  const text = await res.text();
  const id = (await db.select({ id: events.id }).from(events).where(eq(events.slug, slug)))[0]?.id;
  const block = text.split('BEGIN:VEVENT').find((part) => id && part.includes(`UID:${id}@`));
  return block ?? null;
}

/** Whether any events sitemap lists the event's page. */
async function inSitemap(slug: string): Promise<boolean> {
  const origin = 'https://cho-htx.example';
  const locs = (xml: string) =>
    [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
  for (const loc of locs(await renderSitemapIndex(db, origin)).filter((l) => l.includes('/sitemaps/events-'))) {
    const url = new URL(loc);
    const name = parseSitemapName(url.pathname.replace(/^\/sitemaps\/(.+)\.xml$/, '$1'), url.searchParams.get('after'));
    if (name && locs(await renderSitemap(db, origin, name)).includes(`${origin}/su-kien/${slug}`)) return true;
  }
  return false;
}

beforeAll(async () => {
  db = await demoDatabase();
  api = apiOn(db);
  const o = await cookieFor('officer');
  officer = o.cookie;
  officerId = o.id;
  admin = (await cookieFor('admin')).cookie;
  member = (await cookieFor('member', await createTestCooperative(db))).cookie;
});

describe('an officer creates, edits, publishes and cancels an event', () => {
  it('walks the whole life of an event, with the public side following', async () => {
    const created = await send(officer, 'POST', '/managed-events', fair());
    expect(created.status).toBe(201);
    const draft = await readJson(created);
    expect(draft).toMatchObject({ status: 'draft', revision: 0, seriesId: null, publishedAt: null });
    expect(draft.slug).toBe('hoi-cho-ocop-thu-nghiem');
    expect(draft.input).toMatchObject({
      startDate: '2027-03-10',
      endDate: '2027-03-12',
      startTime: '08:00',
      boothCapacity: 40,
    });
    expect(created.headers.get('cache-control')).toContain('no-store');

    // A draft is nowhere public.
    expect((await call(api, `/events/${draft.slug}`)).status).toBe(404);
    expect(await icsOf(draft.slug)).toBeNull();
    expect(await inSitemap(draft.slug)).toBe(false);
    const list = await readJson(await call(api, '/events?from=2027-03-01&to=2027-03-31'));
    expect(list.items.map((e: { slug: string }) => e.slug)).not.toContain(draft.slug);
    // Officers read it.
    expect((await readJson(await send(officer, 'GET', `/managed-events/${draft.slug}`))).status).toBe('draft');

    // Editing a draft does not raise the revision.
    const edited = await send(
      officer,
      'PUT',
      `/managed-events/${draft.slug}`,
      fair({ titleEn: 'Test OCOP fair 2027' }),
    );
    expect(edited.status).toBe(200);
    expect(await readJson(edited)).toMatchObject({ revision: 0, input: { titleEn: 'Test OCOP fair 2027' } });

    const published = await send(officer, 'POST', `/managed-events/${draft.slug}/publish`);
    expect(published.status).toBe(200);
    expect(await readJson(published)).toMatchObject({ status: 'published', revision: 0 });
    expect((await call(api, `/events/${draft.slug}`)).status).toBe(200);
    expect(await inSitemap(draft.slug)).toBe(true);
    const first = await icsOf(draft.slug);
    expect(first).toContain('SEQUENCE:0');
    expect(first).toContain('STATUS:CONFIRMED');
    expect((await send(officer, 'POST', `/managed-events/${draft.slug}/publish`)).status).toBe(409);

    // A published change raises the revision, which calendars read as SEQUENCE.
    const moved = await send(
      admin,
      'PUT',
      `/managed-events/${draft.slug}`,
      fair({ endTime: '18:00', titleEn: 'Test OCOP fair 2027' }),
    );
    expect(moved.status).toBe(200);
    expect(await readJson(moved)).toMatchObject({ revision: 1, input: { endTime: '18:00' } });
    expect(await icsOf(draft.slug)).toContain('SEQUENCE:1');

    // Cancelling needs a reason.
    const noReason = await send(officer, 'POST', `/managed-events/${draft.slug}/cancel`, { reason: '' });
    expect(noReason.status).toBe(422);
    expect(Object.keys((await readJson(noReason)).error.fields)).toEqual(['reason']);
    const cancelled = await send(officer, 'POST', `/managed-events/${draft.slug}/cancel`, {
      reason: 'Hoãn vì bão số 3.',
    });
    expect(cancelled.status).toBe(200);
    expect(await readJson(cancelled)).toMatchObject({
      status: 'cancelled',
      revision: 2,
      cancelReason: 'Hoãn vì bão số 3.',
    });
    const ics = await icsOf(draft.slug);
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SEQUENCE:2');
    const page = await readJson(await call(api, `/events/${draft.slug}`));
    expect(page).toMatchObject({ status: 'cancelled', cancelReason: 'Hoãn vì bão số 3.' });

    // A cancelled event is kept as it is.
    const late = await send(officer, 'PUT', `/managed-events/${draft.slug}`, fair());
    expect(late.status).toBe(409);
    expect((await readJson(late)).error.fields.status).toBeTruthy();
    expect(
      (await send(officer, 'POST', `/managed-events/${draft.slug}/cancel`, { reason: 'Lần nữa cho chắc.' })).status,
    ).toBe(409);

    expect(await auditActions(draft.id)).toEqual([
      'event.cancel',
      'event.create',
      'event.publish',
      'event.update',
      'event.update',
    ]);
    const [cancelEntry] = await db.select().from(auditLog).where(eq(auditLog.action, 'event.cancel'));
    expect(cancelEntry).toMatchObject({ actorUserId: officerId, entityType: 'event', entityId: draft.id });
    expect(cancelEntry!.detail).toMatchObject({ reason: 'Hoãn vì bão số 3.', from: 'published' });
  });

  it('publishes at once when asked, and does not write an unchanged edit', async () => {
    const res = await send(
      officer,
      'POST',
      '/managed-events',
      fair({ titleVi: 'Phiên chợ công bố ngay', publish: true }),
    );
    expect(res.status).toBe(201);
    const event = await readJson(res);
    expect(event.status).toBe('published');
    expect(event.publishedAt).not.toBeNull();
    const same = await send(officer, 'PUT', `/managed-events/${event.slug}`, event.input);
    expect(same.status).toBe(200);
    expect((await readJson(same)).revision).toBe(0);
    expect(await auditActions(event.id)).toEqual(['event.create']);
  });

  it('duplicates an event into a new draft', async () => {
    const source = await readJson(
      await send(officer, 'POST', '/managed-events', fair({ titleVi: 'Hội chợ mùa xuân', publish: true })),
    );
    const res = await send(officer, 'POST', `/managed-events/${source.slug}/duplicate`);
    expect(res.status).toBe(201);
    const copy = await readJson(res);
    expect(copy).toMatchObject({ status: 'draft', revision: 0, boothsTaken: 0 });
    expect(copy.slug).not.toBe(source.slug);
    expect(copy.input.titleVi).toBe('Hội chợ mùa xuân (bản sao)');
    expect(copy.input.startDate).toBe(source.input.startDate);
    const english = await readJson(await send(officer, 'POST', `/managed-events/${source.slug}/duplicate?lang=en`));
    expect(english.input.titleVi).toBe('Hội chợ mùa xuân (copy)');
    expect(await auditActions(copy.id)).toEqual(['event.duplicate']);
  });

  it('refuses a draft’s cancellation and unknown events', async () => {
    const draft = await readJson(
      await send(officer, 'POST', '/managed-events', fair({ titleVi: 'Bản nháp không hủy được' })),
    );
    expect(
      (await send(officer, 'POST', `/managed-events/${draft.slug}/cancel`, { reason: 'Không tổ chức nữa.' })).status,
    ).toBe(409);
    for (const [method, path, body] of [
      ['GET', '/managed-events/khong-co', undefined],
      ['PUT', '/managed-events/khong-co', fair()],
      ['POST', '/managed-events/khong-co/publish', undefined],
      ['POST', '/managed-events/khong-co/cancel', { reason: 'Không có sự kiện.' }],
      ['POST', '/managed-events/khong-co/duplicate', undefined],
      ['DELETE', '/managed-events/khong-co', undefined],
    ] as const) {
      const res = await send(officer, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect((await readJson(res)).error.code).toBe('not_found');
    }
  });

  it('deletes a draft, with its audit entry, and refuses to delete what was published or cancelled', async () => {
    const draft = await readJson(
      await send(officer, 'POST', '/managed-events', fair({ titleVi: 'Bản nháp tạo nhầm' })),
    );
    const before = await totals();
    const res = await send(officer, 'DELETE', `/managed-events/${draft.slug}`);
    expect(res.status).toBe(204);
    expect(await totals()).toEqual({ events: before.events - 1, audit: before.audit + 1 });
    expect((await send(officer, 'GET', `/managed-events/${draft.slug}`)).status).toBe(404);
    expect(await auditActions(draft.id)).toEqual(['event.create', 'event.delete']);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, draft.id), eq(auditLog.action, 'event.delete')));
    expect(entry?.actorUserId).toBe(officerId);
    expect(entry!.detail).toEqual({ slug: draft.slug, title: 'Bản nháp tạo nhầm' });
    expect((await send(officer, 'DELETE', `/managed-events/${draft.slug}`)).status).toBe(404);

    const published = await readJson(
      await send(officer, 'POST', '/managed-events', fair({ titleVi: 'Đã công bố, không xóa', publish: true })),
    );
    const cancelled = await readJson(
      await send(officer, 'POST', '/managed-events', fair({ titleVi: 'Đã hủy, không xóa', publish: true })),
    );
    await send(officer, 'POST', `/managed-events/${cancelled.slug}/cancel`, { reason: 'Không tổ chức nữa.' });
    const kept = await totals();
    const reasons: string[] = [];
    for (const event of [published, cancelled]) {
      const refused = await send(officer, 'DELETE', `/managed-events/${event.slug}`);
      expect(refused.status).toBe(409);
      const { error } = await readJson(refused);
      expect(error.code).toBe('conflict');
      reasons.push(error.fields.status);
    }
    // Each says why in the reader's language: already published, already cancelled.
    expect(new Set(reasons).size).toBe(2);
    expect(reasons.every((reason) => typeof reason === 'string' && reason.length > 0)).toBe(true);
    expect(await totals()).toEqual(kept);
  });

  it('deletes nothing when the draft was published between the read and the write', async () => {
    const draft = await readJson(
      await send(officer, 'POST', '/managed-events', fair({ titleVi: 'Bản nháp bị công bố giữa chừng' })),
    );
    const officerUser: SessionUser = {
      id: officerId,
      email: 'o@example.test',
      displayName: 'Officer',
      role: 'officer',
      cooperativeId: null,
      isManager: false,
    };
    // The officer's read sees a draft; another officer publishes before the batch runs.
    const racing = db.batch.bind(db);
    db.batch = (async (statements: Parameters<typeof db.batch>[0]) => {
      await db.update(events).set({ status: 'published' }).where(eq(events.id, draft.id));
      db.batch = racing;
      return racing(statements);
    }) as unknown as typeof db.batch;
    const before = await totals();
    await expect(deleteDraftEvent(db, officerUser, draft.slug, new Date())).rejects.toBeInstanceOf(ConflictError);
    expect(await totals()).toEqual(before);
  });

  it('lists every event to officers, drafts included, filtered by status', async () => {
    const draft = await readJson(
      await send(officer, 'POST', '/managed-events', fair({ titleVi: 'Bản nháp trong danh sách' })),
    );
    const drafts = await readJson(await send(officer, 'GET', '/managed-events?status=draft'));
    expect(drafts.items.map((e: { slug: string }) => e.slug)).toContain(draft.slug);
    expect(drafts.items.every((e: { status: string }) => e.status === 'draft')).toBe(true);
    const all = await readJson(await send(officer, 'GET', '/managed-events'));
    expect(all.total).toBeGreaterThan(drafts.total);
    expect((await send(officer, 'GET', '/managed-events?status=hidden')).status).toBe(400);
  });
});

describe('bad input is refused field by field, with nothing written', () => {
  it('names each wrong field, in the reader’s language', async () => {
    const before = await totals();
    const res = await send(officer, 'POST', '/managed-events?lang=en', {
      ...fair({
        kind: 'party',
        provinceCode: '99',
        boothCapacity: 0,
        endDate: '2027-03-09',
        registrationCloses: '2027-03-11T09:00',
      }),
    });
    expect(res.status).toBe(422);
    const { fields } = (await readJson(res)).error;
    // Each field's own check (an unknown kind, no booth) comes before the rules across fields.
    expect(Object.keys(fields).sort()).toEqual(['boothCapacity', 'kind']);
    const rules = await send(
      officer,
      'POST',
      '/managed-events?lang=en',
      fair({ provinceCode: '99', boothCapacity: 0, endDate: '2027-03-09', registrationCloses: '2027-03-11T09:00' }),
    );
    expect(rules.status).toBe(422);
    const ruleFields = (await readJson(rules)).error.fields;
    expect(Object.keys(ruleFields).sort()).toEqual(['boothCapacity', 'endDate', 'provinceCode', 'registrationCloses']);
    expect(ruleFields.endDate).toBe('The end must come after the start.');
    expect(ruleFields.registrationCloses).toBe('Registration must close before the event starts.');
    const vi = await send(officer, 'POST', '/managed-events', fair({ boothCapacity: -3 }), { 'accept-language': 'vi' });
    expect((await readJson(vi)).error.fields.boothCapacity).toBe('Giá trị phải từ 1 trở lên.');
    const unknownField = await send(officer, 'POST', '/managed-events', fair({ status: 'published' }));
    expect((await readJson(unknownField)).error.fields.status).toBeTruthy();
    expect(await totals()).toEqual(before);
  });

  it('does not let the capacity fall below the booths already taken', async () => {
    const event = await readJson(
      await send(officer, 'POST', '/managed-events', fair({ titleVi: 'Hội chợ đã có gian', publish: true })),
    );
    await db.update(events).set({ boothsTaken: 12 }).where(eq(events.id, event.id));
    const before = await totals();
    const res = await send(officer, 'PUT', `/managed-events/${event.slug}?lang=en`, {
      ...event.input,
      boothCapacity: 10,
    });
    expect(res.status).toBe(422);
    expect((await readJson(res)).error.fields.boothCapacity).toContain('12');
    expect(
      (await send(officer, 'PUT', `/managed-events/${event.slug}`, { ...event.input, boothCapacity: 12 })).status,
    ).toBe(200);
    const [row] = await db.select().from(events).where(eq(events.id, event.id));
    expect(row).toMatchObject({ boothCapacity: 12, revision: 1 });
    expect((await totals()).audit).toBe(before.audit + 1);
  });

  it('refuses an edit made on a version someone else has changed since', async () => {
    const event = await readJson(
      await send(officer, 'POST', '/managed-events', fair({ titleVi: 'Hai cán bộ cùng sửa' })),
    );
    const user: SessionUser = {
      id: officerId,
      email: 'o@example.test',
      displayName: 'Officer',
      role: 'officer',
      cooperativeId: null,
      isManager: false,
    };
    const seen = new Date(event.updatedAt);
    await updateEvent(
      db,
      user,
      event.slug,
      { ...event.input, titleEn: 'First edit' },
      { now: new Date(seen.getTime() + 1000), unchangedSince: seen },
    );
    await expect(
      updateEvent(
        db,
        user,
        event.slug,
        { ...event.input, titleEn: 'Second edit' },
        { now: new Date(seen.getTime() + 2000), unchangedSince: seen },
      ),
    ).rejects.toThrow(ConflictError);
    const [row] = await db.select().from(events).where(eq(events.id, event.id));
    expect(row!.titleEn).toBe('First edit');
    expect(await auditActions(event.id)).toEqual(['event.create', 'event.update']);
  });
});

describe('recurring series', () => {
  const market = (recurrence: Record<string, unknown>, overrides: Record<string, unknown> = {}) =>
    fair({
      kind: 'ocop_market',
      titleVi: 'Phiên chợ OCOP cuối tuần',
      allDay: true,
      startDate: '2027-01-01',
      endDate: '2027-01-01',
      startTime: undefined,
      endTime: undefined,
      registrationOpens: undefined,
      registrationCloses: undefined,
      recurrence,
      ...overrides,
    });

  it('previews the dates without writing anything', async () => {
    const before = await totals();
    const res = await send(
      officer,
      'POST',
      '/managed-events/series/preview',
      market({ frequency: 'monthly_weekday', ordinal: 2, weekday: 6, count: 3 }),
    );
    expect(res.status).toBe(200);
    const { dates } = await readJson(res);
    expect(dates.map((d: { startDate: string }) => d.startDate)).toEqual(['2027-01-09', '2027-02-13', '2027-03-13']);
    expect(await totals()).toEqual(before);
  });

  it('creates separate dated events sharing a series id, each in the audit log', async () => {
    const res = await send(
      officer,
      'POST',
      '/managed-events/series',
      market({ frequency: 'monthly_weekday', ordinal: 2, weekday: 6, count: 3 }, { publish: true }),
    );
    expect(res.status).toBe(201);
    const series = await readJson(res);
    expect(series.items).toHaveLength(3);
    expect(series.items.map((e: { input: { startDate: string } }) => e.input.startDate)).toEqual([
      '2027-01-09',
      '2027-02-13',
      '2027-03-13',
    ]);
    expect(new Set(series.items.map((e: { seriesId: string }) => e.seriesId))).toEqual(new Set([series.seriesId]));
    expect(series.items.map((e: { slug: string }) => e.slug)).toEqual([
      'phien-cho-ocop-cuoi-tuan-2027-01-09',
      'phien-cho-ocop-cuoi-tuan-2027-02-13',
      'phien-cho-ocop-cuoi-tuan-2027-03-13',
    ]);
    expect(series.items.every((e: { status: string }) => e.status === 'published')).toBe(true);
    const entries = await db
      .select()
      .from(auditLog)
      .where(
        inArray(
          auditLog.entityId,
          series.items.map((e: { id: string }) => e.id),
        ),
      );
    expect(entries).toHaveLength(3);
    expect(entries[0]!.detail).toMatchObject({
      seriesId: series.seriesId,
      rule: { frequency: 'monthly_weekday', count: 3 },
    });
  });

  it('writes a series whole or not at all', async () => {
    // The last event's insert fails inside the batch: the three before it and every audit entry go with it.
    await db.run(
      sql`CREATE TRIGGER refuse_third BEFORE INSERT ON events WHEN NEW.slug LIKE 'chuoi-bi-hong-%-2027-01-22' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`,
    );
    try {
      const before = await totals();
      const res = await send(
        officer,
        'POST',
        '/managed-events/series',
        market({ frequency: 'weekly', count: 4 }, { titleVi: `Chuỗi bị hỏng ${Date.now() % 1000}` }),
      );
      expect(res.status).toBe(500);
      expect(await totals()).toEqual(before);
    } finally {
      await db.run(sql`DROP TRIGGER refuse_third`);
    }
  });

  it('ends a series on a date, and refuses rules that give no date or too many', async () => {
    const weekly = await readJson(
      await send(
        officer,
        'POST',
        '/managed-events/series/preview',
        market({ frequency: 'weekly', until: '2027-01-29' }),
      ),
    );
    expect(weekly.dates.map((d: { startDate: string }) => d.startDate)).toEqual([
      '2027-01-01',
      '2027-01-08',
      '2027-01-15',
      '2027-01-22',
      '2027-01-29',
    ]);

    const before = await totals();
    const tooMany = await send(
      officer,
      'POST',
      '/managed-events/series?lang=en',
      market({ frequency: 'weekly', until: '2029-01-01' }),
    );
    expect(tooMany.status).toBe(422);
    expect((await readJson(tooMany)).error.fields['recurrence.until']).toContain('52');
    const none = await send(
      officer,
      'POST',
      '/managed-events/series',
      market({ frequency: 'weekly', until: '2026-12-01' }),
    );
    expect(Object.keys((await readJson(none)).error.fields)).toEqual(['recurrence.until']);
    const both = await send(
      officer,
      'POST',
      '/managed-events/series',
      market({ frequency: 'weekly', count: 2, until: '2027-02-01' }),
    );
    expect(Object.keys((await readJson(both)).error.fields)).toEqual(['recurrence.count']);
    const mixed = await send(
      officer,
      'POST',
      '/managed-events/series',
      market({ frequency: 'monthly_day', day: 40, count: 0 }, { endDate: '2026-12-31' }),
    );
    expect(mixed.status).toBe(422);
    expect(Object.keys((await readJson(mixed)).error.fields).sort()).toEqual([
      'endDate',
      'recurrence.count',
      'recurrence.day',
    ]);
    expect(await totals()).toEqual(before);
  });
});

describe('only trade officers and admins manage events', () => {
  const attempts = () =>
    [
      ['GET', '/managed-events', undefined],
      ['POST', '/managed-events', fair()],
      ['POST', '/managed-events', { kind: 'nonsense' }],
      ['POST', '/managed-events/series', { kind: 'nonsense' }],
      ['POST', '/managed-events/series/preview', { kind: 'nonsense' }],
      ['GET', '/managed-events/khong-co', undefined],
      ['PUT', '/managed-events/khong-co', fair()],
      ['POST', '/managed-events/khong-co/publish', undefined],
      ['POST', '/managed-events/khong-co/cancel', { reason: 'x' }],
      ['POST', '/managed-events/khong-co/duplicate', undefined],
      ['DELETE', '/managed-events/khong-co', undefined],
    ] as const;

  it('refuses members (403) and anonymous callers (401) before reading the body, writing nothing', async () => {
    const before = await totals();
    for (const [method, path, body] of attempts()) {
      expect((await send(member, method, path, body)).status, `member ${method} ${path}`).toBe(403);
      expect((await send(null, method, path, body)).status, `anonymous ${method} ${path}`).toBe(401);
    }
    expect(await totals()).toEqual(before);
  });

  it('refuses an officer’s request from another site (CSRF), writing nothing', async () => {
    const draft = await readJson(
      await send(officer, 'POST', '/managed-events', fair({ titleVi: 'Không công bố từ trang lạ' })),
    );
    const before = await totals();
    const forged = { origin: 'https://evil.example' };
    expect((await send(officer, 'POST', '/managed-events', fair(), forged)).status).toBe(403);
    expect((await send(officer, 'POST', `/managed-events/${draft.slug}/publish`, undefined, forged)).status).toBe(403);
    expect((await send(officer, 'PUT', `/managed-events/${draft.slug}`, fair(), forged)).status).toBe(403);
    expect(await totals()).toEqual(before);
    const [row] = await db.select().from(events).where(eq(events.id, draft.id));
    expect(row!.status).toBe('draft');
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = await readJson(await call(api, '/openapi.json'));
    for (const path of [
      '/managed-events',
      '/managed-events/series',
      '/managed-events/series/preview',
      '/managed-events/{slug}',
      '/managed-events/{slug}/publish',
      '/managed-events/{slug}/cancel',
      '/managed-events/{slug}/duplicate',
    ]) {
      expect(doc.paths[path], path).toBeTruthy();
    }
    expect(doc.paths['/managed-events/{slug}'].put.responses['422']).toBeTruthy();
    expect(doc.paths['/managed-events/{slug}'].delete.responses['204']).toBeTruthy();
    expect(doc.paths['/managed-events'].post.responses['403']).toBeTruthy();
  });
});
