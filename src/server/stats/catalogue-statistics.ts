/**
 * The public statistics of the collective economy on the portal (/thong-ke):
 * what the provincial plans under Resolution 20-NQ/TW count, for the whole
 * country or one province, and one calendar year where a figure is yearly.
 *
 * Every figure comes from a few aggregate queries on covering indexes
 * (cooperatives_stats_idx, products_stats_idx, with EXISTS probes per
 * cooperative), sent concurrently (D1's batch takes query builders only, not
 * raw SQL); the result is cached for ten minutes
 * per (province, year) in cached_figures: nothing is counted row by row in
 * TypeScript, and a national-scale catalogue is counted at most once per
 * ten minutes per view.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { OcopGroup } from '../products/vocabulary';
import { OCOP_GROUPS } from '../products/vocabulary';
import type { CooperativeClassification, CooperativeKind, CooperativeSector } from '../cooperatives/vocabulary';
import { COOPERATIVE_CLASSIFICATIONS, COOPERATIVE_KINDS, COOPERATIVE_SECTORS } from '../cooperatives/vocabulary';
import type { Database } from '../db/client';
import { EVENT_KINDS, type EventKind } from '../events/vocabulary';
import { vietnamDate } from '../time/vietnam';
import type { FormerUnit } from '../provinces/former-units';
import { cachedFigure, storeFigure } from './cached';

export interface Count<K extends string | number> {
  key: K;
  count: number;
}

export interface Share {
  count: number;
  /** Of all active cooperatives in view; null when there are none. */
  percent: number | null;
}

export interface CatalogueStatistics {
  provinceCode: string | null;
  year: number;
  computedAt: string;
  cooperatives: {
    total: number;
    byKind: Count<CooperativeKind>[];
    bySector: Count<CooperativeSector>[];
    byClassification: Count<CooperativeClassification | 'unclassified'>[];
    /** Only for the whole country: province code → count, most first. */
    byProvince: Count<string>[];
    withPublishedProduct: Share;
    inValueChain: Share;
    /** With a pending, confirmed or wait-listed registration for an event starting in `year`. */
    atEventsThisYear: Share;
    /** Rated good (tốt) or fair (khá): the plans' usual target. */
    fairOrBetter: Share;
  };
  products: {
    published: number;
    ocop: number;
    ocopByGroup: Count<OcopGroup>[];
    ocopByStars: Count<3 | 4 | 5>[];
  };
  upcomingEventsByKind: Count<EventKind>[];
  plan: PlanFigures;
  /** Only for the whole country: province code → its plan figures (provinces with cooperatives or products). */
  planByProvince: Record<string, PlanFigures>;
  inquiries: {
    /** Months 1-12 of `year` in Viet Nam time; spam not counted. */
    byMonth: Count<number>[];
    total: number;
    /** Median hours from an inquiry to its first reply, among those replied to in `year`; null when none. */
    medianFirstResponseHours: number | null;
  };
}

/**
 * The figures the provinces' plan targets are set on (src/server/targets),
 * for the view and, in the national view, for each province.
 */
export interface PlanFigures {
  activeCooperatives: number;
  /** Members of the active cooperatives, as their profiles state. */
  members: number;
  fairOrBetter: Share;
  inValueChain: Share;
  withPublishedProduct: Share;
  atEventsThisYear: Share;
  ocopProducts: number;
  fiveStarProducts: number;
}

export interface StatisticsFilter {
  provinceCode: string | null;
  year: number;
}

/** The first year the portal counts; earlier years have no data to show. */
export const FIRST_STATISTICS_YEAR = 2024;
export const STATISTICS_TTL_MS = 10 * 60 * 1000;

/** Instants bounding a calendar year in Viet Nam (UTC+7). */
function yearBounds(year: number): [start: number, end: number] {
  return [Date.UTC(year, 0, 1) - 7 * 3600_000, Date.UTC(year + 1, 0, 1) - 7 * 3600_000];
}

