import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { eventRegistrations, events, provinces } from '../db/schema';
import { HOLDS_BOOTHS } from './registrations/registration-status';
import { type EventSummary, eventSummaryColumns, toEventSummary } from './upcoming';

/**
 * Published, unfinished events a cooperative takes part in: its confirmed or
 * pending registrations (event_registrations_cooperative_idx). Waitlisted,
 * declined and withdrawn ones do not mean it will be there.
 */
export async function listUpcomingEventsOfCooperative(
  db: Database,
  cooperativeId: string,
  now: Date,
  limit = 10,
): Promise<EventSummary[]> {
  const rows = await db
    .select(eventSummaryColumns)
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .leftJoin(provinces, eq(provinces.code, events.provinceCode))
    .where(
      and(
        eq(eventRegistrations.cooperativeId, cooperativeId),
        inArray(eventRegistrations.status, HOLDS_BOOTHS),
        eq(events.status, 'published'),
        gte(events.endsAt, now),
      ),
    )
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(limit);
  return rows.map(toEventSummary);
}
