/** The trade officers' list of events: every status, drafts too, with how their booth registrations stand. */
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { requireOfficer } from '../../accounts/guards';
import type { SessionUser } from '../../accounts/users';
import type { Database } from '../../db/client';
import { eventRegistrations, events } from '../../db/schema';
import { countCapped } from '../../search/list-query';
import { parseInput } from '../../validation';
import type { EventFields } from '../event-input';
import { EVENT_STATUSES, type RegistrationStatus } from '../vocabulary';
import { type ManagedEvent, managedEvent } from './managed-event';

export const MANAGED_PAGE_SIZE = 50;

export interface ManagedEventRow extends Omit<ManagedEvent, 'fields'> {
  kind: EventFields['kind'];
  titleVi: string;
  titleEn: string;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  boothCapacity: number | null;
  /** Whether the event takes booth registrations (a capacity or a window). */
  takesRegistrations: boolean;
  registrations: Record<RegistrationStatus, number>;
}

export const managedListSchema = z.object({
  status: z.enum(EVENT_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});
export type ManagedListQuery = z.input<typeof managedListSchema>;

/** Every event, drafts too, latest start first, with its registration counts. */
export async function listManagedEvents(
  db: Database,
  user: SessionUser | null | undefined,
  query: ManagedListQuery = {},
) {
  requireOfficer(user);
  const { status, page } = parseInput(managedListSchema, query);
  const where = status ? eq(events.status, status) : undefined;
  const [rows, count] = await Promise.all([
    db
      .select()
      .from(events)
      .where(where)
      .orderBy(desc(events.startsAt), asc(events.id))
      .limit(MANAGED_PAGE_SIZE)
      .offset((page - 1) * MANAGED_PAGE_SIZE),
    countCapped(db, where ? sql`FROM ${events} WHERE ${where}` : sql`FROM ${events}`),
  ]);
  const counts =
    rows.length === 0
      ? []
      : await db
          .select({
            eventId: eventRegistrations.eventId,
            status: eventRegistrations.status,
            count: sql<number>`count(*)`,
          })
          .from(eventRegistrations)
          .where(
            inArray(
              eventRegistrations.eventId,
              rows.map((row) => row.id),
            ),
          )
          .groupBy(eventRegistrations.eventId, eventRegistrations.status);
  const items: ManagedEventRow[] = rows.map((row) => {
    const { fields, ...event } = managedEvent(row);
    const registrations = { pending: 0, confirmed: 0, waitlisted: 0, declined: 0, withdrawn: 0 };
    for (const c of counts) if (c.eventId === row.id) registrations[c.status] = Number(c.count);
    return {
      ...event,
      kind: fields.kind,
      titleVi: fields.titleVi,
      titleEn: fields.titleEn,
      startsAt: fields.startsAt,
      endsAt: fields.endsAt,
      allDay: fields.allDay,
      boothCapacity: fields.boothCapacity,
      takesRegistrations: fields.boothCapacity !== null || fields.registrationOpensAt !== null,
      registrations,
    };
  });
  return { items, ...count, page, limit: MANAGED_PAGE_SIZE, status: status ?? null };
}
