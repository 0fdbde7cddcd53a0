import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';

export interface PortalSummary {
  cooperatives: number;
  products: number;
  ocopProducts: number;
  provinces: number;
}

/**
 * Headline counts for the home page, in one round trip. Each count is an
 * index-only scan (cooperatives_province_idx, products_status_stars_idx).
 */
export async function readPortalSummary(db: Database): Promise<PortalSummary> {
  const [row] = await db.all<{ cooperatives: number; products: number; ocop: number; provinces: number }>(sql`
    SELECT
      (SELECT count(*) FROM cooperatives WHERE status = 'active') AS cooperatives,
      (SELECT count(*) FROM products WHERE status = 'published') AS products,
      (SELECT count(*) FROM products WHERE status = 'published' AND ocop_stars IS NOT NULL) AS ocop,
      (SELECT count(DISTINCT province_code) FROM cooperatives WHERE status = 'active') AS provinces
  `);
  return {
    cooperatives: Number(row?.cooperatives ?? 0),
    products: Number(row?.products ?? 0),
    ocopProducts: Number(row?.ocop ?? 0),
    provinces: Number(row?.provinces ?? 0),
  };
}
