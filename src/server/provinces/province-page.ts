import type { ProductCard } from '../products/card';
import { bestProductsInProvince } from '../products/card-queries';
import type { CooperativeCard } from '../cooperatives/card';
import { cooperativeCardsInProvince } from '../cooperatives/cards';
import type { Database } from '../db/client';
import { listUpcomingEventsInProvince } from '../events/by-province';
import type { EventSummary } from '../events/upcoming';
import { type ProvinceSummary, provinceSummaryBySlug } from './summaries';
import { found } from '../errors';
import { provinceBySlug } from './reference';
import type { AfterResponse } from '../search/facet-cube';
import { vietnamDate } from '../time/vietnam';

export const PROVINCE_COOPERATIVE_LIMIT = 12;
export const PROVINCE_PRODUCT_LIMIT = 12;
export const PROVINCE_EVENT_LIMIT = 6;

export interface ProvincePageData {
  province: ProvinceSummary;
  /** Most published products first. */
  cooperatives: CooperativeCard[];
  /** Best rated first. */
  products: ProductCard[];
  upcomingEvents: EventSummary[];
}

/** `later` runs a stale facet cube's refresh after the response (the counts come from the cubes). */
export async function getProvincePage(
  db: Database,
  slug: string,
  now: Date,
  later?: AfterResponse,
): Promise<ProvincePageData> {
  // The unit's code from the reference list the provinces table is seeded from (the two are held
  // equal by tests/api/seeding.test.ts), so its lists are read beside its summary, not after it.
  const { code } = found(provinceBySlug(slug), 'province');
  const [province, cooperatives, products, upcomingEvents] = await Promise.all([
    provinceSummaryBySlug(db, slug, { today: vietnamDate(now), ...(later ? { later } : {}) }),
    cooperativeCardsInProvince(db, code, PROVINCE_COOPERATIVE_LIMIT),
    bestProductsInProvince(db, code, PROVINCE_PRODUCT_LIMIT),
    listUpcomingEventsInProvince(db, code, now, PROVINCE_EVENT_LIMIT),
  ]);
  return { province: found(province, 'province'), cooperatives, products, upcomingEvents };
}
