/**
 * What the trade department's console shows on /quan-tri/thong-ke: the
 * public statistics of the view, each recorded target of the province (or of
 * every province, nationally) with its progress, and the counts of what
 * waits for an officer. Officers and admins only.
 */
import { sql } from 'drizzle-orm';
import { requireOfficer } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import type { Database } from '../db/client';
import { EMPTY_PLAN_FIGURES, type TargetProgress, targetProgress } from '../targets/progress';
import { listTargets, type Target } from '../targets/targets';
import { vietnamDate } from '../time/vietnam';
import { projectTarget, type Trajectory } from '../targets/trajectory';
import { computeFormerUnitFigures } from './catalogue-statistics';
import { currentMonth, readTrends, type TrendRow, trendFigureOf } from './snapshots';
import { loadStatisticsPage, type StatisticsPageData } from './statistics-page';

export interface TargetWithProgress {
  target: Target;
  progress: TargetProgress;
  /** Where the monthly snapshots of its area say it is heading. */
  trajectory: Trajectory;
}

export interface OversightCounts {
  submittedProducts: number;
  suspendedCooperatives: number;
  unverifiedCooperatives: number;
}

export interface ConsoleStatistics {
  page: StatisticsPageData;
  targets: TargetWithProgress[];
  oversight: OversightCounts;
}

async function countOversight(db: Database): Promise<OversightCounts> {
  const [row] = await db.all<{ submitted: number; suspended: number; unverified: number }>(sql`
    SELECT
      (SELECT count(*) FROM products WHERE status = 'submitted') AS submitted,
      (SELECT count(*) FROM cooperatives WHERE status = 'suspended') AS suspended,
      (SELECT count(*) FROM cooperatives WHERE status = 'active' AND verified = 0) AS unverified`);
  return {
    submittedProducts: Number(row?.submitted ?? 0),
    suspendedCooperatives: Number(row?.suspended ?? 0),
    unverifiedCooperatives: Number(row?.unverified ?? 0),
  };
}

/** The snapshot area a target is measured over: its former unit, or its province. */
const areaOf = (target: Target) => target.area?.key ?? target.province.code;

/**
 * The trajectory from the area's snapshots, ending with the figure now (the
 * snapshot is monthly; progress is current). Reported metrics have no series.
 */
function trajectoryOf(target: Target, progress: TargetProgress, trend: readonly TrendRow[], month: string): Trajectory {
  const figure = trendFigureOf(target.metric);
  if (progress.state === 'met') return { kind: 'met' };
  if (figure === null) return { kind: 'too_little_history' };
  const points = trend.flatMap((row) => {
    const value = row.figures[figure];
    return row.month === month || value === null || value === undefined ? [] : [{ month: row.month, value }];
  });
  if (progress.current !== null) points.push({ month, value: progress.current });
  return projectTarget(points, target);
}

/** The figures of each former unit some target is set for (a handful of areas, each a small range). */
async function figuresOfAreas(db: Database, targets: readonly Target[], year: number) {
  const units = new Map(targets.flatMap((target) => (target.area ? [[target.area.key, target.area] as const] : [])));
  const figures = await Promise.all(
    [...units.values()].map(async (unit) => [unit.key, await computeFormerUnitFigures(db, unit, year)] as const),
  );
  return new Map(figures);
}

export async function loadConsoleStatistics(
  db: Database,
  user: SessionUser | null,
  params: URLSearchParams,
  now: Date,
): Promise<ConsoleStatistics> {
  const officer = requireOfficer(user);
  const page = await loadStatisticsPage(db, params, now);
  const provinceCode = page.province?.code ?? null;
  const [targets, oversight] = await Promise.all([listTargets(db, officer, provinceCode), countOversight(db)]);
  const today = vietnamDate(now);
  const [areaFigures, trends] = await Promise.all([
    figuresOfAreas(db, targets, page.statistics.year),
    readTrends(db, [...new Set(targets.map(areaOf))], now),
  ]);
  // One province's view has its own figures; the national view has every province's; a former unit its own.
  const figuresOf = (target: Target) =>
    target.area !== null
      ? (areaFigures.get(target.area.key) ?? EMPTY_PLAN_FIGURES)
      : provinceCode !== null
        ? page.statistics.plan
        : (page.statistics.planByProvince[target.province.code] ?? EMPTY_PLAN_FIGURES);
  return {
    page,
    targets: targets.map((target) => {
      const progress = targetProgress(target, figuresOf(target), today);
      const trend = trends.get(areaOf(target)) ?? [];
      return { target, progress, trajectory: trajectoryOf(target, progress, trend, currentMonth(now)) };
    }),
    oversight,
  };
}
