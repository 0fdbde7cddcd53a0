/**
 * The trade department's console through the API on a real SQLite: who may
 * use it, province targets and their refusals, the audit log search, and a
 * cooperative's standing (verification with evidence, suspension with a
 * reason) with what the public then sees.
 */
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { newId } from '../../src/server/db/ids';
import type { SessionUser } from '../../src/server/accounts/users';
import { updateProduct } from '../../src/server/products/product-writes';
import { auditLog, cooperatives, pendingRevisions, products, provinceTargets, users } from '../../src/server/db/schema';
import { createTestCooperative, createTestUser, sessionCookieFor } from '../support/accounts';
import { apiOn, call } from '../support/api';
import { demoDatabase } from '../support/demo';
import { readJson } from '../support/http';

const ORIGIN = 'http://localhost';

let db: Database;
let api: ReturnType<typeof apiOn>;
let officer: { cookie: string; email: string; id: string };
let admin: string;
let member: string;

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

const target = (overrides: Record<string, unknown> = {}) => ({
  province: 'ha-noi',
  metric: 'fair_or_better_share',
  minimum: 65,
  dueDate: '2030-12-31',
  source: 'Kế hoạch 45/KH-UBND',
  ...overrides,
});

const targetRows = async () => (await db.select({ n: count() }).from(provinceTargets))[0]?.n ?? 0;

beforeAll(async () => {
  db = await demoDatabase();
  api = apiOn(db);
  const officerUser = await createTestUser(db, { role: 'officer' });
  officer = { cookie: await sessionCookieFor(db, officerUser.id), email: officerUser.email, id: officerUser.id };
  admin = await sessionCookieFor(db, (await createTestUser(db, { role: 'admin' })).id);
  const cooperativeId = await createTestCooperative(db);
  member = await sessionCookieFor(
    db,
    (await createTestUser(db, { role: 'member', cooperativeId, isManager: true })).id,
  );
});

describe('who may use the console API', () => {
  const routes: [string, string, unknown?][] = [
    ['GET', '/admin/targets'],
    ['POST', '/admin/targets', target()],
    ['PUT', '/admin/targets/some-id', target()],
    ['DELETE', '/admin/targets/some-id'],
    ['GET', '/admin/audit-log'],
    ['POST', '/admin/cooperatives/any/verify', { evidence: 'Giấy chứng nhận số 123 đã đối chiếu' }],
    ['POST', '/admin/products/any/suspend', { reason: 'Nhãn ghi sai hạng sao OCOP.' }],
  ];

  it.each(routes)('%s %s: 401 signed out, 403 for a cooperative member', async (method, path, body) => {
    const anonymous = await send(null, method, path, body);
    expect(anonymous.status).toBe(401);
    const asMember = await send(member, method, path, body);
    expect(asMember.status).toBe(403);
    expect((await readJson(asMember)).error.code).toBe('forbidden');
  });

  it('is open to officers and admins', async () => {
    expect((await send(officer.cookie, 'GET', '/admin/targets')).status).toBe(200);
    expect((await send(admin, 'GET', '/admin/audit-log')).status).toBe(200);
  });

  it('refuses a write from another site before doing anything', async () => {
    const before = await targetRows();
    const res = await send(officer.cookie, 'POST', '/admin/targets', target({ dueDate: '2031-12-31' }), {
      origin: 'https://evil.example',
    });
    expect(res.status).toBe(403);
    expect(await targetRows()).toBe(before);
  });
});

