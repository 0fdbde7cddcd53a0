/**
 * The cooperative directory's facet cube (search/facet-cube.ts): active
 * cooperatives per (province, kind, sector, classification, has a published
 * OCOP-rated product), and per certification kind valid on the cube's day.
 *
 * What it answers: a directory with no search words and at most one
 * certification kind (several OR-ed kinds would count a cooperative with two
 * of them twice; that list is scanned). Every other filter is one value per
 * cooperative, so any choice of values sums exactly.
 */
import { type SQL, sql } from 'drizzle-orm';
import { certificateCountsOn, verifiedField } from '../claims/public-claims';
import { cooperativeFacetCells } from '../db/schema';
import { byProvinceSlug } from '../search/facets';
import { answerOnce, type CubeDefinition, sumCube } from '../search/facet-cube';
import type { DirectoryFilters } from './directory-filters';
import type { DirectoryFacet, DirectoryFacets } from './directory';

/** Cooperative `c` has a published OCOP-rated product: the directory's "has OCOP" filter and the cube's dimension. */
// Pinned to the cooperative's own products: the stars index would read the whole catalogue per row.
export const HAS_OCOP_SQL = sql`EXISTS (SELECT 1 FROM products p INDEXED BY products_cooperative_idx
  WHERE p.cooperative_id = c.id AND p.status = 'published' AND p.ocop_stars IS NOT NULL)`;

/**
 * Condition on a certificate `cert` of a cooperative: it counts today, and it
 * is the cooperative's own or one of its published products' (a product's
 * certificate carries its cooperative too). A draft's certificate says
 * nothing to a buyer yet.
 */
export function certificateOfCooperative(today: string): SQL {
  return sql`${certificateCountsOn('cert', today)}
    AND (cert.product_id IS NULL OR EXISTS (SELECT 1 FROM products cp
      WHERE cp.id = cert.product_id AND cp.status = 'published'))`;
}

export interface CooperativeCell {
  province: string;
  kind: string;
  sector: string;
  classification: string | null;
  hasOcop: boolean;
  /** '' for all cooperatives of the cell. */
  certification: string;
  cooperatives: number;
}

// In the order of cooperative_facet_cells' columns, as the cube's fill selects them.
const DIMENSIONS = sql`c.province_code, c.kind, c.sector, c.classification, ${HAS_OCOP_SQL}`;

export const COOPERATIVE_CUBE: CubeDefinition<CooperativeCell> = {
  name: 'cooperatives',
  table: cooperativeFacetCells,
  parse: (row) => ({
    province: String(row.province_code),
    kind: String(row.kind),
    sector: String(row.sector),
    classification: row.classification === null ? null : String(row.classification),
    hasOcop: Number(row.has_ocop) === 1,
    certification: String(row.certification),
    cooperatives: Number(row.cooperatives),
  }),
  fill: (today) => [
    sql`SELECT ${DIMENSIONS}, '', count(*) FROM cooperatives c WHERE c.status = 'active'
      GROUP BY 1, 2, 3, 4, 5`,
    sql`SELECT ${DIMENSIONS}, held.kind, count(*)
      FROM (SELECT DISTINCT cert.cooperative_id AS id, ${verifiedField('cert', 'kind')} AS kind
        FROM certifications cert WHERE ${certificateOfCooperative(today)}) held
      JOIN cooperatives c ON c.id = held.id
      WHERE c.status = 'active'
      GROUP BY 1, 2, 3, 4, 5, 6`,
  ],
};

/** Whether the cube answers this directory's total and facets (see the module's comment). */
export function directoryCubeAnswers(filters: DirectoryFilters, hasWords: boolean): boolean {
  return !hasWords && (filters.certification?.length ?? 0) <= 1;
}

/** The directory's total and facets, summed from the cells; `provinces` are codes. */
export function answerFromDirectoryCube(
  cells: readonly CooperativeCell[],
  filters: DirectoryFilters,
  provinces: readonly string[] | undefined,
): { total: number; facets: DirectoryFacets } {
  const { kind, sector, classification, hasOcop, certification } = filters;
  const question = { provinces, kind, sector, classification, hasOcop, certification };
  return answerOnce(cells, question, () => sumDirectoryCube(cells, filters, provinces));
}

function sumDirectoryCube(
  cells: readonly CooperativeCell[],
  filters: DirectoryFilters,
  provinces: readonly string[] | undefined,
): { total: number; facets: DirectoryFacets } {
  const among = (values: readonly string[] | undefined, value: string | null) =>
    !values || (value !== null && values.includes(value));
  const { total, facets } = sumCube(cells, {
    certification: filters.certification?.[0],
    passes: (cell, except?: DirectoryFacet) =>
      (except === 'province' || among(provinces, cell.province)) &&
      (except === 'kind' || among(filters.kind, cell.kind)) &&
      (except === 'sector' || among(filters.sector, cell.sector)) &&
      (except === 'classification' || among(filters.classification, cell.classification)) &&
      (filters.hasOcop === undefined || cell.hasOcop === filters.hasOcop),
    count: (cell) => cell.cooperatives,
    keys: {
      province: (cell) => cell.province,
      kind: (cell) => cell.kind,
      sector: (cell) => cell.sector,
      classification: (cell) => cell.classification,
    },
  });
  return { total, facets: { ...facets, province: byProvinceSlug(facets.province) } };
}
