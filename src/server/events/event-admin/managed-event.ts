/**
 * An event as the trade officers see it: any status, drafts included, with
 * its bookkeeping (revision, series, booths taken), and what was done to it.
 * The public reads are in ../event-detail.ts and ../calendar.ts.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { requireOfficer } from '../../accounts/guards';
import type { SessionUser } from '../../accounts/users';
import { type AuditRecord, auditTrail } from '../../audit/audit-log';
import type { Database } from '../../db/client';
import { events, provinces } from '../../db/schema';
import { NotFoundError } from '../../errors';
import { currentSlug } from '../../slug-history/slug-history';
import { type EventFields, type EventInput, eventInputFromFields } from '../event-input';
import type { EventStatus } from '../vocabulary';
import { readStoredImage, type StoredImage } from '../../media/stored-image';

/** The audit log's entity type for events. */
export const EVENT_ENTITY = 'event';

/** An event as the officers see it: every status, its stored fields and its bookkeeping. */
export interface ManagedEvent {
  id: string;
  slug: string;
  status: EventStatus;
  cancelReason: string | null;
  revision: number;
  seriesId: string | null;
  publishedAt: Date | null;
  boothsTaken: number;
  createdAt: Date;
  updatedAt: Date;
  fields: EventFields;
  /** The cover officers uploaded, with its text alternatives (./event-cover.ts). */
  cover: StoredImage | null;
}

export type EventRow = typeof events.$inferSelect;

export function managedEvent(row: EventRow): ManagedEvent {
  const { id, slug, status, cancelReason, revision, seriesId, publishedAt, boothsTaken, createdAt, updatedAt } = row;
  const fields: EventFields = {
    kind: row.kind,
    titleVi: row.titleVi,
    titleEn: row.titleEn,
    descriptionVi: row.descriptionVi,
    descriptionEn: row.descriptionEn,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    allDay: row.allDay,
    venue: row.venue,
    address: row.address,
    provinceCode: row.provinceCode,
    onlineUrl: row.onlineUrl,
    organiser: row.organiser,
    registrationOpensAt: row.registrationOpensAt,
    registrationClosesAt: row.registrationClosesAt,
    boothCapacity: row.boothCapacity,
  };
  return {
    id,
    slug,
    status,
    cancelReason,
    revision,
    seriesId,
    publishedAt,
    boothsTaken,
    createdAt,
    updatedAt,
    fields,
    cover: readStoredImage(row.cover),
  };
}

/** The event's fields as the form and the API take them back (to edit or copy). */
export function managedEventInput(event: ManagedEvent): EventInput {
  return eventInputFromFields(event.fields);
}

/** The province codes an event may name (the event input's rules check against them). */
export async function provinceCodes(db: Database): Promise<ReadonlySet<string>> {
  return new Set((await db.select({ code: provinces.code }).from(provinces)).map((row) => row.code));
}

/** Any event by slug, for a trade officer (or admin); NotFoundError for an unknown slug. */
export async function findManagedEvent(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
): Promise<ManagedEvent> {
  requireOfficer(user);
  const [row] = await db.select().from(events).where(eq(events.slug, slug)).limit(1);
  if (row) return managedEvent(row);
  // An address from before a rename (a bookmark, the page a save came from) still finds the event.
  const current = await currentSlug(db, 'event', slug);
  if (!current) throw new NotFoundError('event');
  return findManagedEvent(db, user, current);
}

/** The events with these slugs, in date order (what a write just inserted). */
export async function findManagedEventsBySlugs(db: Database, slugs: string[]): Promise<ManagedEvent[]> {
  const rows = await db
    .select()
    .from(events)
    .where(inArray(events.slug, slugs))
    .orderBy(asc(events.startsAt), asc(events.id));
  return rows.map(managedEvent);
}

/** What was done to the event, newest first. */
export function eventHistory(db: Database, eventId: string): Promise<AuditRecord[]> {
  return auditTrail(db, EVENT_ENTITY, eventId, 50);
}
