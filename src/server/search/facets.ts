/**
 * Facet counts: how many results each option of a filter would give with the
 * current search and the *other* filters (a facet ignores its own selection,
 * so choosing a second province shows what it adds). Lists a facet cube
 * cannot answer (searches, prices, a cooperative) scan their rows, grouped
 * per facet in SQL, never one query per option.
 *
 * One scan answers the list's total and every facet whose filter is not
 * chosen, since they count the same rows; a chosen filter's facet needs a
 * scan of its own without that condition. Each scan reads at most
 * FACET_SCAN_CAP rows, so the cost of a request stays bounded as the
 * catalogue grows; past it a facet says `isCapped` and has no counts (pages
 * then show no numbers) and the total reads "more than FACET_SCAN_CAP".
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { type FieldIssues, InvalidFilterError } from '../errors';
import { currentProvinceBySlug, PROVINCES } from '../provinces/reference';
import { sumBy } from './facet-cube';
import { COUNT_CAP } from './list-query';

/**
 * The rows a scan reads: as many as the total can say exactly (COUNT_CAP),
 * so the facets have numbers exactly when the total does. Reading five
 * times more (the cap was 5,000 until 2026-12-04) cost a search some 20 ms
 * per scan at 200,000 products, for numbers beside "more than 1,000 results".
 */
export const FACET_SCAN_CAP = COUNT_CAP;

export interface FacetCounts {
  /** Results per option value; an option not listed gives none. */
  counts: Record<string, number>;
  /** True when more than FACET_SCAN_CAP rows matched: the counts are then left out (empty). */
  isCapped: boolean;
}

/** A facet a row may have several values of (a product's or a cooperative's certifications). */
export interface ManyValuedFacet<Facet extends string> {
  facet: Facet;
  /**
   * (value, id) pairs of the scanned rows, read from `x`, which has the
   * scan's `columns`; a row with a value twice counts once.
   */
  values: SQL;
}

export interface FacetScan<Facet extends string> {
  /** Columns of each scanned row, aliased; at least `id` (a row's key) when a facet is many-valued. */
  columns: SQL;
  /** Everything after SELECT to the end of WHERE, without facet `except`'s own condition. */
  from: (except?: Facet) => SQL;
  /** Facets with one value per row: their value as a column of `x`. */
  single: Partial<Record<Facet, SQL>>;
  many?: ManyValuedFacet<Facet>;
  /** The facets whose filter is chosen: each is counted by a scan of its own. */
  chosen: readonly Facet[];
  /**
   * The number of rows `from(except)` gives, up to FACET_SCAN_CAP + 1, from the full-text index
   * alone (list-query.ts, countUpToCap over its hits), when the index can tell: past the cap no row is scanned.
   */
  indexCount?: (except?: Facet) => SQL | undefined;
}

/**
 * The list's total (up to FACET_SCAN_CAP + 1 rows read, as `read`) and its
 * facets, in one statement per scan: the rows are read once, into `x`.
 */
export async function scanFacets<Facet extends string>(
  db: Database,
  scan: FacetScan<Facet>,
): Promise<{ read: number; facets: Record<Facet, FacetCounts> }> {
  const facets = [...Object.keys(scan.single), ...(scan.many ? [scan.many.facet] : [])] as Facet[];
  const chosen = facets.filter((facet) => scan.chosen.includes(facet));
  const [all, ...own] = await Promise.all([
    countScan(
      db,
      scan,
      scan.from(),
      facets.filter((facet) => !chosen.includes(facet)),
      scan.indexCount?.(),
    ),
    ...chosen.map((facet) => countScan(db, scan, scan.from(facet), [facet], scan.indexCount?.(facet))),
  ]);
  if (!all) throw new Error('scanFacets: the scan of every condition ran no statement');
  const counted = Object.assign({}, all.facets, ...own.map((one) => one.facets)) as Record<Facet, FacetCounts>;
  return { read: all.read, facets: counted };
}

/** What each row of a scan's answer is, in its `many` column. */
const SINGLE = 0;
const MANY = 1;
const ROWS_READ = 2;
const term = (kind: number) => sql.raw(String(kind));

/**
 * One scan: the rows read and the counts of `facets`. The rows are grouped
 * once by every single-valued key together (at most a cell per row, mostly
 * far fewer) and the cells summed per facet here: a GROUP BY per facet would
 * take a compound SELECT of a term each, and D1 allows five terms. A
 * many-valued facet adds another term.
 *
 * Past FACET_SCAN_CAP rows the counts are left out: they would describe an
 * arbitrary first thousand of the results, which pages do not show and the
 * API could only call lower bounds. Grouping and probing certificates were
 * most of a broad search's scan (6 of 7 ms for "mat ong" at 200,000
 * products), so the grouped terms read `x`, the scanned rows only when
 * there are at most FACET_SCAN_CAP of them: SQLite tests that constant
 * condition once, before reading any row. With `indexCount` the full-text index counts first, and
 * past the cap the scan reads no row ("mat ong" at 200,000 products: 1.4 -> 0.4 ms).
 */
