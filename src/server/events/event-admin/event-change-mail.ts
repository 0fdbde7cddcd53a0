/**
 * The mail that tells the cooperatives registered for an event (pending,
 * confirmed or on the waiting list) that it moved (its dates or place
 * changed) or was cancelled: one notification per manager and member, in
 * their language, queued in the change's own batch (event-changes.ts `also`)
 * under the change's audit entry, so each change is told once.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { dictionary, format } from '../../../i18n';
import { formatEventWhen } from '../../../i18n/event-dates';
import { eventPaths } from '../../../i18n/routes';
import type { Database } from '../../db/client';
import { cooperatives, eventRegistrations, users } from '../../db/schema';
import { eventNotices, type Recipient } from '../../notifications/outbox';
import type { EventFields } from '../event-input';
import type { ManagedEvent } from './managed-event';

/** The fields whose change moves an event in time or place: what a registered exhibitor must hear of. */
export const MOVING_FIELDS = [
  'startsAt',
  'endsAt',
  'allDay',
  'venue',
  'address',
  'provinceCode',
  'onlineUrl',
] as const satisfies readonly (keyof EventFields)[];

export const movesEvent = (changed: readonly string[]): boolean =>
  changed.some((field) => (MOVING_FIELDS as readonly string[]).includes(field));

/** Registrations still counting on the event (a declined or withdrawn one does not). */
const REGISTERED = ['pending', 'confirmed', 'waitlisted'] as const;

/**
 * The notices of `what` happened to `event` (its fields as they are after the
 * change); nobody is told without a mail origin (PUBLIC_ORIGIN).
 */
export async function eventChangeNotices(
  db: Database,
  event: ManagedEvent,
  what: 'changed' | 'cancelled',
  fields: EventFields,
  mailOrigin: string | null,
  now: Date,
  /** A cancellation's reason, which the public page shows too. */
  reason: string | null = null,
) {
  const people = mailOrigin
    ? await db
        .select({ userId: users.id, email: users.email, locale: users.locale, cooperative: cooperatives.name })
        .from(eventRegistrations)
        .innerJoin(cooperatives, eq(cooperatives.id, eventRegistrations.cooperativeId))
        .innerJoin(users, eq(users.cooperativeId, eventRegistrations.cooperativeId))
        .where(
          and(
            eq(eventRegistrations.eventId, event.id),
            inArray(eventRegistrations.status, [...REGISTERED]),
            eq(users.role, 'member'),
            isNull(users.disabledAt),
          ),
        )
        .orderBy(asc(users.id))
    : [];
  const cooperativeOf = new Map(people.map((person) => [person.userId, person.cooperative]));
  const mail = (recipient: Recipient) => {
    const t = dictionary(recipient.locale).notifications.eventChange;
    const place = [fields.venue, fields.address].filter(Boolean).join(', ');
    const words = {
      event: (recipient.locale === 'en' && fields.titleEn) || fields.titleVi,
      cooperative: cooperativeOf.get(recipient.userId) ?? '',
      when: formatEventWhen(fields, recipient.locale),
      where: [place, fields.onlineUrl ? `${t.online}: ${fields.onlineUrl}` : ''].filter(Boolean).join('\n'),
    };
    const link = new URL(eventPaths(event.slug)[recipient.locale], mailOrigin ?? '').href;
    const because = reason ? format(dictionary(recipient.locale).notifications.mail.reason, { reason }) : null;
    return {
      to: recipient.email,
      subject: format(t.subjects[what], words),
      text: [format(t.bodies[what], words), because, format(t.page, { link })].filter(Boolean).join('\n\n'),
    };
  };
  return eventNotices(db, people, { eventPrefix: `event_change:${event.id}`, kind: 'event_change', mail }, now);
}
