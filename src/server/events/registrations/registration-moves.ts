/**
 * How a registration's status and the event's booth count change together.
 *
 * Booths are never oversold. events.booths_taken counts the booths of pending
 * and confirmed registrations and changes only inside the db.batch that
 * changes a registration, by a conditional UPDATE whose condition the same
 * batch decided; SQLite runs a batch as one transaction, so two cooperatives
 * racing for the last booth are serialised and the second one is waitlisted,
 * never lost. The schema's CHECK (booths_taken <= booth_capacity) backs this up.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SessionUser } from '../../accounts/users';
import { auditEntryExists, auditEntryWritten, auditInsertIf } from '../../audit/audit-log';
import type { Database } from '../../db/client';
import { newId } from '../../db/ids';
import { eventRegistrations, events } from '../../db/schema';
import { ConflictError } from '../../errors';
import type { RegistrationStatus } from '../vocabulary';
import { boothDirection } from './registration-status';

/** The audit log's entity type for registrations. */
export const REGISTRATION_ENTITY = 'event_registration';

/** On the events row being updated: `booths` more still fit its capacity (or it has none). */
export function boothsFit(booths: number): SQL {
  return sql`(${events.boothCapacity} IS NULL OR ${events.boothsTaken} + ${booths} <= ${events.boothCapacity})`;
}

/** The same question about event `eventId`, asked from another statement of the batch. */
export function boothsFitIn(eventId: string, booths: number): SQL {
  return sql`(SELECT ${boothsFit(booths)} FROM ${events} WHERE ${events.id} = ${eventId})`;
}

/** The booth count moved by `booths` (negative frees them), on the events row being updated. */
export function boothsTakenPlus(booths: number): SQL {
  return sql`${events.boothsTaken} + ${booths}`;
}

export interface RegistrationRef {
  id: string;
  eventId: string;
  eventSlug: string;
  cooperativeId: string;
  booths: number;
  status: RegistrationStatus;
}

/** A registration of the event with this slug (a registration id under another event's path is not found). */
export async function findRegistration(
  db: Database,
  eventSlug: string,
  registrationId: string,
): Promise<RegistrationRef | null> {
  const [row] = await db
    .select({
      id: eventRegistrations.id,
      eventId: eventRegistrations.eventId,
      eventSlug: events.slug,
      cooperativeId: eventRegistrations.cooperativeId,
      booths: eventRegistrations.booths,
      status: eventRegistrations.status,
    })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(and(eq(eventRegistrations.id, registrationId), eq(events.slug, eventSlug)))
    .limit(1);
  return row ?? null;
}

/** Why a move that was allowed when read did not happen. */
async function explainMissedMove(db: Database, registration: RegistrationRef): Promise<never> {
  const [now] = await db
    .select({ status: eventRegistrations.status })
    .from(eventRegistrations)
    .where(eq(eventRegistrations.id, registration.id));
  if (now && now.status !== registration.status)
    throw new ConflictError('status changed meanwhile', { status: { code: 'status_changed' } });
  throw new ConflictError('no booths left', { status: { code: 'no_booths_left' } });
}

/**
 * Moves a registration from the status it was read with to `to`, in one
 * batch: the audit entry is written only if the registration still has that
 * status (and, when the move takes booths, they still fit); the booth count
 * and the status then change only if that entry exists. So a move that lost a
 * race changes nothing, and the count can never drift from the statuses;
 * it is then refused with the reason (409).
 */
export async function moveRegistration(
  db: Database,
  registration: RegistrationRef,
  to: RegistrationStatus,
  actor: SessionUser,
  action: string,
  now: Date,
  /** Statements of the same batch (e.g. mail about the move), given what holds when it happened and its entry's id. */
  also: (witnessed: SQL, auditId: string) => BatchItem<'sqlite'>[] = () => [],
): Promise<void> {
  const auditId = newId();
  const { id, eventId, booths, status: from } = registration;
  const direction = boothDirection(from, to);
  const stillFrom = sql`EXISTS (SELECT 1 FROM ${eventRegistrations} WHERE ${eventRegistrations.id} = ${id} AND ${eventRegistrations.status} = ${from})`;
  const witnessed = auditEntryExists(auditId);
  const audit = auditInsertIf(
    db,
    {
      id: auditId,
      actorUserId: actor.id,
      action,
      entityType: REGISTRATION_ENTITY,
      entityId: id,
      detail: { event: registration.eventSlug, from, to, booths },
      at: now,
    },
    direction === 1 ? sql`${stillFrom} AND ${boothsFitIn(eventId, booths)}` : stillFrom,
  );
  const setStatus = db
    .update(eventRegistrations)
    .set({ status: to, updatedAt: now })
    .where(and(eq(eventRegistrations.id, id), witnessed));
  const more = also(witnessed, auditId);
  if (direction === 0) await db.batch([audit, setStatus, ...more]);
  else {
    const count = db
      .update(events)
      .set({ boothsTaken: boothsTakenPlus(direction * booths) })
      .where(and(eq(events.id, eventId), witnessed, direction === 1 ? boothsFit(booths) : undefined));
    await db.batch([audit, count, setStatus, ...more]);
  }
  if (!(await auditEntryWritten(db, auditId))) await explainMissedMove(db, registration);
}
