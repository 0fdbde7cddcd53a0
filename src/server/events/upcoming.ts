import { and, asc, eq, gte } from 'drizzle-orm';
import type { Database } from '../db/client';
import { events, provinces } from '../db/schema';
import type { EventKind, EventStatus } from './vocabulary';
import { readStoredImage, type StoredImage } from '../media/stored-image';

export interface EventSummary {
  id: string;
  slug: string;
  kind: EventKind;
  titleVi: string;
  titleEn: string;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  online: boolean;
  /** Public events are published or cancelled; cancelled ones stay listed, marked as such. */
  status: EventStatus;
  provinceNameVi: string | null;
  provinceNameEn: string | null;
  /** The event's cover, shown small beside it in lists. */
  cover: StoredImage | null;
}

/** The columns of an EventSummary: `events` left-joined with its province. */
export const eventSummaryColumns = {
  id: events.id,
  slug: events.slug,
  kind: events.kind,
  titleVi: events.titleVi,
  titleEn: events.titleEn,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  allDay: events.allDay,
  onlineUrl: events.onlineUrl,
  status: events.status,
  provinceNameVi: provinces.nameVi,
  provinceNameEn: provinces.nameEn,
  cover: events.cover,
};

export type EventSummaryRow = Omit<EventSummary, 'online' | 'cover'> & { onlineUrl: string | null; cover: unknown };

/** A summary only says whether an event is online; its link belongs on the event page. */
export function toEventSummary({ onlineUrl, cover, ...row }: EventSummaryRow): EventSummary {
  return { ...row, online: onlineUrl !== null, cover: readStoredImage(cover) };
}

/** Published events that have not ended yet, soonest first (events_status_starts_idx). */
export async function listUpcomingEvents(db: Database, now: Date, limit = 5): Promise<EventSummary[]> {
  const rows = await db
    .select(eventSummaryColumns)
    .from(events)
    .leftJoin(provinces, eq(provinces.code, events.provinceCode))
    .where(and(eq(events.status, 'published'), gte(events.endsAt, now)))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(limit);
  return rows.map(toEventSummary);
}
