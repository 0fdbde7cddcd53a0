/**
 * Monthly snapshots: taken by the daily cron once a month (national, every
 * province with cooperatives, every former unit), never rewritten; the demo
 * carries two years of made-up history before its first real month.
 */
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { cooperatives, statisticsSnapshots } from '../../src/server/db/schema';
import { seedDemoData, seedReferenceData } from '../../src/server/db/seeding';
import type { Mailer } from '../../src/server/mail/mailer';
import { DAILY_CRON, runScheduledJobs } from '../../src/server/scheduled';
import { NATIONAL_AREA, readTrend, takeMonthlySnapshot, TREND_MONTHS } from '../../src/server/stats/snapshots';
import { migratedMemoryDatabase } from '../support/libsql';

const noMail: Mailer = { send: async () => {} };
const now = new Date('2026-11-24T03:00:00Z');

describe('the monthly snapshot', () => {
  let db: Database;
  beforeAll(async () => {
    db = (await migratedMemoryDatabase()).db;
    await seedReferenceData(db);
    await db.insert(cooperatives).values({
      id: 'a',
      slug: 'a',
      kind: 'hop_tac_xa',
      name: 'HTX A',
      registrationCode: 'RC-A',
      foundedYear: 2015,
      provinceCode: '44',
      commune: 'xã Vĩnh Linh',
      address: 'thôn Một',
      sector: 'trong_trot',
      members: 12,
      classification: 'kha',
    });
  });

  it('is taken by the daily cron for the nation, each province and each former unit, once a month', async () => {
    await runScheduledJobs(db, noMail, DAILY_CRON, now);
    const rows = await db.select().from(statisticsSnapshots);
    expect(rows.map((row) => row.area).sort()).toEqual(['44', NATIONAL_AREA, 'huyen-vinh-linh', 'tinh-bac-giang']);
    expect(rows.every((row) => row.month === '2026-11')).toBe(true);
    const vinhLinh = rows.find((row) => row.area === 'huyen-vinh-linh');
    expect(vinhLinh?.figures).toMatchObject({ activeCooperatives: 1, members: 12, fairOrBetterPercent: 100 });

    // Later the same month: nothing is rewritten, though the catalogue changed.
    await db.update(cooperatives).set({ members: 99 });
    expect(await takeMonthlySnapshot(db, new Date('2026-11-30T16:00:00Z'))).toBe(false);
    const [national] = await db.select().from(statisticsSnapshots).where(eq(statisticsSnapshots.area, NATIONAL_AREA));
    expect(national?.figures.members).toBe(12);

    // 1 December in Viet Nam (still 30 November in UTC): a new month.
    expect(await takeMonthlySnapshot(db, new Date('2026-11-30T17:30:00Z'))).toBe(true);
    const trend = await readTrend(db, NATIONAL_AREA, new Date('2026-12-02T00:00:00Z'));
    expect(trend.map((row) => [row.month, row.figures.members])).toEqual([
      ['2026-11', 12],
      ['2026-12', 99],
    ]);
  });
});

describe("the demo's trends", () => {
  it('go back two years, rising to the latest month, and re-seeding adds nothing', async () => {
    const db = (await migratedMemoryDatabase()).db;
    await seedReferenceData(db);
    await seedDemoData(db, now);
    const trend = await readTrend(db, NATIONAL_AREA, now);
    expect(trend).toHaveLength(TREND_MONTHS);
    expect(trend[0]?.month).toBe('2024-12');
    expect(trend.at(-1)?.month).toBe('2026-11');
    const cooperativesBy = trend.map((row) => row.figures.activeCooperatives ?? 0);
    expect(cooperativesBy[0]).toBeLessThan(cooperativesBy.at(-1) ?? 0);
    for (const row of trend)
      for (const key of ['fairOrBetterPercent', 'inValueChainPercent'] as const) {
        const value = row.figures[key];
        if (value !== null) expect(value).toBeGreaterThanOrEqual(0);
        if (value !== null) expect(value).toBeLessThanOrEqual(100);
      }
    const rows = async () => (await db.select({ n: count() }).from(statisticsSnapshots))[0]?.n;
    const before = await rows();
    await seedDemoData(db, now);
    expect(await rows()).toBe(before);
  });
});