describe('province targets', () => {
  it('records a target with its audit entry, and lists it with progress read off the statistics', async () => {
    const res = await send(officer.cookie, 'POST', '/admin/targets', target());
    expect(res.status).toBe(201);
    const created = await readJson(res);
    expect(created).toMatchObject({
      metric: 'fair_or_better_share',
      minimum: 65,
      maximum: null,
      dueDate: '2030-12-31',
      province: { slug: 'ha-noi' },
    });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'province_target'), eq(auditLog.entityId, created.id)));
    expect(entry).toMatchObject({ action: 'province_target.created', actorUserId: officer.id });

    const list = await readJson(await send(officer.cookie, 'GET', '/admin/targets?province=ha-noi'));
    const listed = list.items.find((item: { id: string }) => item.id === created.id);
    // The share of Hà Nội's active cooperatives rated good or fair, counted here independently.
    const rows = await db
      .select({ classification: cooperatives.classification })
      .from(cooperatives)
      .where(and(eq(cooperatives.provinceCode, '01'), eq(cooperatives.status, 'active')));
    const fair = rows.filter((row) => row.classification === 'tot' || row.classification === 'kha').length;
    expect(listed.progress.current).toBe(Math.round((fair / rows.length) * 1000) / 10);
    expect(listed.progress.state).toBe(listed.progress.current >= 65 ? 'met' : 'not_met');
  });

  it("refuses impossible values field by field, in the reader's language, and writes nothing", async () => {
    const before = await targetRows();
    const res = await send(
      officer.cookie,
      'POST',
      '/admin/targets?lang=en',
      target({ minimum: 120, dueDate: '2020-01-01', province: 'atlantis' }),
    );
    expect(res.status).toBe(422);
    const body = await readJson(res);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields.minimum).toBe('A share cannot be over 100 %.');
    expect(body.error.fields.dueDate).toBe('This date has passed.');
    const vi = await readJson(
      await send(
        officer.cookie,
        'POST',
        '/admin/targets',
        target({ metric: 'ocop_products', minimum: 3.5, maximum: 2 }),
      ),
    );
    expect(vi.error.fields).toEqual({
      minimum: 'Cần một số nguyên.',
      maximum: 'Mức trên không thể thấp hơn mức cần đạt.',
    });
    const unknownProvince = await readJson(
      await send(officer.cookie, 'POST', '/admin/targets', target({ dueDate: '2029-12-31', province: 'atlantis' })),
    );
    expect(Object.keys(unknownProvince.error.fields)).toEqual(['province']);
    const wrongType = await send(officer.cookie, 'POST', '/admin/targets', target({ minimum: '65' }));
    expect(wrongType.status).toBe(422);
    expect(await targetRows()).toBe(before);
  });

  it('keeps one target per province, metric and due date', async () => {
    const first = await send(
      officer.cookie,
      'POST',
      '/admin/targets',
      target({ metric: 'ocop_products', minimum: 350 }),
    );
    expect(first.status).toBe(201);
    const again = await send(
      officer.cookie,
      'POST',
      '/admin/targets',
      target({ metric: 'ocop_products', minimum: 400 }),
    );
    expect(again.status).toBe(422);
    expect(Object.keys((await readJson(again)).error.fields)).toEqual(['dueDate']);
  });

  it('changes and deletes a target, each in the audit log; an unknown id is 404', async () => {
    const created = await readJson(
      await send(
        officer.cookie,
        'POST',
        '/admin/targets',
        target({ metric: 'five_star_products', minimum: 3, maximum: 5 }),
      ),
    );
    const changed = await send(
      admin,
      'PUT',
      `/admin/targets/${created.id}`,
      target({ metric: 'five_star_products', minimum: 4, maximum: 5 }),
    );
    expect(changed.status).toBe(200);
    expect((await readJson(changed)).minimum).toBe(4);
    const refused = await send(
      admin,
      'PUT',
      `/admin/targets/${created.id}`,
      target({ metric: 'five_star_products', minimum: 6, maximum: 5 }),
    );
    expect(refused.status).toBe(422);
    expect((await db.select().from(provinceTargets).where(eq(provinceTargets.id, created.id)))[0]?.minimum).toBe(4);

    expect((await send(officer.cookie, 'DELETE', `/admin/targets/${created.id}`)).status).toBe(204);
    expect(await db.select().from(provinceTargets).where(eq(provinceTargets.id, created.id))).toEqual([]);
    const actions = (
      await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, created.id))
    )
      .map((row) => row.action)
      .sort();
    expect(actions).toEqual(['province_target.created', 'province_target.deleted', 'province_target.updated']);
    expect((await send(officer.cookie, 'DELETE', `/admin/targets/${created.id}`)).status).toBe(404);
  });

  it('answers 400 for an unknown province filter', async () => {
    const res = await send(officer.cookie, 'GET', '/admin/targets?province=atlantis');
    expect(res.status).toBe(400);
    expect(Object.keys((await readJson(res)).error.fields)).toEqual(['province']);
  });
});

