/** The trade officers' decisions on booth registrations: confirm, waitlist or decline. */
import { eq } from 'drizzle-orm';
import { dictionary, format } from '../../../i18n';
import { requireOfficer } from '../../accounts/guards';
import type { SessionUser } from '../../accounts/users';
import type { Database } from '../../db/client';
import { cooperatives, events } from '../../db/schema';
import { ConflictError, NotFoundError } from '../../errors';
import { decisionMail } from '../../notifications/decision-mail';
import { decisionNotices, type Recipient } from '../../notifications/outbox';
import { findRegistration, moveRegistration, type RegistrationRef } from './registration-moves';
import { type OfficerDecision, officerMayMove } from './registration-status';

/**
 * A trade officer's decision on a registration; booths follow (see registration-moves.ts). With a mail
 * origin (PUBLIC_ORIGIN), the cooperative's people are told in the same batch; `notificationEvent` names
 * that mail, to send after the response.
 */
export async function decideRegistration(
  db: Database,
  user: SessionUser | null | undefined,
  eventSlug: string,
  registrationId: string,
  to: OfficerDecision,
  now: Date,
  mailOrigin: string | null = null,
): Promise<{ notificationEvent: string | null }> {
  const officer = requireOfficer(user);
  const registration = await findRegistration(db, eventSlug, registrationId);
  if (!registration) throw new NotFoundError('registration');
  if (!officerMayMove(registration.status, to))
    throw new ConflictError('not a move', { status: { code: 'status_changed' } });
  const verb = { confirmed: 'confirm', waitlisted: 'waitlist', declined: 'decline' }[to];
  const tell = await registrationDecisionNotices(db, registration, to, mailOrigin, now);
  await moveRegistration(db, registration, to, officer, `event_registration.${verb}`, now, tell.statements);
  return { notificationEvent: tell.event() };
}

async function registrationDecisionNotices(
  db: Database,
  registration: RegistrationRef,
  to: OfficerDecision,
  mailOrigin: string | null,
  now: Date,
) {
  const [names] = mailOrigin
    ? await db
        .select({ titleVi: events.titleVi, titleEn: events.titleEn, cooperative: cooperatives.name })
        .from(events)
        .innerJoin(cooperatives, eq(cooperatives.id, registration.cooperativeId))
        .where(eq(events.id, registration.eventId))
        .limit(1)
    : [];
  const mail = (recipient: Recipient) => {
    const t = dictionary(recipient.locale);
    const m = t.notifications.registrationDecision;
    const words = {
      event: (recipient.locale === 'en' && names?.titleEn) || (names?.titleVi ?? ''),
      cooperative: names?.cooperative ?? '',
      booths: registration.booths,
      status: t.registrations.statuses[to],
    };
    const text = { subject: format(m.subjects[to], words), body: format(m.body, words), reason: null };
    return decisionMail(recipient, { ...text, page: 'myRegistrations' }, mailOrigin ?? '');
  };
  const item = {
    eventPrefix: `registration_decision:${registration.id}`,
    kind: 'registration_decision' as const,
    mail,
  };
  return decisionNotices(db, registration.cooperativeId, item, names !== undefined, now);
}