const percent = (count: number, total: number): Share => ({
  count,
  percent: total > 0 ? Math.round((count / total) * 1000) / 10 : null,
});

/** Every key in vocabulary order, zero where nothing was counted, so tables and charts keep one shape. */
function complete<K extends string | number>(
  keys: readonly K[],
  rows: readonly { key: K | null; n: number }[],
  nullKey?: K,
): Count<K>[] {
  const counts = new Map<K, number>();
  for (const row of rows) {
    const key = row.key ?? nullKey;
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + Number(row.n));
  }
  return keys.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

/** A group of active cooperatives alike in every way the statistics count. */
interface CooperativeGroup {
  kind: CooperativeKind;
  sector: CooperativeSector;
  classification: CooperativeClassification | null;
  province: string;
  withProduct: number;
  inChain: number;
  atEvents: number;
  members: number;
  n: number;
}

interface ProductGroup {
  group: OcopGroup;
  stars: number | null;
  province: string;
  n: number;
}

function planFigures(groups: readonly CooperativeGroup[], products: readonly ProductGroup[]): PlanFigures {
  const total = groups.reduce((sum, row) => sum + Number(row.n), 0);
  const count = (test: (row: CooperativeGroup) => unknown) =>
    groups.reduce((sum, row) => sum + (test(row) ? Number(row.n) : 0), 0);
  const ocop = (test: (stars: number) => boolean) =>
    products.reduce((sum, row) => sum + (row.stars !== null && test(row.stars) ? Number(row.n) : 0), 0);
  return {
    activeCooperatives: total,
    members: groups.reduce((sum, row) => sum + Number(row.members ?? 0), 0),
    fairOrBetter: percent(
      count((row) => row.classification === 'tot' || row.classification === 'kha'),
      total,
    ),
    inValueChain: percent(
      count((row) => Number(row.inChain)),
      total,
    ),
    withPublishedProduct: percent(
      count((row) => Number(row.withProduct)),
      total,
    ),
    atEventsThisYear: percent(
      count((row) => Number(row.atEvents)),
      total,
    ),
    ocopProducts: ocop(() => true),
    fiveStarProducts: ocop((stars) => stars === 5),
  };
}

/**
 * One pass over active cooperatives (cooperatives_stats_idx): every breakdown
 * and share the page shows is a sum over these few thousand groups, not over
 * 50,000 rows. Members are summed from the rows themselves (not in the
 * index), which the cached national view pays for once per refresh.
 */
function cooperativeGroups(db: Database, where: SQL, year: number): Promise<CooperativeGroup[]> {
  const [yearStart, yearEnd] = yearBounds(year);
  return db.all<CooperativeGroup>(sql`
    SELECT c.kind AS kind, c.sector AS sector, c.classification AS classification, c.province_code AS province,
      EXISTS (SELECT 1 FROM products pr WHERE pr.cooperative_id = c.id AND pr.status = 'published') AS withProduct,
      EXISTS (SELECT 1 FROM value_chain_links v WHERE v.cooperative_id = c.id) AS inChain,
      EXISTS (
        SELECT 1 FROM event_registrations r JOIN events e ON e.id = r.event_id
        WHERE r.cooperative_id = c.id AND r.status IN ('pending', 'confirmed', 'waitlisted')
          AND e.starts_at >= ${yearStart} AND e.starts_at < ${yearEnd}) AS atEvents,
      sum(c.members) AS members,
      count(*) AS n
    FROM cooperatives c INDEXED BY cooperatives_stats_idx
    WHERE c.status = 'active' AND ${where}
    GROUP BY 1, 2, 3, 4, 5, 6, 7`);
}

/**
 * Whether cooperative `c` lies in a former unit: its commune, without the
 * "xã"/"phường" before the name, is one of the unit's (a primary-key probe).
 */
const inFormerUnit = (unit: FormerUnit) => sql`c.province_code = ${unit.provinceCode} AND EXISTS (
  SELECT 1 FROM former_unit_communes f
  WHERE f.unit = ${unit.key} AND f.commune = substr(c.commune, instr(c.commune, ' ') + 1))`;

