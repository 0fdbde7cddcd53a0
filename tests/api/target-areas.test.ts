/**
 * Targets of an area smaller than today's province: the plans' targets are
 * loaded by the reference data, and a former unit's figures count only the
 * cooperatives of its communes (Bắc Giang's within today's Bắc Ninh).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { cooperatives, products, valueChainLinks } from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { findFormerUnit } from '../../src/server/provinces/former-units';
import { computeFormerUnitFigures } from '../../src/server/stats/catalogue-statistics';
import { loadConsoleStatistics } from '../../src/server/stats/console-statistics';
import { createTestUser } from '../support/accounts';
import { migratedMemoryDatabase } from '../support/libsql';

const now = new Date('2026-11-24T03:00:00Z');
const BAC_NINH = '24';
let db: Database;

const coop = (id: string, commune: string, extra: Partial<typeof cooperatives.$inferInsert> = {}) => ({
  id,
  slug: id,
  kind: 'hop_tac_xa' as const,
  name: `HTX ${id}`,
  registrationCode: `RC-${id}`,
  foundedYear: 2015,
  provinceCode: BAC_NINH,
  commune,
  address: 'thôn Một',
  sector: 'trong_trot' as const,
  members: 10,
  ...extra,
});

beforeAll(async () => {
  db = (await migratedMemoryDatabase()).db;
  await seedReferenceData(db);
  // Twice: reference data is idempotent.
  await seedReferenceData(db);
  await db.insert(cooperatives).values([
    // Former Bắc Giang: a commune, a ward, and a commune recorded as a ward.
    coop('luc-ngan', 'xã Lục Ngạn', { classification: 'tot', members: 120 }),
    coop('chu', 'phường Chũ', { classification: 'yeu', members: 30 }),
    coop('yen-the', 'phường Yên Thế', { classification: 'kha', members: 50 }),
    // Not counted: suspended.
    coop('closed', 'xã Lục Nam', { status: 'suspended', members: 999 }),
    // Old Bắc Ninh: in the province, not in the former unit.
    coop('tien-du', 'xã Tiên Du', { classification: 'tot', members: 400 }),
    // Another province's commune of the same name is not Bắc Giang's.
    coop('elsewhere', 'xã Lục Ngạn', { provinceCode: '01', members: 77 }),
  ]);
  await db.insert(valueChainLinks).values([
    { id: 'v1', cooperativeId: 'luc-ngan', partnerName: 'Siêu thị X', role: 'buyer' },
    { id: 'v2', cooperativeId: 'tien-du', partnerName: 'Công ty Y', role: 'buyer' },
  ]);
  const product = (id: string, cooperativeId: string, ocopStars: number | null) => ({
    id,
    slug: id,
    cooperativeId,
    nameVi: id,
    ocopGroup: 'thuc_pham' as const,
    provinceCode: BAC_NINH,
    traceCode: `TC${id.toUpperCase()}`,
    unitVi: 'kg',
    unitEn: 'kg',
    status: 'published' as const,
    ocopStars,
  });
  await db
    .insert(products)
    .values([
      product('vai', 'luc-ngan', 5),
      product('mi', 'chu', 3),
      product('plain', 'chu', null),
      product('tien-du-ocop', 'tien-du', 4),
    ]);
});

describe("a former unit's figures", () => {
  it('count only the cooperatives and products of its communes', async () => {
    const unit = findFormerUnit('tinh-bac-giang');
    if (!unit) throw new Error('no Bắc Giang');
    expect(await computeFormerUnitFigures(db, unit, 2026)).toEqual({
      activeCooperatives: 3,
      members: 200,
      fairOrBetter: { count: 2, percent: 66.7 },
      inValueChain: { count: 1, percent: 33.3 },
      withPublishedProduct: { count: 2, percent: 66.7 },
      atEventsThisYear: { count: 0, percent: 0 },
      ocopProducts: 2,
      fiveStarProducts: 1,
    });
  });

  it("give the plans' targets their progress in the console, apart from the province's", async () => {
    const { id, email } = await createTestUser(db, { role: 'officer' });
    const officer = {
      id,
      email,
      displayName: 'Cán bộ',
      role: 'officer' as const,
      cooperativeId: null,
      isManager: false,
    };
    const view = await loadConsoleStatistics(db, officer, new URLSearchParams({ province: 'bac-ninh' }), now);
    const progress = Object.fromEntries(view.targets.map(({ target, progress }) => [target.id, progress]));
    expect(view.targets.every(({ target }) => target.area?.key === 'tinh-bac-giang')).toBe(true);
    expect(progress['plan-bac-giang-cooperatives']).toMatchObject({ current: 3, state: 'not_met' });
    expect(progress['plan-bac-giang-members']).toMatchObject({ current: 200 });
    expect(progress['plan-bac-giang-fair-or-better']).toMatchObject({ current: 66.7, state: 'met' });
    expect(progress['plan-bac-giang-five-star']).toMatchObject({ current: 1, state: 'not_met' });
    // The portal cannot count this one: no figure until the department reports one.
    expect(progress['plan-bac-giang-ocop-collective']).toMatchObject({ current: null, state: 'no_data' });
    // No monthly snapshots yet: no pace for what is not met; a met target is met.
    const trajectory = Object.fromEntries(view.targets.map(({ target, trajectory }) => [target.id, trajectory]));
    expect(trajectory['plan-bac-giang-cooperatives']).toEqual({ kind: 'too_little_history' });
    expect(trajectory['plan-bac-giang-fair-or-better']).toEqual({ kind: 'met' });
    // The whole province has 4 active cooperatives; the plan's area has 3.
    expect(view.page.statistics.plan.activeCooperatives).toBe(4);
  });
});
