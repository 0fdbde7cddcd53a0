/**
 * The statistics against a small dataset counted by hand: two provinces,
 * five cooperatives, a few products, events, registrations and inquiries.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import {
  cachedFigures,
  cooperatives,
  eventRegistrations,
  events,
  inquiries,
  products,
  valueChainLinks,
} from '../../src/server/db/schema';
import type { Mailer } from '../../src/server/mail/mailer';
import { FREQUENT_CRON, runScheduledJobs } from '../../src/server/scheduled';
import { seedReferenceData } from '../../src/server/db/seeding';
import { computeCatalogueStatistics, readCatalogueStatistics } from '../../src/server/stats/catalogue-statistics';
import { migratedMemoryDatabase } from '../support/libsql';

const now = new Date('2026-11-24T03:00:00Z');
const HN = '01';
const HUE = '46';
let db: Database;

const coop = (id: string, provinceCode: string, extra: Partial<typeof cooperatives.$inferInsert> = {}) => ({
  id,
  slug: id,
  kind: 'hop_tac_xa' as const,
  name: `HTX ${id}`,
  registrationCode: `RC-${id}`,
  foundedYear: 2015,
  provinceCode,
  commune: 'xã Thử',
  address: 'thôn Một',
  sector: 'trong_trot' as const,
  members: 10,
  ...extra,
});

const product = (
  id: string,
  cooperativeId: string,
  provinceCode: string,
  extra: Partial<typeof products.$inferInsert> = {},
) => ({
  id,
  slug: id,
  cooperativeId,
  nameVi: `Sản phẩm ${id}`,
  ocopGroup: 'thuc_pham' as const,
  provinceCode,
  traceCode: `TC${id.toUpperCase()}`,
  unitVi: 'kg',
  unitEn: 'kg',
  status: 'published' as const,
  ...extra,
});

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  db = (await migratedMemoryDatabase()).db;
  await seedReferenceData(db);
  await db.insert(cooperatives).values([
    coop('a', HN, { classification: 'tot', kind: 'hop_tac_xa', sector: 'trong_trot' }),
    coop('b', HN, { classification: 'kha', kind: 'to_hop_tac', sector: 'thu_cong' }),
    coop('c', HN, { classification: 'yeu', sector: 'thu_cong' }),
    coop('d', HUE, { sector: 'thuy_san' }),
    // Not counted anywhere: suspended.
    coop('e', HUE, { status: 'suspended', classification: 'tot' }),
  ]);
  await db
    .insert(products)
    .values([
      product('p1', 'a', HN, { ocopStars: 4, ocopGroup: 'thuc_pham' }),
      product('p2', 'a', HN, { ocopStars: 5, ocopGroup: 'do_uong' }),
      product('p3', 'b', HN, { ocopStars: null }),
      product('p4', 'c', HN, { status: 'draft', ocopStars: 3 }),
      product('p5', 'd', HUE, { ocopStars: 3, ocopGroup: 'thuc_pham' }),
    ]);
  await db.insert(valueChainLinks).values([
    { id: 'v1', cooperativeId: 'a', partnerName: 'Siêu thị X', role: 'buyer' },
    { id: 'v2', cooperativeId: 'a', partnerName: 'Công ty Y', role: 'distributor' },
    { id: 'v3', cooperativeId: 'd', partnerName: 'Công ty Z', role: 'exporter' },
  ]);
  const event = (id: string, kind: 'fair' | 'ocop_market', provinceCode: string, start: string, end: string) => ({
    id,
    slug: id,
    kind,
    titleVi: id,
    startsAt: at(start),
    endsAt: at(end),
    provinceCode,
    organiser: 'Sở Công Thương',
    status: 'published' as const,
  });
  await db.insert(events).values([
    event('past-2026', 'fair', HN, '2026-03-01T02:00:00Z', '2026-03-03T10:00:00Z'),
    event('coming', 'fair', HN, '2026-12-10T02:00:00Z', '2026-12-12T10:00:00Z'),
    event('coming-hue', 'ocop_market', HUE, '2026-12-20T02:00:00Z', '2026-12-20T10:00:00Z'),
    // Starts on 1 January 2027 in Viet Nam although it is still 2026 in UTC: not this year's.
    event('new-year', 'fair', HN, '2026-12-31T18:00:00Z', '2027-01-01T10:00:00Z'),
  ]);
  await db.insert(eventRegistrations).values([
    { id: 'r1', eventId: 'past-2026', cooperativeId: 'a', booths: 1, status: 'confirmed' },
    { id: 'r2', eventId: 'coming', cooperativeId: 'a', booths: 1, status: 'pending' },
    { id: 'r3', eventId: 'coming', cooperativeId: 'b', booths: 1, status: 'withdrawn' },
    { id: 'r4', eventId: 'new-year', cooperativeId: 'c', booths: 1, status: 'confirmed' },
    { id: 'r5', eventId: 'coming-hue', cooperativeId: 'd', booths: 1, status: 'waitlisted' },
  ]);
  const inquiry = (
    id: string,
    cooperativeId: string,
    created: string,
    repliedAfterHours: number | null,
    status: 'new' | 'replied' | 'spam' = 'new',
  ) => ({
    id,
    reference: `REF-${id}`,
    cooperativeId,
    buyerName: 'Người mua',
    email: 'mua@example.com',
    country: 'VN',
    message: 'Xin báo giá',
    locale: 'vi' as const,
    consentToContact: true,
    status,
    createdAt: at(created),
    firstRepliedAt: repliedAfterHours === null ? null : new Date(at(created).getTime() + repliedAfterHours * 3600_000),
  });
  await db.insert(inquiries).values([
    inquiry('i1', 'a', '2026-01-15T03:00:00Z', 2),
    inquiry('i2', 'a', '2026-01-20T03:00:00Z', 10),
    // 31 January 20:00 UTC is 1 February 03:00 in Viet Nam: a February inquiry.
    inquiry('i3', 'b', '2026-01-31T20:00:00Z', 4),
    inquiry('i4', 'd', '2026-05-05T03:00:00Z', null),
    inquiry('i5', 'd', '2026-05-06T03:00:00Z', 1, 'spam'),
    inquiry('i6', 'a', '2025-12-31T18:00:00Z', 30),
  ]);
});

const countOf = <K>(list: { key: K; count: number }[], key: K) => list.find((c) => c.key === key)?.count;

describe('catalogue statistics, whole country, 2026', () => {
  it('counts active cooperatives by kind, sector, classification and province', async () => {
    const s = await computeCatalogueStatistics(db, { provinceCode: null, year: 2026 }, now);
    expect(s.cooperatives.total).toBe(4);
    expect(countOf(s.cooperatives.byKind, 'hop_tac_xa')).toBe(3);
    expect(countOf(s.cooperatives.byKind, 'to_hop_tac')).toBe(1);
    expect(countOf(s.cooperatives.byKind, 'lien_hiep_htx')).toBe(0);
    expect(countOf(s.cooperatives.bySector, 'thu_cong')).toBe(2);
    expect(countOf(s.cooperatives.byClassification, 'unclassified')).toBe(1);
    expect(s.cooperatives.byProvince).toEqual([
      { key: HN, count: 3 },
      { key: HUE, count: 1 },
    ]);
    expect(s.cooperatives.fairOrBetter).toEqual({ count: 2, percent: 50 });
  });

  it('computes the shares the plans track', async () => {
    const s = await computeCatalogueStatistics(db, { provinceCode: null, year: 2026 }, now);
    // a, b and d have a published product; c only a draft.
    expect(s.cooperatives.withPublishedProduct).toEqual({ count: 3, percent: 75 });
    expect(s.cooperatives.inValueChain).toEqual({ count: 2, percent: 50 });
    // a (confirmed, pending) and d (wait-listed); b withdrew; c's event is in 2027 in Viet Nam.
    expect(s.cooperatives.atEventsThisYear).toEqual({ count: 2, percent: 50 });
  });

  it('counts published OCOP products by group and stars', async () => {
    const s = await computeCatalogueStatistics(db, { provinceCode: null, year: 2026 }, now);
    expect(s.products.published).toBe(4);
    expect(s.products.ocop).toBe(3);
    expect(countOf(s.products.ocopByStars, 3)).toBe(1);
    expect(countOf(s.products.ocopByStars, 4)).toBe(1);
    expect(countOf(s.products.ocopByStars, 5)).toBe(1);
    expect(countOf(s.products.ocopByGroup, 'thuc_pham')).toBe(2);
    expect(countOf(s.products.ocopByGroup, 'do_uong')).toBe(1);
  });

  it('counts upcoming events by kind, and inquiries by month in Viet Nam time with the median first response', async () => {
    const s = await computeCatalogueStatistics(db, { provinceCode: null, year: 2026 }, now);
    expect(countOf(s.upcomingEventsByKind, 'fair')).toBe(2);
    expect(countOf(s.upcomingEventsByKind, 'ocop_market')).toBe(1);
    // i6, 18:00 UTC on 31 December 2025, is 01:00 on 1 January 2026 in Viet Nam; i5 is spam.
    expect(s.inquiries.byMonth.map((m) => m.count)).toEqual([3, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(s.inquiries.total).toBe(5);
    // First replies after 2, 10, 4 and 30 hours: the median of 2, 4, 10, 30 is 7.
    expect(s.inquiries.medianFirstResponseHours).toBe(7);
  });
});

describe('plan figures per province (what targets are measured against)', () => {
  it('splits the national view by province, hand-counted', async () => {
    const s = await computeCatalogueStatistics(db, { provinceCode: null, year: 2026 }, now);
    expect(Object.keys(s.planByProvince).sort()).toEqual([HN, HUE]);
    // Hà Nội: a (tốt), b (khá), c (yếu); products p1 4★, p2 5★, p3 none (p4 is a draft).
    expect(s.planByProvince[HN]).toEqual({
      activeCooperatives: 3,
      // 10 members each.
      members: 30,
      fairOrBetter: { count: 2, percent: 66.7 },
      inValueChain: { count: 1, percent: 33.3 },
      withPublishedProduct: { count: 2, percent: 66.7 },
      atEventsThisYear: { count: 1, percent: 33.3 },
      ocopProducts: 2,
      fiveStarProducts: 1,
    });
    // Huế: d only (e is suspended); p5 3★.
    expect(s.planByProvince[HUE]).toEqual({
      activeCooperatives: 1,
      members: 10,
      fairOrBetter: { count: 0, percent: 0 },
      inValueChain: { count: 1, percent: 100 },
      withPublishedProduct: { count: 1, percent: 100 },
      atEventsThisYear: { count: 1, percent: 100 },
      ocopProducts: 1,
      fiveStarProducts: 0,
    });
  });

  it('gives one province the same figures as its row of the national view', async () => {
    const national = await computeCatalogueStatistics(db, { provinceCode: null, year: 2026 }, now);
    const hue = await computeCatalogueStatistics(db, { provinceCode: HUE, year: 2026 }, now);
    expect(hue.plan).toEqual(national.planByProvince[HUE]);
    expect(hue.planByProvince).toEqual({});
  });
});

describe('catalogue statistics for one province', () => {
  it('counts only that province, and has no per-province breakdown', async () => {
    const s = await computeCatalogueStatistics(db, { provinceCode: HUE, year: 2026 }, now);
    expect(s.cooperatives.total).toBe(1);
    expect(s.cooperatives.byProvince).toEqual([]);
    expect(s.products.ocop).toBe(1);
    expect(countOf(s.upcomingEventsByKind, 'fair')).toBe(0);
    expect(s.inquiries.total).toBe(1);
    expect(s.inquiries.medianFirstResponseHours).toBeNull();
  });

  it('gives null percentages where there are no cooperatives', async () => {
    const s = await computeCatalogueStatistics(db, { provinceCode: '04', year: 2026 }, now);
    expect(s.cooperatives.total).toBe(0);
    expect(s.cooperatives.inValueChain).toEqual({ count: 0, percent: null });
  });
});

/** There are no inquiries here; a mailer that is called anyway fails the test. */
const noMail: Mailer = {
  send: async () => {
    throw new Error('no mail expected');
  },
};

