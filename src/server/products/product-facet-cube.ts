/**
 * The product list's facet cube (search/facet-cube.ts): published products of
 * active cooperatives per (province, OCOP group, stars, cooperative kind,
 * export-ready), and per certification kind valid on the cube's day.
 *
 * What it answers: a list with no search words, no cooperative and no price
 * bounds, and at most one certification kind. Provinces, groups and stars
 * are one per product, so any choice of them sums exactly; so does one
 * certification kind, whose cells count each product once. Several kinds
 * OR-ed together would count a product with two of them twice: that list is
 * scanned, as are the others.
 */
import { sql } from 'drizzle-orm';
import { productFacetCells } from '../db/schema';
import { byProvinceSlug, type FacetCounts } from '../search/facets';
import { answerOnce, type CubeDefinition, sumCube } from '../search/facet-cube';
import type { ProductFilters } from './product-filters';
import type { ProductFacets } from './product-list';
import { OCOP_STARS } from './vocabulary';
import { heldOn } from './product-certificates';

/** isExportReady (wholesale.ts) in SQL, over products `p`: the list's filter and the cube's dimension. */
export const EXPORT_READY_SQL = sql`(p.export_markets <> '[]' OR (p.hs_code IS NOT NULL AND p.wholesale_min_order IS NOT NULL))`;

export interface ProductCell {
  province: string;
  group: string;
  stars: number | null;
  cooperativeKind: string;
  exportReady: boolean;
  /** '' for all products of the cell. */
  certification: string;
  products: number;
}

// In the order of product_facet_cells' columns, as the cube's fill selects them.
const DIMENSIONS = sql`p.province_code, p.ocop_group, p.ocop_stars, c.kind, ${EXPORT_READY_SQL}`;

/**
 * Each published product's cooperative, by its id: left free, SQLite walks
 * cooperatives_stats_idx by status, every active cooperative per product
 * (hours at 200,000 products; a few seconds this way). Plan-tested.
 */
const ACTIVE_COOPERATIVE = sql`cooperatives c INDEXED BY cooperatives_id_status_idx ON c.id = p.cooperative_id
  WHERE p.status = 'published' AND c.status = 'active'`;

export const PRODUCT_CUBE: CubeDefinition<ProductCell> = {
  name: 'products',
  table: productFacetCells,
  parse: (row) => ({
    province: String(row.province_code),
    group: String(row.ocop_group),
    stars: row.ocop_stars === null ? null : Number(row.ocop_stars),
    cooperativeKind: String(row.cooperative_kind),
    exportReady: Number(row.export_ready) === 1,
    certification: String(row.certification),
    products: Number(row.products),
  }),
  fill: (today) => [
    sql`SELECT ${DIMENSIONS}, '', count(*)
      FROM products p JOIN ${ACTIVE_COOPERATIVE}
      GROUP BY 1, 2, 3, 4, 5`,
    // The list's certification filter (product-list.ts, certifiedCondition): a verified certificate
    // valid today of the product itself or of its whole cooperative, as product_certificates holds
    // them by the product's search_key (kept by triggers: migrations/0049_product_certificates.sql).
    // DISTINCT keeps each (product, kind) once. Read from the certificates, with the cooperative's
    // joined to each of its products, this was 0.8-1.2 s at 200,000 products; 0.2 s this way.
    sql`SELECT ${DIMENSIONS}, held.kind, count(*)
      FROM (SELECT DISTINCT held.search_key, held.kind FROM product_certificates held
          WHERE ${heldOn(today)}) held
      CROSS JOIN products p INDEXED BY products_search_key_idx ON p.search_key = held.search_key
      JOIN ${ACTIVE_COOPERATIVE}
      GROUP BY 1, 2, 3, 4, 5, 6`,
  ],
};

/** Whether the cube answers this list's total and facets (see the module's comment). */
export function productCubeAnswers(filters: ProductFilters): boolean {
  return (
    !filters.q &&
    !filters.cooperative &&
    filters.minPrice === undefined &&
    filters.maxPrice === undefined &&
    (filters.certification?.length ?? 0) <= 1
  );
}

/** The filters the cube answers, already read (province codes, the minimum of stars). */
export interface CubeFilters {
  provinces: readonly string[] | undefined;
  groups: readonly string[] | undefined;
  minStars: number | undefined;
  /** The stars filter as given (not "OCOP only"), for the OCOP facet's count. */
  stars: number | undefined;
  cooperativeKind: string | undefined;
  exportReady: boolean;
  certification: string | undefined;
}

/** The list's total and its facets, summed from the cells. */
export function answerFromProductCube(
  cells: readonly ProductCell[],
  filters: CubeFilters,
): { total: number; facets: ProductFacets } {
  return answerOnce(cells, filters, () => sumProductCube(cells, filters));
}

function sumProductCube(cells: readonly ProductCell[], filters: CubeFilters): { total: number; facets: ProductFacets } {
  const { total, facets } = sumCube(cells, {
    certification: filters.certification,
    passes: (cell, except?: 'province' | 'group' | 'stars' | 'certification') =>
      (except === 'province' || !filters.provinces || filters.provinces.includes(cell.province)) &&
      (except === 'group' || !filters.groups || filters.groups.includes(cell.group)) &&
      (except === 'stars' || filters.minStars === undefined || (cell.stars ?? 0) >= filters.minStars) &&
      (filters.cooperativeKind === undefined || cell.cooperativeKind === filters.cooperativeKind) &&
      (!filters.exportReady || cell.exportReady),
    count: (cell) => cell.products,
    keys: { province: (cell) => cell.province, group: (cell) => cell.group, stars: (cell) => cell.stars },
  });
  return {
    total,
    facets: {
      province: byProvinceSlug(facets.province),
      group: facets.group,
      certification: facets.certification,
      ...starFacets(facets.stars, filters.stars),
    },
  };
}

/**
 * The stars and OCOP facets from products counted per number of stars:
 * `stars` counts "at least n stars" for 3, 4 and 5, as the filter reads, and
 * `ocop` the rated products ("true") with the minimum asked, if any.
 */
export function starFacets(byStars: FacetCounts, stars: number | undefined): Pick<ProductFacets, 'stars' | 'ocop'> {
  const atLeast = (min: number) =>
    Object.entries(byStars.counts).reduce((sum, [value, n]) => (Number(value) >= min ? sum + n : sum), 0);
  const starCounts = Object.fromEntries(
    OCOP_STARS.map((min) => [String(min), atLeast(min)]).filter(([, n]) => Number(n) > 0),
  ) as Record<string, number>;
  const rated = atLeast(stars ?? 3);
  return {
    stars: { counts: starCounts, isCapped: byStars.isCapped },
    // "OCOP only" on top of a minimum of stars changes nothing: its count honours that minimum.
    ocop: { counts: rated > 0 ? { true: rated } : {}, isCapped: byStars.isCapped },
  };
}
