import type { ProductCard } from '../products/card';
import { bestProductsInProvince } from '../products/card-queries';
import type { CooperativeCard } from '../cooperatives/card';
import { cooperativeCardsInProvince } from '../cooperatives/cards';
import type { Database } from '../db/client';
import { listUpcomingEventsInProvince } from '../events/by-province';
import type { EventSummary } from '../events/upcoming';
import { type ProvinceSummary, provinceSummaryBySlug } from './summaries';
import { found } from '../errors';
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
  const province = found(
    await provinceSummaryBySlug(db, slug, { today: vietnamDate(now), ...(later ? { later } : {}) }),
    'province',
  );
  const [cooperatives, products, upcomingEvents] = await Promise.all([
    cooperativeCardsInProvince(db, province.code, PROVINCE_COOPERATIVE_LIMIT),
    bestProductsInProvince(db, province.code, PROVINCE_PRODUCT_LIMIT),
    listUpcomingEventsInProvince(db, province.code, now, PROVINCE_EVENT_LIMIT),
  ]);
  return { province, cooperatives, products, upcomingEvents };
}