/**
 * The plan figures of an area smaller than today's province (a former
 * district or province): only its cooperatives and their published products.
 * The products are found from the area's cooperatives (CROSS JOIN pins that
 * order): left to choose, SQLite walked every published product in the
 * country and tested its cooperative, 3 s at 200,000 products against 25 ms.
 */
export async function computeFormerUnitFigures(db: Database, unit: FormerUnit, year: number): Promise<PlanFigures> {
  const where = inFormerUnit(unit);
  const [groups, products] = await Promise.all([
    cooperativeGroups(db, where, year),
    db.all<ProductGroup>(sql`
      SELECT p.province_code AS province, p.ocop_group AS "group", p.ocop_stars AS stars, count(*) AS n
      FROM cooperatives c CROSS JOIN products p ON p.cooperative_id = c.id
      WHERE p.status = 'published' AND ${where}
      GROUP BY 1, 2, 3`),
  ]);
  return planFigures(groups, products);
}

function planFiguresByProvince(
  groups: readonly CooperativeGroup[],
  products: readonly ProductGroup[],
): Record<string, PlanFigures> {
  const provinces = new Set([...groups.map((row) => row.province), ...products.map((row) => row.province)]);
  return Object.fromEntries(
    [...provinces].map((code) => [
      code,
      planFigures(
        groups.filter((row) => row.province === code),
        products.filter((row) => row.province === code),
      ),
    ]),
  );
}

