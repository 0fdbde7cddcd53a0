import { and, asc, eq, gte } from 'drizzle-orm';
import type { Database } from '../db/client';
import { events, provinces } from '../db/schema';
import { type EventSummary, eventSummaryColumns, toEventSummary } from './upcoming';

/**
 * Published events in a province that have not ended, soonest first. Walks
 * events_province_starts_idx from the province's oldest event: a province
 * holds a few hundred events at most, so the finished ones cost little.
 */
export async function listUpcomingEventsInProvince(
  db: Database,
  provinceCode: string,
  now: Date,
  limit = 6,
): Promise<EventSummary[]> {
  const rows = await db
    .select(eventSummaryColumns)
    .from(events)
    .leftJoin(provinces, eq(provinces.code, events.provinceCode))
    .where(and(eq(events.provinceCode, provinceCode), eq(events.status, 'published'), gte(events.endsAt, now)))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(limit);
  return rows.map(toEventSummary);
}