describe('the audit log search', () => {
  it('finds entries by actor, by record slug, by kind and by dates in Viet Nam', async () => {
    const [co] = await db.select({ id: cooperatives.id, slug: cooperatives.slug }).from(cooperatives).limit(1);
    const entries = [
      // 16:59 UTC on 1 March is 23:59 that day in Viet Nam; 17:00 UTC is already 2 March.
      { at: '2026-03-01T16:59:00Z', action: 'cooperative.test_one' },
      { at: '2026-03-01T17:00:00Z', action: 'cooperative.test_two' },
    ];
    for (const entry of entries) {
      await db.insert(auditLog).values({
        id: newId(),
        actorUserId: officer.id,
        action: entry.action,
        entityType: 'cooperative',
        entityId: co!.id,
        createdAt: new Date(entry.at),
      });
    }
    const search = async (query: string) => readJson(await send(officer.cookie, 'GET', `/admin/audit-log?${query}`));
    const bySlug = await search(`record=${co!.slug}&type=cooperative`);
    expect(bySlug.items.map((item: { action: string }) => item.action)).toEqual(
      expect.arrayContaining(['cooperative.test_one', 'cooperative.test_two']),
    );
    expect(bySlug.items[0].record.slug).toBe(co!.slug);
    const onFirst = await search(`record=${co!.slug}&from=2026-03-01&to=2026-03-01`);
    expect(onFirst.items.map((item: { action: string }) => item.action)).toEqual(['cooperative.test_one']);
    const byActor = await search(`actor=${encodeURIComponent(officer.email.toUpperCase())}&to=2026-03-02`);
    expect(byActor.items.map((item: { action: string }) => item.action)).toEqual([
      'cooperative.test_two',
      'cooperative.test_one',
    ]);
    expect(byActor.items[0].actor.email).toBe(officer.email);
    expect(await search('actor=nobody%40example.test')).toMatchObject({ items: [], unknownActor: true });
  });

  it("finds entries by part of a person's name or email, wildcards read as themselves", async () => {
    const searcher = await createTestUser(db, { role: 'officer' });
    await db.update(users).set({ displayName: 'Nguyễn Minh Đức' }).where(eq(users.id, searcher.id));
    const entityId = newId();
    await db.insert(auditLog).values({
      id: newId(),
      actorUserId: searcher.id,
      action: 'product.test_by_name',
      entityType: 'product',
      entityId,
      createdAt: new Date('2026-05-05T03:00:00Z'),
    });
    const actions = async (actor: string) => {
      const found = await readJson(
        await send(officer.cookie, 'GET', `/admin/audit-log?record=${entityId}&actor=${encodeURIComponent(actor)}`),
      );
      return found.items.map((item: { action: string }) => item.action);
    };
    // As written, in lower case (the capital Đ is no ASCII letter for SQLite's lower()), in capitals, part of the email.
    for (const typed of ['Nguyễn Minh Đức', 'minh đức', 'đức', 'NGUYỄN', searcher.email.slice(0, 7).toUpperCase()])
      expect(await actions(typed), typed).toEqual(['product.test_by_name']);
    expect(await actions('Trần')).toEqual([]);
    // LIKE would read these as "anything": here they are characters no name or email holds.
    for (const typed of ['%', '_', '%@%'])
      expect(
        await readJson(await send(officer.cookie, 'GET', `/admin/audit-log?actor=${encodeURIComponent(typed)}`)),
        typed,
      ).toMatchObject({ items: [], unknownActor: true });
    // A search longer than D1 takes as a LIKE pattern still works: no pattern is built.
    const longName = `Tôn Nữ Thị Phương Thảo Hoàng Thị Ngọc Diễm ${entityId}`;
    await db.update(users).set({ displayName: longName }).where(eq(users.id, searcher.id));
    expect(new TextEncoder().encode(longName).length).toBeGreaterThan(50);
    expect(await actions(longName)).toEqual(['product.test_by_name']);
  });

  it('pages by keyset: every entry once, newest first', async () => {
    const entityId = newId();
    const base = Date.parse('2026-04-01T00:00:00Z');
    // Sixty entries, some sharing a millisecond, to test the tie-break on id.
    await db.insert(auditLog).values(
      Array.from({ length: 60 }, (_, i) => ({
        id: newId(),
        actorUserId: null,
        action: 'product.test',
        entityType: 'product',
        entityId,
        createdAt: new Date(base + Math.floor(i / 3)),
      })),
    );
    const first = await readJson(await send(officer.cookie, 'GET', `/admin/audit-log?record=${entityId}`));
    expect(first.items).toHaveLength(50);
    expect(first.next).not.toBeNull();
    const second = await readJson(
      await send(officer.cookie, 'GET', `/admin/audit-log?record=${entityId}&before=${first.next}`),
    );
    expect(second.items).toHaveLength(10);
    expect(second.next).toBeNull();
    const ids = [...first.items, ...second.items].map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(60);
    const times = [...first.items, ...second.items].map((item: { at: string }) => Date.parse(item.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(first.items[0].actor).toBeNull();
  });

  it('answers 400 naming each malformed parameter', async () => {
    const res = await send(
      officer.cookie,
      'GET',
      `/admin/audit-log?from=2026-13-01&to=yesterday&actor=${'a'.repeat(101)}&before=x`,
    );
    expect(res.status).toBe(400);
    expect(Object.keys((await readJson(res)).error.fields).sort()).toEqual(['actor', 'before', 'from', 'to']);
    const reversed = await readJson(
      await send(officer.cookie, 'GET', '/admin/audit-log?from=2026-05-02&to=2026-05-01'),
    );
    expect(Object.keys(reversed.error.fields)).toEqual(['to']);
  });
});

describe("a cooperative's standing", () => {
  async function publishedProductOf(): Promise<{ cooperativeSlug: string; productSlug: string }> {
    const [row] = await db
      .select({ cooperativeSlug: cooperatives.slug, productSlug: products.slug })
      .from(products)
      .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
      .where(and(eq(products.status, 'published'), eq(cooperatives.status, 'active'), eq(cooperatives.verified, false)))
      .limit(1);
    return row!;
  }

  it('is verified only with evidence, once, and the evidence is kept and logged', async () => {
    const { cooperativeSlug } = await publishedProductOf();
    const missing = await send(officer.cookie, 'POST', `/admin/cooperatives/${cooperativeSlug}/verify`, {
      reason: 'irrelevant here',
    });
    expect(missing.status).toBe(422);
    expect(Object.keys((await readJson(missing)).error.fields)).toEqual(['evidence']);
    const evidence = 'Giấy chứng nhận đăng ký HTX đã đối chiếu trên Cổng thông tin quốc gia ngày 20/11/2026';
    const res = await send(officer.cookie, 'POST', `/admin/cooperatives/${cooperativeSlug}/verify`, { evidence });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toMatchObject({ verified: true, verificationEvidence: evidence });
    const again = await send(officer.cookie, 'POST', `/admin/cooperatives/${cooperativeSlug}/verify`, { evidence });
    expect(again.status).toBe(409);
    expect(Object.values((await readJson(again)).error.fields)).toEqual(['Hợp tác xã này đã được xác minh.']);
    const profile = await readJson(await send(null, 'GET', `/cooperatives/${cooperativeSlug}`));
    expect(profile.verified).toBe(true);
  });

  it('is suspended with a reason, which takes it and its products off the public API, and reinstated', async () => {
    const { cooperativeSlug, productSlug } = await publishedProductOf();
    const tooShort = await send(officer.cookie, 'POST', `/admin/cooperatives/${cooperativeSlug}/suspend`, {
      reason: 'spam',
    });
    expect(tooShort.status).toBe(422);
    const reason = 'Sản phẩm ghi sai chứng nhận VietGAP; chờ hợp tác xã bổ sung hồ sơ.';
    // Two officers at once: one suspension, one audit entry; the other is told it already happened.
    const [a, b] = await Promise.all([
      send(officer.cookie, 'POST', `/admin/cooperatives/${cooperativeSlug}/suspend`, { reason }),
      send(admin, 'POST', `/admin/cooperatives/${cooperativeSlug}/suspend`, { reason }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [co] = await db.select().from(cooperatives).where(eq(cooperatives.slug, cooperativeSlug));
    expect(co).toMatchObject({ status: 'suspended', statusReason: reason });
    const suspensions = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, co!.id), eq(auditLog.action, 'cooperative.suspended')));
    expect(suspensions).toHaveLength(1);
    expect(suspensions[0]!.detail).toEqual({ reason });

    expect((await send(null, 'GET', `/cooperatives/${cooperativeSlug}`)).status).toBe(404);
    expect((await send(null, 'GET', `/products/${productSlug}`)).status).toBe(404);

    const back = await send(officer.cookie, 'POST', `/admin/cooperatives/${cooperativeSlug}/reinstate`, {
      reason: 'Hồ sơ đã bổ sung đầy đủ ngày 24/11.',
    });
    expect(back.status).toBe(200);
    expect(await readJson(back)).toMatchObject({ status: 'active', statusReason: null });
    expect((await send(null, 'GET', `/products/${productSlug}`)).status).toBe(200);
    expect(
      (
        await send(officer.cookie, 'POST', `/admin/cooperatives/${cooperativeSlug}/reinstate`, {
          reason: 'Hồ sơ đã bổ sung đầy đủ ngày 24/11.',
        })
      ).status,
    ).toBe(409);
  });

  it('is 404 for an unknown cooperative and 400 for an unknown action', async () => {
    expect(
      (
        await send(officer.cookie, 'POST', '/admin/cooperatives/khong-co/suspend', {
          reason: 'Một lý do đủ dài để hợp lệ.',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await send(officer.cookie, 'POST', '/admin/cooperatives/khong-co/delete', {
          reason: 'Một lý do đủ dài để hợp lệ.',
        })
      ).status,
    ).toBeGreaterThanOrEqual(400);
  });
});

describe('taking one product down', () => {
  it('sends a published product back to its cooperative as rejected, with the reason, once', async () => {
    const [row] = await db
      .select({ id: products.id, slug: products.slug })
      .from(products)
      .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
      .where(and(eq(products.status, 'published'), eq(cooperatives.status, 'active')))
      .limit(1);
    const path = `/admin/products/${row!.slug}/suspend`;
    expect((await send(officer.cookie, 'POST', path, { reason: 'ngắn' })).status).toBe(422);
    expect((await db.select().from(products).where(eq(products.id, row!.id)))[0]?.status).toBe('published');

    const reason = 'Nhãn ghi 5 sao nhưng quyết định công nhận là 4 sao.';
    expect((await send(officer.cookie, 'POST', path, { reason })).status).toBe(204);
    expect((await db.select().from(products).where(eq(products.id, row!.id)))[0]).toMatchObject({
      status: 'rejected',
      rejectionReason: reason,
    });
    expect((await send(null, 'GET', `/products/${row!.slug}`)).status).toBe(404);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, row!.id), eq(auditLog.action, 'product.suspended')));
    expect(entry?.detail).toMatchObject({ reason, to: 'rejected' });

    const again = await send(officer.cookie, 'POST', path, { reason });
    expect(again.status).toBe(409);
    expect(Object.values((await readJson(again)).error.fields)).toEqual(['Sản phẩm này không còn công khai.']);
    expect((await send(officer.cookie, 'POST', '/admin/products/khong-co/suspend', { reason })).status).toBe(404);
  });
});

describe('taking down a product with a change waiting for review', () => {
  it('folds the change into the product, so the cooperative keeps its work, and leaves no revision behind', async () => {
    const [row] = await db
      .select()
      .from(products)
      .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
      .where(and(eq(products.status, 'published'), eq(cooperatives.status, 'active')))
      .limit(1);
    const product = row!.products;
    const memberUser = await createTestUser(db, { role: 'member', cooperativeId: product.cooperativeId });
    const member: SessionUser = {
      id: memberUser.id,
      email: memberUser.email,
      displayName: 'Thành viên',
      role: 'member',
      cooperativeId: product.cooperativeId,
      isManager: false,
    };
    const fields = {
      nameVi: `${product.nameVi} (bao bì mới)`,
      nameEn: product.nameEn,
      descriptionVi: product.descriptionVi,
      descriptionEn: product.descriptionEn,
      ocopGroup: product.ocopGroup,
      provinceCode: product.provinceCode,
      commune: product.commune,
      originFormerly: product.originFormerly,
      gtin: product.gtin,
      priceVnd: product.priceVnd,
      unitVi: product.unitVi,
      unitEn: product.unitEn,
      minOrder: product.minOrder,
      seasonVi: product.seasonVi,
      seasonEn: product.seasonEn,
    };
    expect(await updateProduct(db, member, product.slug, fields, new Date())).toBe('proposed');
    expect(await db.select().from(pendingRevisions).where(eq(pendingRevisions.entityId, product.id))).toHaveLength(1);

    const reason = 'Giá niêm yết sai đơn vị tính, cần sửa trước khi bán tiếp.';
    expect((await send(officer.cookie, 'POST', `/admin/products/${product.slug}/suspend`, { reason })).status).toBe(
      204,
    );
    const [after] = await db.select().from(products).where(eq(products.id, product.id));
    expect(after).toMatchObject({ status: 'rejected', rejectionReason: reason, nameVi: fields.nameVi });
    expect(await db.select().from(pendingRevisions).where(eq(pendingRevisions.entityId, product.id))).toEqual([]);
  });
});
