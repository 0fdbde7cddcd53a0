/**
 * Monthly snapshots of the plan figures, for trends and targets'
 * trajectories: the national view, every province, and every former unit
 * plans name. The daily cron takes the month's snapshot once (the first run
 * of a month finds it missing; later runs find it and stop at one primary-key
 * probe), so no request ever waits for it. A month is never rewritten:
 * history stays what it was.
 */
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { insertMissing } from '../db/insert';
import { statisticsSnapshots } from '../db/schema';
import { FORMER_UNITS } from '../provinces/former-units';
import type { TargetMetric } from '../targets/vocabulary';
import { addMonths, vietnamDate } from '../time/vietnam';
import { computeCatalogueStatistics, computeFormerUnitFigures, type PlanFigures } from './catalogue-statistics';

/** The area of the national view; provinces are their GSO code, former units their key. */
export const NATIONAL_AREA = 'all';

/** What a snapshot keeps of PlanFigures: the figures targets are set on. */
export const TREND_FIGURES = [
  'activeCooperatives',
  'members',
  'fairOrBetterPercent',
  'inValueChainPercent',
  'withPublishedProductPercent',
  'ocopProducts',
  'fiveStarProducts',
] as const;
export type TrendFigure = (typeof TREND_FIGURES)[number];
export type SnapshotFigures = Record<TrendFigure, number | null>;

export function snapshotFigures(plan: PlanFigures): SnapshotFigures {
  return {
    activeCooperatives: plan.activeCooperatives,
    members: plan.members,
    fairOrBetterPercent: plan.fairOrBetter.percent,
    inValueChainPercent: plan.inValueChain.percent,
    withPublishedProductPercent: plan.withPublishedProduct.percent,
    ocopProducts: plan.ocopProducts,
    fiveStarProducts: plan.fiveStarProducts,
  };
}

/** The snapshot figure a target's metric is measured by; null for what snapshots do not keep. */
export function trendFigureOf(metric: TargetMetric): TrendFigure | null {
  switch (metric) {
    case 'active_cooperatives':
      return 'activeCooperatives';
    case 'cooperative_members':
      return 'members';
    case 'fair_or_better_share':
      return 'fairOrBetterPercent';
    case 'value_chain_share':
      return 'inValueChainPercent';
    case 'selling_online_share':
      return 'withPublishedProductPercent';
    case 'ocop_products':
      return 'ocopProducts';
    case 'five_star_products':
      return 'fiveStarProducts';
    // Yearly (resets each January) or reported by the department: no monthly line to follow.
    case 'trade_promotion_share':
    case 'ocop_collective_share':
      return null;
  }
}

export const currentMonth = (now: Date) => vietnamDate(now).slice(0, 7);

/**
 * Takes this month's snapshot if it is missing: one national pass (which
 * yields every province's figures too) and one small pass per former unit.
 * Returns whether it wrote one.
 */
export async function takeMonthlySnapshot(db: Database, now: Date): Promise<boolean> {
  const month = currentMonth(now);
  const [taken] = await db
    .select({ month: statisticsSnapshots.month })
    .from(statisticsSnapshots)
    .where(and(eq(statisticsSnapshots.area, NATIONAL_AREA), eq(statisticsSnapshots.month, month)))
    .limit(1);
  if (taken) return false;
  const year = Number(month.slice(0, 4));
  const national = await computeCatalogueStatistics(db, { provinceCode: null, year }, now);
  const units = await Promise.all(
    FORMER_UNITS.map(async (unit) => [unit.key, await computeFormerUnitFigures(db, unit, year)] as const),
  );
  const row = (area: string, plan: PlanFigures) => ({ month, area, figures: snapshotFigures(plan), takenAt: now });
  // National last: it marks the month as taken, so a run cut short is completed by the next.
  await insertMissing(db, statisticsSnapshots, [
    ...Object.entries(national.planByProvince).map(([code, plan]) => row(code, plan)),
    ...units.map(([key, plan]) => row(key, plan)),
  ]);
  await insertMissing(db, statisticsSnapshots, [row(NATIONAL_AREA, national.plan)]);
  return true;
}

export interface TrendRow {
  month: string;
  figures: SnapshotFigures;
}

/** How far back the trends look: two years of months. */
export const TREND_MONTHS = 24;

/** Several areas' snapshots of the last TREND_MONTHS months (at most 37 areas: one bound parameter each). */
export async function readTrends(db: Database, areas: readonly string[], now: Date): Promise<Map<string, TrendRow[]>> {
  const trends = new Map<string, TrendRow[]>(areas.map((area) => [area, []]));
  if (areas.length === 0) return trends;
  const from = addMonths(currentMonth(now), -(TREND_MONTHS - 1));
  const rows = await db
    .select()
    .from(statisticsSnapshots)
    .where(and(inArray(statisticsSnapshots.area, [...areas]), gte(statisticsSnapshots.month, from)))
    .orderBy(asc(statisticsSnapshots.area), asc(statisticsSnapshots.month));
  for (const row of rows) trends.get(row.area)?.push({ month: row.month, figures: row.figures });
  return trends;
}

/** An area's snapshots of the last TREND_MONTHS months, oldest first. */
export function readTrend(db: Database, area: string, now: Date): Promise<TrendRow[]> {
  const from = addMonths(currentMonth(now), -(TREND_MONTHS - 1));
  return db
    .select({ month: statisticsSnapshots.month, figures: statisticsSnapshots.figures })
    .from(statisticsSnapshots)
    .where(and(eq(statisticsSnapshots.area, area), gte(statisticsSnapshots.month, from)))
    .orderBy(asc(statisticsSnapshots.month));
}
