/**
 * Facet counts: how many results each option of a filter would give with the
 * current search and the *other* filters (a facet ignores its own selection,
 * so choosing a second province shows what it adds). One grouped query per
 * facet, never one per option.
 *
 * Each query reads at most FACET_SCAN_CAP matching rows, so the cost of a
 * request stays bounded as the catalogue grows; past it a facet says
 * `isCapped` and its counts are lower bounds (pages then show no numbers).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { type FieldIssues, InvalidFilterError } from '../errors';
import { formerProvinceBySlug, PROVINCES } from '../provinces/reference';

export const FACET_SCAN_CAP = 5_000;

export interface FacetCounts {
  /** Results per option value; an option not listed gives none. */
  counts: Record<string, number>;
  /** True when more than FACET_SCAN_CAP rows matched: the counts are lower bounds. */
  isCapped: boolean;
}

/**
 * Counts per value of `key` over the rows of `from` (everything after SELECT
 * up to the end of WHERE), for a key with one value per row.
 */
export async function countFacet(db: Database, key: SQL, from: SQL): Promise<FacetCounts> {
  const rows = await db.all<{ value: string | number | null; n: number }>(sql`
    SELECT value, count(*) AS n FROM (SELECT ${key} AS value ${from} LIMIT ${FACET_SCAN_CAP + 1}) GROUP BY value`);
  return toFacet(rows);
}

/**
 * Counts per value for a key a row may have several of (a product's or a
 * cooperative's certifications): `rows` selects at least `id` (everything
 * from SELECT to the end of WHERE), read up to the cap as `x`; `values`
 * selects (value, id) pairs from `x`. A row with a value twice counts once.
 */
export async function countFacetOfMany(db: Database, rows: SQL, values: SQL): Promise<FacetCounts> {
  // The first row (value NULL) is the number of rows read, for the cap. `x` is read three times:
  // MATERIALIZED reads its rows once (a third less time at 200,000 products than left to the planner).
  const counted = await db.all<{ value: string | null; n: number }>(sql`
    WITH x AS MATERIALIZED (${rows} LIMIT ${FACET_SCAN_CAP + 1})
    SELECT NULL AS value, (SELECT count(*) FROM x) AS n
    UNION ALL
    SELECT value, count(DISTINCT id) AS n FROM (${values}) GROUP BY value`);
  return toFacet(counted, Number(counted.find((row) => row.value === null)?.n ?? 0));
}

/** Counts of rows already grouped as (value, n); the null value (no key) is counted towards the cap only. */
export function toFacet(rows: readonly { value: string | number | null; n: number }[], read?: number): FacetCounts {
  const counts: Record<string, number> = {};
  let total = 0;
  for (const { value, n } of rows) {
    total += Number(n);
    if (value !== null) counts[String(value)] = Number(n);
  }
  return { counts, isCapped: (read ?? total) > FACET_SCAN_CAP };
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

const PROVINCE_BY_SLUG = new Map(PROVINCES.map((province) => [province.slug, province.code]));

/**
 * Province slugs to codes, from the fixed list of 34 (no query). A pre-2025
 * slug (ha-giang) means the province it is part of now; a slug that names
 * nothing is an InvalidFilterError, like any other filter value.
 */
export function provinceCodes(slugs: readonly string[] | undefined): string[] | undefined {
  if (!slugs || slugs.length === 0) return undefined;
  const codes = slugs.map((slug) => PROVINCE_BY_SLUG.get(slug) ?? formerProvinceBySlug(slug)?.successor.code);
  if (codes.some((code) => code === undefined)) {
    const issues: FieldIssues = { province: { code: 'unknown_value' } };
    throw new InvalidFilterError(issues);
  }
  return [...new Set(codes as string[])].sort();
}
