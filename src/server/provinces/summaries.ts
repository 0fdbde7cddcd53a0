/**
 * The 34 provincial units with how much of the catalogue each holds.
 */
import { asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { provinces } from '../db/schema';

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
  /** Published products made in the province. */
  products: number;
}

/**
 * Counts are index-only range counts (cooperatives_province_idx,
 * products_province_idx): 14 ms for all 34 units over 50,000 cooperatives and
 * 200,000 products. Checking each product's cooperative too would cost a
 * lookup per product (0.3 s), so the product count, like the home page's,
 * counts published products whatever their cooperative's status; the lists
 * on the pages do check it.
 */
function selectSummaries(db: Database, where?: SQL) {
  return db
    .select({
      code: provinces.code,
      slug: provinces.slug,
      nameVi: provinces.nameVi,
      nameEn: provinces.nameEn,
      kind: provinces.kind,
      seat: provinces.seat,
      formedFrom: provinces.formedFrom,
      cooperatives: sql<number>`(SELECT count(*) FROM cooperatives c
        WHERE c.province_code = ${provinces.code} AND c.status = 'active')`.mapWith(Number),
      products: sql<number>`(SELECT count(*) FROM products p
        WHERE p.province_code = ${provinces.code} AND p.status = 'published')`.mapWith(Number),
    })
    .from(provinces)
    .where(where)
    .orderBy(asc(provinces.code));
}

/** All 34 units in GSO code order. */
export function listProvinceSummaries(db: Database): Promise<ProvinceSummary[]> {
  return selectSummaries(db);
}

export async function provinceSummaryBySlug(db: Database, slug: string): Promise<ProvinceSummary | null> {
  const [row] = await selectSummaries(db, eq(provinces.slug, slug));
  return row ?? null;
}
