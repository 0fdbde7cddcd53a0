import { listFeaturedProducts, type ProductCard } from '../products/featured';
import type { Database } from '../db/client';
import { listUpcomingEvents, type EventSummary } from '../events/upcoming';
import { type PortalSummary, readPortalSummary } from '../stats/summary';

export interface HomePageData {
  summary: PortalSummary;
  featured: ProductCard[];
  upcoming: EventSummary[];
}

/** Everything the home page shows, read concurrently. */
export async function loadHomePage(db: Database, now: Date): Promise<HomePageData> {
  const [summary, featured, upcoming] = await Promise.all([
    readPortalSummary(db, now),
    listFeaturedProducts(db, 8),
    listUpcomingEvents(db, now, 5),
  ]);
  return { summary, featured, upcoming };
}
