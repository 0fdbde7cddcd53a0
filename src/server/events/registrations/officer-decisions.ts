/** The trade officers' decisions on booth registrations: confirm, waitlist or decline. */
import { requireOfficer } from '../../accounts/guards';
import type { SessionUser } from '../../accounts/users';
import type { Database } from '../../db/client';
import { ConflictError, NotFoundError } from '../../errors';
import { findRegistration, moveRegistration } from './registration-moves';
import { type OfficerDecision, officerMayMove } from './registration-status';

/** A trade officer's decision on a registration; booths follow (see registration-moves.ts). */
export async function decideRegistration(
  db: Database,
  user: SessionUser | null | undefined,
  eventSlug: string,
  registrationId: string,
  to: OfficerDecision,
  now: Date,
): Promise<void> {
  const officer = requireOfficer(user);
  const registration = await findRegistration(db, eventSlug, registrationId);
  if (!registration) throw new NotFoundError('registration');
  if (!officerMayMove(registration.status, to))
    throw new ConflictError('not a move', { status: { code: 'status_changed' } });
  const verb = { confirmed: 'confirm', waitlisted: 'waitlist', declined: 'decline' }[to];
  await moveRegistration(db, registration, to, officer, `event_registration.${verb}`, now);
}
