import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cachedFigure } from './cached';

export interface PortalSummary {
  cooperatives: number;
  products: number;
  ocopProducts: number;
  provinces: number;
}

/**
 * Headline counts for the home page, in one round trip. Each count walks an
 * index only (cooperatives_status_name_idx, products_status_*_idx); at national
 * scale that is still a few milliseconds each: maintained counters can replace them.
 */
export async function countPortalSummary(db: Database): Promise<PortalSummary> {
  const [row] = await db.all<{ cooperatives: number; products: number; ocop: number; provinces: number }>(sql`
    SELECT
      (SELECT count(*) FROM cooperatives WHERE status = 'active') AS cooperatives,
      (SELECT count(*) FROM products WHERE status = 'published') AS products,
      (SELECT count(*) FROM products WHERE status = 'published' AND ocop_stars IS NOT NULL) AS ocop,
      -- 34 probes of cooperatives_province_idx, not a DISTINCT over every cooperative.
      (SELECT count(*) FROM provinces pr WHERE EXISTS (
        SELECT 1 FROM cooperatives c WHERE c.province_code = pr.code AND c.status = 'active')) AS provinces
  `);
  return {
    cooperatives: Number(row?.cooperatives ?? 0),
    products: Number(row?.products ?? 0),
    ocopProducts: Number(row?.ocop ?? 0),
    provinces: Number(row?.provinces ?? 0),
  };
}

/** How stale the home page's counts may be: a catalogue does not change by the second. */
export const PORTAL_SUMMARY_TTL_MS = 10 * 60 * 1000;

/** The headline counts as last computed, at most ten minutes old. */
export function readPortalSummary(db: Database, now: Date): Promise<PortalSummary> {
  return cachedFigure(db, 'portal-summary', { now, ttlMs: PORTAL_SUMMARY_TTL_MS }, () => countPortalSummary(db));
}