function countsByProvince(groups: readonly CooperativeGroup[]): Count<string>[] {
  const counts = new Map<string, number>();
  for (const row of groups) counts.set(row.province, (counts.get(row.province) ?? 0) + Number(row.n));
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export async function computeCatalogueStatistics(
  db: Database,
  filter: StatisticsFilter,
  now: Date,
): Promise<CatalogueStatistics> {
  const p = filter.provinceCode;
  const inProvince = (column: SQL) => (p === null ? sql`1` : sql`${column} = ${p}`);
  const [yearStart, yearEnd] = yearBounds(filter.year);
  const nowMs = now.getTime();

  const [groups, products, events, months, median] = await Promise.all([
    cooperativeGroups(db, inProvince(sql`c.province_code`), filter.year),
    // Index-only (products_stats_idx): published products by province, group and stars.
    db.all<ProductGroup>(sql`
      SELECT province_code AS province, ocop_group AS "group", ocop_stars AS stars, count(*) AS n
      FROM products INDEXED BY products_stats_idx
      WHERE status = 'published' AND ${inProvince(sql`province_code`)} GROUP BY province_code, ocop_group, ocop_stars`),
    db.all<{ key: EventKind; n: number }>(sql`
      SELECT kind AS key, count(*) AS n FROM events
      WHERE status = 'published' AND ends_at >= ${nowMs} AND ${inProvince(sql`province_code`)} GROUP BY kind`),
    db.all<{ key: number; n: number }>(sql`
      SELECT CAST(strftime('%m', i.created_at / 1000, 'unixepoch', '+7 hours') AS INTEGER) AS key, count(*) AS n
      FROM inquiries i JOIN cooperatives c ON c.id = i.cooperative_id
      WHERE i.status <> 'spam' AND i.created_at >= ${yearStart} AND i.created_at < ${yearEnd}
        AND ${inProvince(sql`c.province_code`)}
      GROUP BY key`),
    // The median without sorting in TypeScript: the middle one or two of the ordered delays.
    db.all<{ hours: number | null }>(sql`
      SELECT avg(d) / 3600000.0 AS hours FROM (
        SELECT i.first_replied_at - i.created_at AS d,
               row_number() OVER (ORDER BY i.first_replied_at - i.created_at) AS rn,
               count(*) OVER () AS cnt
        FROM inquiries i JOIN cooperatives c ON c.id = i.cooperative_id
        WHERE i.first_replied_at IS NOT NULL AND i.status <> 'spam'
          AND i.created_at >= ${yearStart} AND i.created_at < ${yearEnd}
          AND ${inProvince(sql`c.province_code`)}
      ) WHERE rn IN ((cnt + 1) / 2, (cnt + 2) / 2)`),
  ]);

  const by = <K extends string>(key: (row: CooperativeGroup) => K | null) =>
    groups.map((row) => ({ key: key(row), n: Number(row.n) }));
  const plan = planFigures(groups, products);
  const total = plan.activeCooperatives;
  const byClassification = complete(
    [...COOPERATIVE_CLASSIFICATIONS, 'unclassified'] as const,
    by((row) => row.classification),
    'unclassified',
  );
  const ocopRows = products.filter((row) => row.stars !== null);
  const byMonth = complete([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], months);
  const hours = median[0]?.hours;

  return {
    provinceCode: p,
    year: filter.year,
    computedAt: now.toISOString(),
    cooperatives: {
      total,
      byKind: complete(
        COOPERATIVE_KINDS,
        by((row) => row.kind),
      ),
      bySector: complete(
        COOPERATIVE_SECTORS,
        by((row) => row.sector),
      ),
      byClassification,
      byProvince: p === null ? countsByProvince(groups) : [],
      withPublishedProduct: plan.withPublishedProduct,
      inValueChain: plan.inValueChain,
      atEventsThisYear: plan.atEventsThisYear,
      fairOrBetter: plan.fairOrBetter,
    },
    products: {
      published: products.reduce((sum, row) => sum + Number(row.n), 0),
      ocop: plan.ocopProducts,
      ocopByGroup: complete(
        OCOP_GROUPS,
        ocopRows.map((row) => ({ key: row.group, n: row.n })),
      ),
      ocopByStars: complete(
        [3, 4, 5] as const,
        ocopRows.map((row) => ({ key: row.stars as 3 | 4 | 5, n: row.n })),
      ),
    },
    upcomingEventsByKind: complete(EVENT_KINDS, events),
    plan,
    planByProvince: p === null ? planFiguresByProvince(groups, products) : {},
    inquiries: {
      byMonth,
      total: byMonth.reduce((sum, m) => sum + m.count, 0),
      medianFirstResponseHours: hours === null || hours === undefined ? null : Math.round(Number(hours) * 10) / 10,
    },
  };
}

// The version changes with the shape of CatalogueStatistics, so no reader gets a cached figure of an older shape.
const cacheKey = (filter: StatisticsFilter) => `statistics:v3:${filter.provinceCode ?? 'all'}:${filter.year}`;

/** The statistics as last computed for this view, at most ten minutes old. */
export function readCatalogueStatistics(
  db: Database,
  filter: StatisticsFilter,
  now: Date,
): Promise<CatalogueStatistics> {
  return cachedFigure(db, cacheKey(filter), { now, ttlMs: STATISTICS_TTL_MS }, () =>
    computeCatalogueStatistics(db, filter, now),
  );
}

/**
 * Recomputes the national view of the current year ahead of readers (the
 * five-minute Cron Trigger, src/server/scheduled.ts): it is the costliest
 * view (a few hundred milliseconds at national scale, where one province
 * takes some 15) and the most read, so no visitor should pay for it.
 */
export async function refreshNationalStatistics(db: Database, now: Date): Promise<void> {
  const filter = { provinceCode: null, year: Number(vietnamDate(now).slice(0, 4)) };
  await storeFigure(db, cacheKey(filter), await computeCatalogueStatistics(db, filter, now), now);
}

/** The years one can choose: from the first the portal counts to the current one in Viet Nam. */
export function statisticsYears(now: Date): number[] {
  const current = Number(vietnamDate(now).slice(0, 4));
  const years: number[] = [];
  for (let y = current; y >= FIRST_STATISTICS_YEAR; y--) years.push(y);
  return years;
}
