/**
 * The 34 provincial units with how much of the catalogue each holds.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { provinces } from '../db/schema';
import { COOPERATIVE_CUBE, type CooperativeCell } from '../cooperatives/directory-facet-cube';
import { PRODUCT_CUBE, type ProductCell } from '../products/product-facet-cube';
import { PROVINCES, provinceBySlug } from './reference';
import { type AfterResponse, answerOnce, type CubeDefinition, freshCubes, sumBy } from '../search/facet-cube';
import { vietnamDate } from '../time/vietnam';

/** What a link to a province needs. */
export interface ProvinceRef {
  code: string;
  slug: string;
  nameVi: string;
  nameEn: string;
}

export interface ProvinceSummary extends ProvinceRef {
  kind: 'city' | 'province';
  seat: string;
  /** Pre-2025 provinces merged into this one. */
  formedFrom: string[];
  /** Active cooperatives. */
  cooperatives: number;
  /**
   * Public products made in the province: published, of an active cooperative, as the
   * product list filtered by the province counts them (/san-pham?province=…).
   */
  products: number;
}

export interface SummaryOptions {
  /** The Viet Nam day (YYYY-MM-DD) the facet cubes must have been computed at. */
  today?: string;
  /** Where a stale cube's refresh runs after the response (search/facet-cube.ts). */
  later?: AfterResponse;
}

type Counts = Pick<ProvinceSummary, 'cooperatives' | 'products'>;

/**
 * The counts per province from the facet cubes (search/facet-cube.ts) when
 * both are current: their cells of every row ('' certification) summed per
 * province, no row of the catalogue read. Null when either is not.
 */
async function countsFromCubes(db: Database, { today, later }: SummaryOptions): Promise<Map<string, Counts> | null> {
  const day = today ?? vietnamDate(new Date());
  const [productCells, cooperativeCells] = (await freshCubes(
    db,
    [PRODUCT_CUBE as CubeDefinition<unknown>, COOPERATIVE_CUBE as CubeDefinition<unknown>],
    day,
    later,
  )) as [ProductCell[] | null, CooperativeCell[] | null];
  if (!productCells || !cooperativeCells) return null;
  const products = byProvince(productCells, (cell) => cell.products);
  const cooperatives = byProvince(cooperativeCells, (cell) => cell.cooperatives);
  const codes = new Set([...Object.keys(products), ...Object.keys(cooperatives)]);
  return new Map(
    [...codes].map((code) => [code, { products: products[code] ?? 0, cooperatives: cooperatives[code] ?? 0 }]),
  );
}

/** A cube's rows of every row ('' certification) summed per province, once per cells (answerOnce). */
function byProvince<Cell extends { certification: string; province: string }>(
  cells: readonly Cell[],
  count: (cell: Cell) => number,
): Record<string, number> {
  return answerOnce(cells, 'by province', () =>
    sumBy(
      cells,
      (cell) => cell.certification === '',
      (cell) => cell.province,
      count,
    ),
  );
}

const PROVINCE_COLUMNS = {
  code: provinces.code,
  slug: provinces.slug,
  nameVi: provinces.nameVi,
  nameEn: provinces.nameEn,
  kind: provinces.kind,
  seat: provinces.seat,
  formedFrom: provinces.formedFrom,
};

/**
 * The counts by counting, when a cube is not current: index range counts
 * (cooperatives_province_idx, products_province_idx), each product's
 * cooperative checked active in cooperatives_id_status_idx, as the cube and
 * the list count it (a few thousand lookups for a province; a catalogue's
 * worth for all 34, until the cube is refreshed).
 */
const COUNTED = {
  cooperatives: sql<number>`(SELECT count(*) FROM cooperatives c
    WHERE c.province_code = ${provinces.code} AND c.status = 'active')`.mapWith(Number),
  products: sql<number>`(SELECT count(*) FROM products p
    JOIN cooperatives c INDEXED BY cooperatives_id_status_idx ON c.id = p.cooperative_id
    WHERE p.province_code = ${provinces.code} AND p.status = 'published' AND c.status = 'active')`.mapWith(Number),
};

/**
 * The units from the counts of the cubes, or by counting. With the cubes the
 * units themselves come from the reference list the provinces table is seeded
 * from (tests/api/seeding.test.ts holds the two equal): no statement beyond
 * the cubes' state.
 */
async function selectSummaries(db: Database, options: SummaryOptions, slug?: string): Promise<ProvinceSummary[]> {
  const counts = await countsFromCubes(db, options);
  if (counts) {
    const units =
      slug === undefined
        ? [...PROVINCES].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
        : [provinceBySlug(slug)].filter((unit) => unit !== undefined);
    return units.map(({ code, slug: unitSlug, nameVi, nameEn, kind, seat, formedFrom }) => ({
      code,
      slug: unitSlug,
      nameVi,
      nameEn,
      kind,
      seat,
      formedFrom: formedFrom ?? [],
      ...(counts.get(code) ?? { cooperatives: 0, products: 0 }),
    }));
  }
  const where = slug === undefined ? undefined : eq(provinces.slug, slug);
  return db
    .select({ ...PROVINCE_COLUMNS, ...COUNTED })
    .from(provinces)
    .where(where)
    .orderBy(asc(provinces.code));
}

/** All 34 units in GSO code order. */
export function listProvinceSummaries(db: Database, options: SummaryOptions = {}): Promise<ProvinceSummary[]> {
  return selectSummaries(db, options);
}

export async function provinceSummaryBySlug(
  db: Database,
  slug: string,
  options: SummaryOptions = {},
): Promise<ProvinceSummary | null> {
  const [row] = await selectSummaries(db, options, slug);
  return row ?? null;
}
