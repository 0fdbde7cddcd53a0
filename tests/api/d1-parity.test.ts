/**
 * The same query code on both stores: D1 as workerd runs it (through
 * wrangler's platform proxy, migrated by `wrangler d1 migrations apply`) and
 * libSQL in Node (migrated by our migrator). Seeded alike, they must answer alike.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFeaturedProducts } from '../../src/server/products/featured';
import { listProducts } from '../../src/server/products/product-list';
import { listCooperatives } from '../../src/server/cooperatives/directory';
import type { Database } from '../../src/server/db/client';
import { checkDatabase } from '../../src/server/db/health';
import { countCatalogue, seedDemoData, seedReferenceData } from '../../src/server/db/seeding';
import { listUpcomingEvents } from '../../src/server/events/upcoming';
import { loadHomePage } from '../../src/server/home/home-page';
import { datasetRows } from '../../src/server/open-data/datasets';
import { recordBatch } from '../../src/server/provenance/batches';
import { getBatchTrace } from '../../src/server/provenance/trace';
import { computeCatalogueStatistics } from '../../src/server/stats/catalogue-statistics';
import type { SessionUser } from '../../src/server/accounts/users';
import { auditLog, events, provinces } from '../../src/server/db/schema';
import { isUniqueViolation } from '../../src/server/db/unique-violation';
import { registerForEvent, withdrawRegistration } from '../../src/server/events/registrations/member-registration';
import { decideRegistration } from '../../src/server/events/registrations/officer-decisions';
import {
  loadCooperativeProfile,
  loadProfileRevision,
  proposeProfileChange,
} from '../../src/server/cooperatives/profile-changes';
import { approveRevision, rejectRevision } from '../../src/server/moderation/moderation';
import { createTestCooperative, createTestUser } from '../support/accounts';
import { migratedMemoryDatabase } from '../support/libsql';
import { freshLocalD1, type TestLocalD1 } from '../support/local-d1';

const NOW = new Date('2026-11-24T03:00:00Z');

describe('D1 (workerd) and libSQL run the same queries alike', () => {
  let d1: TestLocalD1;
  let libsql: Database;

  beforeAll(async () => {
    d1 = await freshLocalD1('parity');
    libsql = (await migratedMemoryDatabase()).db;
    for (const db of [d1.db, libsql]) {
      await seedReferenceData(db);
      await seedDemoData(db, NOW);
    }
  });

  afterAll(async () => {
    await d1?.remove();
  });

  it('both are migrated to the same migration, recorded in the same ledger', async () => {
    const [onD1, onLibsql] = await Promise.all([checkDatabase(d1.db), checkDatabase(libsql)]);
    expect(onD1.reachable && onLibsql.reachable).toBe(true);
    expect(onD1.migrations?.upToDate).toBe(true);
    expect(onD1.migrations?.applied).toEqual(onLibsql.migrations?.applied);
  });

  it('hold the same seeded catalogue', async () => {
    const counts = await countCatalogue(d1.db);
    expect(counts.provinces).toBe(34);
    expect(counts.products).toBeGreaterThanOrEqual(300);
    expect(await countCatalogue(libsql)).toEqual(counts);
  });

  it('answer the home page queries identically (types included: dates, booleans, JSON)', async () => {
    const [onD1, onLibsql] = await Promise.all([loadHomePage(d1.db, NOW), loadHomePage(libsql, NOW)]);
    expect(onD1.featured.length).toBe(8);
    expect(onD1.upcoming.length).toBeGreaterThan(0);
    expect(onD1.upcoming[0]?.startsAt).toBeInstanceOf(Date);
    expect(onD1).toEqual(onLibsql);
  });

  it('compute the statistics alike (aggregates, window functions, Viet Nam months)', async () => {
    const filter = { provinceCode: null, year: 2026 };
    const [onD1, onLibsql] = await Promise.all([
      computeCatalogueStatistics(d1.db, filter, NOW),
      computeCatalogueStatistics(libsql, filter, NOW),
    ]);
    expect(onD1.cooperatives.total).toBeGreaterThan(0);
    expect(onD1).toEqual(onLibsql);
  });

  it('read a batch trace and stream open data alike', async () => {
    const [row] = await d1.db.all<{ traceCode: string; lotCode: string }>(
      sql`SELECT p.trace_code AS traceCode, b.lot_code AS lotCode FROM batches b JOIN products p ON p.id = b.product_id
          WHERE p.status = 'published' ORDER BY b.id LIMIT 1`,
    );
    if (!row) throw new Error('no batch in the demo');
    const [onD1, onLibsql] = await Promise.all([
      getBatchTrace(d1.db, { traceCode: row.traceCode }, row.lotCode, NOW),
      getBatchTrace(libsql, { traceCode: row.traceCode }, row.lotCode, NOW),
    ]);
    expect(onD1.kind).toBe('found');
    expect(onD1).toEqual(onLibsql);
    const rows = async (db: Database) => {
      const all = [];
      for await (const page of datasetRows(db, 'products', { provinceCode: null }, 'http://x', 100)) all.push(...page);
      return all;
    };
    expect(await rows(d1.db)).toEqual(await rows(libsql));
  });

  it('write a batch with its timeline atomically on D1 too', async () => {
    const [product] = await d1.db.all<{ id: string }>(
      sql`SELECT id FROM products WHERE status = 'published' ORDER BY id LIMIT 1`,
    );
    if (!product) throw new Error('no product');
    const step = (occurredAt: string) => ({
      kind: 'packaged',
      occurredAt,
      place: 'Xưởng thử',
      actorName: 'HTX thử',
      actorKind: 'cooperative',
    });
    const input = {
      lotCode: 'PARITY-1',
      productionDate: '2026-06-01',
      quantity: 10,
      quantityUnit: 'kg',
      steps: [step('2026-06-01T08:00:00+07:00'), step('2026-06-02T08:00:00+07:00')],
    };
    const recorded = await recordBatch(d1.db, product.id, input, NOW);
    const [steps] = await d1.db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM provenance_steps WHERE batch_id = ${recorded.id}`,
    );
    expect(Number(steps?.n)).toBe(2);
    await expect(recordBatch(d1.db, product.id, input, NOW)).rejects.toThrow(/lotCode/);
  });

  it('throw UNIQUE violations that isUniqueViolation recognises, from a query and from a batch', async () => {
    for (const db of [d1.db, libsql]) {
      const [province] = await db.select().from(provinces).limit(1);
      if (!province) throw new Error('no province');
      const fromQuery = await db
        .insert(provinces)
        .values(province)
        .then(
          () => null,
          (error: unknown) => error,
        );
      const fromBatch = await db.batch([db.insert(provinces).values(province)]).then(
        () => null,
        (error: unknown) => error,
      );
      for (const error of [fromQuery, fromBatch]) {
        expect(isUniqueViolation(error, [provinces.slug])).toBe(true);
        expect(isUniqueViolation(error, [events.slug])).toBe(false);
      }
    }
  });

  it('keep booth registrations within capacity on D1: races, conditional audit entries, withdrawal and decisions', async () => {
    const member = async (): Promise<SessionUser> => {
      const cooperativeId = await createTestCooperative(d1.db);
      const user = await createTestUser(d1.db, { role: 'member', cooperativeId });
      return { id: user.id, email: user.email, displayName: 'Thử', role: 'member', cooperativeId, isManager: false };
    };
    const officerRow = await createTestUser(d1.db, { role: 'officer' });
    const officer: SessionUser = {
      id: officerRow.id,
      email: officerRow.email,
      displayName: 'Cán bộ',
      role: 'officer',
      cooperativeId: null,
      isManager: false,
    };
    const now = new Date();
    const slug = 'hoi-cho-parity-d1';
    await d1.db.insert(events).values({
      id: 'parity-event',
      slug,
      kind: 'fair',
      titleVi: 'Hội chợ thử D1',
      organiser: 'Sở Công Thương',
      startsAt: new Date(now.getTime() + 30 * 86_400_000),
      endsAt: new Date(now.getTime() + 31 * 86_400_000),
      venue: 'Cung Văn hoá',
      status: 'published',
      boothCapacity: 1,
      registrationOpensAt: new Date(now.getTime() - 86_400_000),
      registrationClosesAt: new Date(now.getTime() + 20 * 86_400_000),
    });
    const [first, second] = [await member(), await member()];
    const outcomes = await Promise.all(
      [first, second].map((who) => registerForEvent(d1.db, who, slug, { booths: 1 }, now)),
    );
    expect(outcomes.map((r) => r.status).sort()).toEqual(['pending', 'waitlisted']);
    const taken = async () =>
      (await d1.db.select({ n: events.boothsTaken }).from(events).where(eq(events.slug, slug)))[0]?.n;
    expect(await taken()).toBe(1);
    const pending = outcomes.find((r) => r.status === 'pending');
    const waiting = outcomes.find((r) => r.status === 'waitlisted');
    const pendingOwner = pending === outcomes[0] ? first : second;
    await withdrawRegistration(d1.db, pendingOwner, slug, pending?.id ?? '', now);
    expect(await taken()).toBe(0);
    await decideRegistration(d1.db, officer, slug, waiting?.id ?? '', 'confirmed', now);
    expect(await taken()).toBe(1);
    const audit = await d1.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityType, 'event_registration'));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['event_registration.withdraw', 'event_registration.confirm']),
    );
  });

  it('store, edit again, reject and apply a pending profile change on D1 (conditional upsert and audit entries in a batch)', async () => {
    const cooperativeId = await createTestCooperative(d1.db);
    const managerRow = await createTestUser(d1.db, { role: 'member', cooperativeId, isManager: true });
    const manager: SessionUser = {
      id: managerRow.id,
      email: managerRow.email,
      displayName: 'Quản lý',
      role: 'member',
      cooperativeId,
      isManager: true,
    };
    const officerRow = await createTestUser(d1.db, { role: 'officer' });
    const officer: SessionUser = {
      id: officerRow.id,
      email: officerRow.email,
      displayName: 'Cán bộ',
      role: 'officer',
      cooperativeId: null,
      isManager: false,
    };
    const now = new Date();
    const { fields } = await loadCooperativeProfile(d1.db, manager);
    await proposeProfileChange(d1.db, manager, { ...fields, name: 'HTX Đổi Tên Trên D1' }, now);
    await proposeProfileChange(d1.db, manager, { ...fields, name: 'HTX Đổi Tên Trên D1', members: 9 }, now);
    const pending = await loadProfileRevision(d1.db, cooperativeId);
    expect(pending?.revision).toMatchObject({ status: 'pending', version: 2 });
    await rejectRevision(d1.db, officer, pending?.revision.id ?? '', 2, 'Cần giấy chứng nhận mới.', now);
    await proposeProfileChange(d1.db, manager, { ...fields, name: 'HTX Đổi Tên Trên D1', members: 9 }, now);
    expect((await loadProfileRevision(d1.db, cooperativeId))?.revision).toMatchObject({
      status: 'pending',
      version: 3,
      rejectionReason: null,
    });
    await approveRevision(d1.db, officer, pending?.revision.id ?? '', 3, now);
    expect((await loadCooperativeProfile(d1.db, manager)).fields).toMatchObject({
      name: 'HTX Đổi Tên Trên D1',
      members: 9,
    });
    expect(await loadProfileRevision(d1.db, cooperativeId)).toBeNull();
    const audit = await d1.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, cooperativeId));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'cooperative.change_approved',
      'cooperative.change_proposed',
      'cooperative.change_proposed',
      'cooperative.change_proposed',
      'cooperative.change_rejected',
    ]);
  });

  it('seeding again adds nothing and loses nothing, on either store', async () => {
    for (const db of [d1.db, libsql]) {
      const before = await countCatalogue(db);
      const featuredBefore = await listFeaturedProducts(db, 20);
      await seedReferenceData(db);
      await seedDemoData(db, NOW);
      expect(await countCatalogue(db)).toEqual(before);
      expect(await listFeaturedProducts(db, 20)).toEqual(featuredBefore);
    }
  });

  it('search the full-text index (FTS5) and filter alike', async () => {
    const today = '2026-11-24';
    for (const filters of [
      { q: 'mat ong' },
      { q: 'che', sort: 'price_asc' as const },
      { certification: ['vietgap' as const], stars: 4 },
      { province: ['bac-ninh'], sort: 'stars' as const },
    ]) {
      const onD1 = await listProducts(d1.db, filters, { today });
      expect(onD1.total, JSON.stringify(filters)).toBeGreaterThan(0);
      expect(await listProducts(libsql, filters, { today }), JSON.stringify(filters)).toEqual(onD1);
    }
    const cooperativesOnD1 = await listCooperatives(d1.db, { q: 'dak lak', hasOcop: true });
    expect(cooperativesOnD1.total).toBeGreaterThan(0);
    expect(await listCooperatives(libsql, { q: 'dak lak', hasOcop: true })).toEqual(cooperativesOnD1);
  });

  it('order events the same way across the date line between UTC and Viet Nam', async () => {
    const later = new Date(NOW.getTime() + 90 * 24 * 3600 * 1000);
    expect(await listUpcomingEvents(d1.db, later, 50)).toEqual(await listUpcomingEvents(libsql, later, 50));
  });
});