describe('the five-minute Cron Trigger', () => {
  it('recomputes the national view of this year ahead of readers, and nothing for an unknown schedule', async () => {
    const later = new Date(now.getTime() + 60 * 60_000);
    await runScheduledJobs(db, noMail, FREQUENT_CRON, later);
    const [row] = await db.select().from(cachedFigures).where(eq(cachedFigures.key, 'statistics:v3:all:2026'));
    expect(row?.computedAt.getTime()).toBe(later.getTime());
    // A reader within ten minutes gets exactly what the job stored.
    expect(
      await readCatalogueStatistics(db, { provinceCode: null, year: 2026 }, new Date(later.getTime() + 60_000)),
    ).toEqual(row?.value);
    await runScheduledJobs(db, noMail, '0 0 1 1 *', new Date(later.getTime() + 3_600_000));
    const [same] = await db.select().from(cachedFigures).where(eq(cachedFigures.key, 'statistics:v3:all:2026'));
    expect(same?.computedAt.getTime()).toBe(later.getTime());
  });
});

describe('the cached statistics', () => {
  it('are computed once per view and ten minutes', async () => {
    const first = await readCatalogueStatistics(db, { provinceCode: HN, year: 2026 }, now);
    await db.update(cooperatives).set({ status: 'active' });
    const cached = await readCatalogueStatistics(
      db,
      { provinceCode: HN, year: 2026 },
      new Date(now.getTime() + 60_000),
    );
    expect(cached).toEqual(first);
    const fresh = await readCatalogueStatistics(
      db,
      { provinceCode: HUE, year: 2026 },
      new Date(now.getTime() + 11 * 60_000),
    );
    expect(fresh.cooperatives.total).toBe(2);
    await db
      .update(cooperatives)
      .set({ status: 'suspended' })
      .where(sql`id = 'e'`);
  });
});
