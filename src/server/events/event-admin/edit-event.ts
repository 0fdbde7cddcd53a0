/** An officer's edit of an event that is not cancelled. */
import { requireOfficer } from '../../accounts/guards';
import type { SessionUser } from '../../accounts/users';
import type { Database } from '../../db/client';
import { ConflictError, ValidationError } from '../../errors';
import { type EventFields, parseEventInput } from '../event-input';
import { eventChangeNotices, movesEvent } from './event-change-mail';
import { changeEvent } from './event-changes';
import { slugAfterRename, withFreeSlug } from '../../slug-history/slug-history';
import { findManagedEvent, type ManagedEvent, provinceCodes } from './managed-event';

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

export interface UpdateOptions {
  now: Date;
  /** The event's updatedAt when the officer opened it; a later change by someone else is then a conflict. */
  unchangedSince?: Date;
  /** The origin of links in mail (PUBLIC_ORIGIN): with it, registered cooperatives hear of a move. */
  mailOrigin?: string | null;
}

/**
 * Saves an officer's edit of a draft or published event. A published event's
 * revision goes up (calendars replace their copy); a draft's need not. The
 * capacity cannot go below the booths that registrations already hold. A
 * published event whose dates or place change tells the cooperatives
 * registered for it in the same batch; `notificationEvent` names that mail.
 */
export async function updateEvent(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
  input: unknown,
  options: UpdateOptions,
): Promise<ManagedEvent & { notificationEvent: string | null }> {
  // A rename racing another one to the same name is written again with the next free slug.
  return withFreeSlug('event', async () => {
    const officer = requireOfficer(user);
    const event = await findManagedEvent(db, officer, slug);
    if (event.status === 'cancelled')
      throw new ConflictError('event is cancelled', { status: { code: 'event_cancelled' } });
    const fields = parseEventInput(input, await provinceCodes(db));
    if (fields.boothCapacity !== null && fields.boothCapacity < event.boothsTaken) {
      throw new ValidationError({
        boothCapacity: { code: 'below_booths_taken', params: { taken: event.boothsTaken } },
      });
    }
    const changed = (Object.keys(fields) as (keyof EventFields)[]).filter(
      (key) => !sameValue(fields[key], event.fields[key]),
    );
    if (changed.length === 0) return { ...event, notificationEvent: null };
    // A renamed event's address follows its title (the old one answers 301); mail links to the new one.
    const rename = await slugAfterRename(
      db,
      'event',
      event,
      { before: event.fields.titleVi, after: fields.titleVi },
      options.now,
    );
    const tell =
      event.status === 'published' && movesEvent(changed)
        ? await eventChangeNotices(
            db,
            { ...event, slug: rename.set.slug ?? event.slug },
            'changed',
            fields,
            options.mailOrigin ?? null,
            options.now,
          )
        : null;
    await changeEvent(db, {
      actor: officer,
      event,
      from: ['draft', 'published'],
      action: 'event.update',
      detail: { changed },
      set: { ...fields, ...rename.set },
      bumpRevision: event.status === 'published',
      capacity: fields.boothCapacity,
      unchangedSince: options.unchangedSince,
      now: options.now,
      also: (witnessed, auditId) => [...rename.history, ...(tell?.statements(witnessed, auditId) ?? [])],
    });
    const saved = await findManagedEvent(db, officer, rename.set.slug ?? slug);
    return { ...saved, notificationEvent: tell?.event() ?? null };
  });
}
