/**
 * An event's life, moved by trade officers:
 *
 * draft ─publish→ published ─cancel(reason)→ cancelled
 *   └─delete→ (gone: nobody outside the department saw it)
 * Drafts are never public. A published event stays editable (edit-event.ts),
 * and every change to it (an edit, its cancellation) bumps `revision`, the
 * iCalendar SEQUENCE, so subscribed calendars take the new version. A
 * cancelled event stays public with its reason and is not edited again.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { requireOfficer } from '../../accounts/guards';
import type { SessionUser } from '../../accounts/users';
import { auditEntryExists, auditEntryWritten, auditInsertSelect } from '../../audit/audit-log';
import type { Database } from '../../db/client';
import { newId } from '../../db/ids';
import { events } from '../../db/schema';
import { parseInput } from '../../validation';
import { eventChangeNotices } from './event-change-mail';
import { changeEvent, refuseUnwrittenChange, requireEventStatus } from './event-changes';
import { EVENT_ENTITY, findManagedEvent, type ManagedEvent } from './managed-event';

export const CANCEL_REASON_MAX = 500;

/** A draft goes public: the calendar, feeds, sitemap and its page. */
export async function publishEvent(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
  now: Date,
): Promise<ManagedEvent> {
  const officer = requireOfficer(user);
  const event = await findManagedEvent(db, officer, slug);
  await changeEvent(db, {
    actor: officer,
    event,
    from: ['draft'],
    action: 'event.publish',
    detail: {},
    set: { status: 'published', publishedAt: now },
    bumpRevision: false,
    now,
  });
  return findManagedEvent(db, officer, slug);
}

export const cancelInputSchema = z.strictObject({ reason: z.string().trim().min(5).max(CANCEL_REASON_MAX) });

/**
 * Calls off a published event. It stays public, marked, with the reason;
 * calendars get STATUS:CANCELLED with a higher SEQUENCE. (A draft is not
 * cancelled: nobody saw it.) With a mail origin (PUBLIC_ORIGIN), the
 * cooperatives registered for it are told in the same batch;
 * `notificationEvent` names that mail, to send after the response.
 */
export async function cancelEvent(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
  input: unknown,
  now: Date,
  mailOrigin: string | null = null,
): Promise<ManagedEvent & { notificationEvent: string | null }> {
  const officer = requireOfficer(user);
  const event = await findManagedEvent(db, officer, slug);
  const { reason } = parseInput(cancelInputSchema, input);
  const tell = await eventChangeNotices(db, event, 'cancelled', event.fields, mailOrigin, now, reason);
  await changeEvent(db, {
    actor: officer,
    event,
    from: ['published'],
    action: 'event.cancel',
    detail: { reason },
    set: { status: 'cancelled', cancelReason: reason },
    bumpRevision: true,
    now,
    also: tell.statements,
  });
  return { ...(await findManagedEvent(db, officer, slug)), notificationEvent: tell.event() };
}

/**
 * Deletes a draft (a copy made by mistake, an event that will not happen
 * after all). Only drafts: a published or cancelled event has been seen and
 * subscribed to, so it is cancelled instead and stays public. The audit entry
 * (with the title, for the record) and the deletion are one batch, and the
 * deletion applies only if the event is still a draft when it runs.
 */
export async function deleteDraftEvent(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
  now: Date,
): Promise<void> {
  const officer = requireOfficer(user);
  const event = await findManagedEvent(db, officer, slug);
  requireEventStatus(event, ['draft']);
  const auditId = newId();
  const detail = JSON.stringify({ slug: event.slug, title: event.fields.titleVi });
  await db.batch([
    auditInsertSelect(
      db,
      { id: auditId, actorUserId: officer.id, action: 'event.delete', entityType: EVENT_ENTITY, at: now },
      { entityId: sql`${events.id}`, detail: sql`${detail}` },
      events,
      and(eq(events.id, event.id), eq(events.status, 'draft')),
    ),
    db.delete(events).where(and(eq(events.id, event.id), auditEntryExists(auditId))),
  ]);
  if (await auditEntryWritten(db, auditId)) return;
  // Published by another officer between the read and the batch (or deleted by one).
  await refuseUnwrittenChange(db, event);
}
