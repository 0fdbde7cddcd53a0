/**
 * How a change to an existing event is written. Every change goes with its
 * audit entry in one db.batch, conditional on what the officer saw (its status
 * and last update, and for capacity the booths already taken): the audit entry
 * is inserted only if that still holds, and the change applies only where the
 * entry exists (see auditInsertSelect), so a change that lost a race to
 * another officer or to a cooperative's registration writes nothing at all.
 */
import { and, eq, lte, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SessionUser } from '../../accounts/users';
import { auditEntryExists, auditEntryWritten, auditInsertSelect } from '../../audit/audit-log';
import type { Database } from '../../db/client';
import { newId } from '../../db/ids';
import { events } from '../../db/schema';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { EventStatus } from '../vocabulary';
import { EVENT_ENTITY, type ManagedEvent } from './managed-event';

export interface EventChange {
  actor: SessionUser;
  event: ManagedEvent;
  /** Statuses the change is allowed from; it happens only if the event still has the status it was read with. */
  from: readonly EventStatus[];
  action: string;
  detail: Record<string, unknown>;
  set: Partial<typeof events.$inferInsert>;
  /** Raise the SEQUENCE (any change to what the public sees). */
  bumpRevision: boolean;
  /** Only while the booths already taken fit this capacity. */
  capacity?: number | null;
  /** Only if nobody changed the event since this instant (what the officer edited is what gets saved). */
  unchangedSince?: Date;
  now: Date;
  /** Statements for the same batch, written only with the change's audit entry (its notifications). */
  also?: (witnessed: SQL, auditId: string) => BatchItem<'sqlite'>[];
}

/** Refuses a verb the event's status does not allow (409, saying the status). */
export function requireEventStatus(event: ManagedEvent, from: readonly EventStatus[]): void {
  if (!from.includes(event.status))
    throw new ConflictError(`event is ${event.status}`, { status: { code: `event_${event.status}` } });
}

/**
 * Why a conditional write to `event` wrote nothing: the event is gone (404),
 * its status moved on, the booths taken no longer fit `capacity` (422), or
 * someone edited it meanwhile (409).
 */
export async function refuseUnwrittenChange(
  db: Database,
  event: ManagedEvent,
  capacity?: number | null,
): Promise<never> {
  const [now] = await db.select().from(events).where(eq(events.id, event.id)).limit(1);
  if (!now) throw new NotFoundError('event');
  if (now.status !== event.status)
    throw new ConflictError('status changed meanwhile', { status: { code: 'event_changed' } });
  if (typeof capacity === 'number' && now.boothsTaken > capacity) {
    throw new ValidationError({ boothCapacity: { code: 'below_booths_taken', params: { taken: now.boothsTaken } } });
  }
  throw new ConflictError('edited meanwhile', { status: { code: 'event_changed' } });
}

/** Applies a change to an existing event with its audit entry (see the module's comment); explains a change that did not happen. */
export async function changeEvent(db: Database, change: EventChange): Promise<void> {
  const { event } = change;
  requireEventStatus(event, change.from);
  const auditId = newId();
  const conditions: (SQL | undefined)[] = [
    eq(events.id, event.id),
    eq(events.status, event.status),
    change.unchangedSince ? eq(events.updatedAt, change.unchangedSince) : undefined,
    typeof change.capacity === 'number' ? lte(events.boothsTaken, change.capacity) : undefined,
  ];
  const entry = {
    id: auditId,
    actorUserId: change.actor.id,
    action: change.action,
    entityType: EVENT_ENTITY,
    at: change.now,
  };
  const detail = JSON.stringify({ slug: event.slug, from: event.status, ...change.detail });
  await db.batch([
    auditInsertSelect(db, entry, { entityId: sql`${events.id}`, detail: sql`${detail}` }, events, and(...conditions)),
    db
      .update(events)
      .set({
        ...change.set,
        revision: change.bumpRevision ? sql`${events.revision} + 1` : sql`${events.revision}`,
        updatedAt: change.now,
      })
      .where(and(eq(events.id, event.id), auditEntryExists(auditId))),
    ...(change.also?.(auditEntryExists(auditId), auditId) ?? []),
  ]);
  if (await auditEntryWritten(db, auditId)) return;
  await refuseUnwrittenChange(db, event, change.capacity);
}
