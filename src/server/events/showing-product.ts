/**
 * The fairs where a product will be on show: published events not yet ended
 * at which its cooperative's confirmed registration lists it, soonest first.
 * The product page names them in one line (its 14 KB budget has no room for
 * more), so buyers can meet the producer in person.
 */
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database } from '../db/client';
import { eventRegistrationProducts, eventRegistrations, events } from '../db/schema';

/** A line, not a list: the event page has the rest. */
export const FAIRS_SHOWN_ON_PRODUCT = 3;

export interface FairShowingProduct {
  slug: string;
  titleVi: string;
  titleEn: string;
  startsAt: Date;
}

export function upcomingFairsShowing(db: Database, productId: string, now: Date): Promise<FairShowingProduct[]> {
  return db
    .select({ slug: events.slug, titleVi: events.titleVi, titleEn: events.titleEn, startsAt: events.startsAt })
    .from(eventRegistrationProducts)
    .innerJoin(eventRegistrations, eq(eventRegistrations.id, eventRegistrationProducts.registrationId))
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(
      and(
        eq(eventRegistrationProducts.productId, productId),
        eq(eventRegistrations.status, 'confirmed'),
        eq(events.status, 'published'),
        gt(events.endsAt, now),
      ),
    )
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(FAIRS_SHOWN_ON_PRODUCT);
}
