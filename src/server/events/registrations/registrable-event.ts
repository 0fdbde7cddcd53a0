/** The event side of a registration: a public event, with its window and booths. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { events } from '../../db/schema';
import { NotFoundError } from '../../errors';
import { PUBLIC_EVENT_STATUSES } from '../calendar';
import type { EventStatus } from '../vocabulary';

export interface RegistrableEvent {
  id: string;
  slug: string;
  titleVi: string;
  titleEn: string;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  /** An all-day event's end is the midnight after its last day (see events/event-days.ts). */
  allDay: boolean;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  boothCapacity: number | null;
  boothsTaken: number;
}

export const registrableEventColumns = {
  id: events.id,
  slug: events.slug,
  titleVi: events.titleVi,
  titleEn: events.titleEn,
  status: events.status,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  allDay: events.allDay,
  registrationOpensAt: events.registrationOpensAt,
  registrationClosesAt: events.registrationClosesAt,
  boothCapacity: events.boothCapacity,
  boothsTaken: events.boothsTaken,
};

/** A public (published or cancelled) event by slug, or NotFoundError. */
export async function findRegistrableEvent(db: Database, slug: string): Promise<RegistrableEvent> {
  const [event] = await db
    .select(registrableEventColumns)
    .from(events)
    .where(and(eq(events.slug, slug), inArray(events.status, PUBLIC_EVENT_STATUSES)))
    .limit(1);
  if (!event) throw new NotFoundError('event');
  return event;
}