async function countScan<Facet extends string>(
  db: Database,
  scan: FacetScan<Facet>,
  from: SQL,
  facets: readonly Facet[],
  indexCount?: SQL,
): Promise<{ read: number; facets: Partial<Record<Facet, FacetCounts>> }> {
  const keys = Object.entries<SQL | undefined>(scan.single).filter((entry): entry is [Facet, SQL] => !!entry[1]);
  const many = scan.many && facets.includes(scan.many.facet) ? scan.many : undefined;
  const nulls = keys.slice(1).map(() => sql`NULL`);
  // MATERIALIZED: the rows are read once, by every term; left to the planner, each would scan them again.
  const rows = await db.all<Record<string, string | number | null>>(sql`
    WITH ${indexCount ? sql`indexed AS MATERIALIZED (SELECT ${indexCount} AS n), ` : sql``}scanned AS MATERIALIZED (SELECT ${
      scan.columns
    } ${from} LIMIT ${
      // A LIMIT of 0 ends the scan before its first row; a condition would be tested on every hit.
      indexCount
        ? sql`(SELECT CASE WHEN n <= ${FACET_SCAN_CAP} THEN ${FACET_SCAN_CAP + 1} ELSE 0 END FROM indexed)`
        : sql`${FACET_SCAN_CAP + 1}`
    }),
      x AS (SELECT * FROM scanned WHERE (SELECT count(*) FROM scanned) <= ${FACET_SCAN_CAP})
    SELECT ${term(ROWS_READ)} AS many, ${sql.join(
      keys.map((_, i) => sql`NULL AS ${sql.raw(`k${i}`)}`),
      sql`, `,
    )}, ${indexCount ? sql`max(count(*), (SELECT n FROM indexed))` : sql`count(*)`} AS n FROM scanned
    UNION ALL SELECT ${term(SINGLE)}, ${sql.join(
      keys.map(([, key]) => key),
      sql`, `,
    )}, count(*) FROM x GROUP BY ${sql.join(
      keys.map((_, i) => sql.raw(String(i + 2))),
      sql`, `,
    )}
    ${many ? sql`UNION ALL SELECT ${term(MANY)}, value, ${sql.join([...nulls, sql`count(DISTINCT id)`], sql`, `)} FROM (${many.values}) GROUP BY 2` : sql``}`);
  const read = Number(rows.find((row) => Number(row.many) === ROWS_READ)?.n ?? 0);
  const isCapped = read > FACET_SCAN_CAP;
  const cells = rows.filter((row) => Number(row.many) === SINGLE);
  const counted: Partial<Record<Facet, FacetCounts>> = {};
  keys.forEach(([facet], i) => {
    if (!facets.includes(facet)) return;
    const counts = sumBy(
      cells,
      () => true,
      (cell) => cell[`k${i}`] ?? null,
      (cell) => Number(cell.n),
    );
    counted[facet] = { counts, isCapped };
  });
  if (many) {
    const counts: Record<string, number> = {};
    for (const row of rows) if (Number(row.many) === MANY && row.k0 !== null) counts[String(row.k0)] = Number(row.n);
    counted[many.facet] = { counts, isCapped };
  }
  return { read, facets: counted };
}

/** `column IN (values)`, or `=` for one value; values are bound (at most 34 of them, far below D1's 100). */
export function anyOf(column: SQL, values: readonly string[]): SQL {
  if (values.length === 1) return sql`${column} = ${values[0]}`;
  return sql`${column} IN (${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )})`;
}

const SLUG_BY_CODE = new Map(PROVINCES.map((province) => [province.code, province.slug]));

/** A facet counted by province code, keyed by slug as the filter is. */
export function byProvinceSlug(facet: FacetCounts): FacetCounts {
  const counts = Object.fromEntries(
    Object.entries(facet.counts).map(([code, n]) => [SLUG_BY_CODE.get(code) ?? code, n]),
  );
  return { ...facet, counts };
}

/**
 * Province slugs to codes, from the fixed list of 34 (no query). A pre-2025
 * slug (ha-giang) means the province it is part of now; a slug that names
 * nothing is an InvalidFilterError, like any other filter value.
 */
export function provinceCodes(slugs: readonly string[] | undefined): string[] | undefined {
  if (!slugs || slugs.length === 0) return undefined;
  const codes = slugs.map((slug) => currentProvinceBySlug(slug)?.code);
  if (codes.some((code) => code === undefined)) {
    const issues: FieldIssues = { province: { code: 'unknown_value' } };
    throw new InvalidFilterError(issues);
  }
  return [...new Set(codes as string[])].sort();
}
