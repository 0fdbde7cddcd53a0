/**
 * A cooperative's own verbs: register for an event whose window is open, and
 * withdraw before the deadline. Booths are taken and freed as
 * registration-moves.ts explains.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { requireRole } from '../../accounts/guards';
import type { SessionUser } from '../../accounts/users';
import { auditInsertSelect } from '../../audit/audit-log';
import type { Database } from '../../db/client';
import { newId } from '../../db/ids';
import { eventRegistrationProducts, eventRegistrations, events } from '../../db/schema';
import { isUniqueViolation } from '../../db/unique-violation';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors';
import { parseInput } from '../../validation';
import { type RegistrationState, registrationDeadline, registrationState } from '../registration-window';
import { findRegistrableEvent } from './registrable-event';
import { registrationInputSchema } from './registration-input';
import {
  boothsFit,
  boothsFitIn,
  boothsTakenPlus,
  findRegistration,
  moveRegistration,
  REGISTRATION_ENTITY,
} from './registration-moves';
import { type CooperativeRegistration, findCooperativeRegistration, showableProducts } from './registration-reads';
import { cooperativeMayWithdraw } from './registration-status';

/** The member acting for their cooperative (members and managers alike). */
export function requireRegisteringMember(
  user: SessionUser | null | undefined,
): SessionUser & { cooperativeId: string } {
  const member = requireRole(user, 'member');
  if (!member.cooperativeId) throw new ForbiddenError('member of no cooperative');
  return { ...member, cooperativeId: member.cooperativeId };
}

/** Why a window that is not open refuses, in the words of the validation dictionary. */
const REFUSAL_CODES: Partial<Record<RegistrationState, string>> = {
  not_yet_open: 'registration_not_open',
  cancelled: 'registration_cancelled',
};

function refuseWindow(state: RegistrationState): never {
  throw new ConflictError(`registration ${state}`, { event: { code: REFUSAL_CODES[state] ?? 'registration_closed' } });
}

/** The (event, cooperative) UNIQUE index stopped a second registration that raced the first. */
const isDuplicateRegistration = (error: unknown) =>
  isUniqueViolation(error, [eventRegistrations.eventId, eventRegistrations.cooperativeId]);

/**
 * Registers the member's cooperative for an event whose window is open.
 * Pending when its booths fit, waitlisted when they do not. A cooperative that
 * withdrew may register again; its withdrawn registration is replaced (the
 * audit log keeps its history).
 */
export async function registerForEvent(
  db: Database,
  user: SessionUser | null | undefined,
  eventSlug: string,
  input: unknown,
  now: Date,
): Promise<CooperativeRegistration> {
  const member = requireRegisteringMember(user);
  const event = await findRegistrableEvent(db, eventSlug);
  const state = registrationState(event, now);
  if (state !== 'open') refuseWindow(state);
  const request = parseInput(registrationInputSchema, input);
  if (event.boothCapacity !== null && request.booths > event.boothCapacity) {
    throw new ValidationError({ booths: { code: 'too_big', params: { max: event.boothCapacity } } });
  }
  const slugs = [...new Set(request.products)];
  const own =
    slugs.length > 0 ? (await showableProducts(db, member.cooperativeId)).filter((p) => slugs.includes(p.slug)) : [];
  const unknown = slugs.filter((slug) => !own.some((p) => p.slug === slug));
  if (unknown.length > 0) throw new ValidationError({ products: { code: 'not_own_product' } });
  const existing = await findCooperativeRegistration(db, member.cooperativeId, event.id, now);
  if (existing && existing.status !== 'withdrawn')
    throw new ConflictError('already registered', { event: { code: 'already_registered' } });

  const id = newId();
  const { booths } = request;
  const withdrawn = and(
    eq(eventRegistrations.eventId, event.id),
    eq(eventRegistrations.cooperativeId, member.cooperativeId),
    eq(eventRegistrations.status, 'withdrawn'),
  );
  // Decided once, here, against the count as this transaction sees it; the UPDATE below follows the decision.
  const fits = boothsFitIn(event.id, booths);
  const isPending = sql`EXISTS (SELECT 1 FROM ${eventRegistrations} WHERE ${eventRegistrations.id} = ${id} AND ${eventRegistrations.status} = 'pending')`;
  const statements = [
    db
      .delete(eventRegistrationProducts)
      .where(
        inArray(
          eventRegistrationProducts.registrationId,
          db.select({ id: eventRegistrations.id }).from(eventRegistrations).where(withdrawn),
        ),
      ),
    db.delete(eventRegistrations).where(withdrawn),
    db.insert(eventRegistrations).values({
      id,
      eventId: event.id,
      cooperativeId: member.cooperativeId,
      booths,
      note: request.note || null,
      status: sql`CASE WHEN ${fits} THEN 'pending' ELSE 'waitlisted' END`,
      createdAt: now,
      updatedAt: now,
    }),
    db
      .update(events)
      .set({ boothsTaken: boothsTakenPlus(booths) })
      .where(and(eq(events.id, event.id), boothsFit(booths), isPending)),
    auditInsertSelect(
      db,
      {
        id: newId(),
        actorUserId: member.id,
        action: 'event_registration.register',
        entityType: REGISTRATION_ENTITY,
        at: now,
      },
      {
        entityId: sql`${eventRegistrations.id}`,
        detail: sql`json_object('event', ${event.slug}, 'cooperative', ${eventRegistrations.cooperativeId}, 'booths', ${eventRegistrations.booths},
          'status', ${eventRegistrations.status}, 'products', json(${JSON.stringify(own.map((p) => p.slug))}))`,
      },
      eventRegistrations,
      eq(eventRegistrations.id, id),
    ),
  ] as const;
  try {
    if (own.length > 0) {
      await db.batch([
        ...statements,
        db.insert(eventRegistrationProducts).values(own.map((p) => ({ registrationId: id, productId: p.id }))),
      ]);
    } else {
      await db.batch(statements);
    }
  } catch (error) {
    if (isDuplicateRegistration(error))
      throw new ConflictError('already registered', { event: { code: 'already_registered' } });
    throw error;
  }
  const registered = await findCooperativeRegistration(db, member.cooperativeId, event.id, now);
  if (!registered) throw new Error('registration vanished after its batch');
  return registered;
}

/** The cooperative withdraws its registration, before the registration deadline. */
export async function withdrawRegistration(
  db: Database,
  user: SessionUser | null | undefined,
  eventSlug: string,
  registrationId: string,
  now: Date,
): Promise<CooperativeRegistration> {
  const member = requireRegisteringMember(user);
  const registration = await findRegistration(db, eventSlug, registrationId);
  // Another cooperative's registration is answered exactly like a missing one.
  if (!registration || registration.cooperativeId !== member.cooperativeId) throw new NotFoundError('registration');
  const event = await findRegistrableEvent(db, eventSlug);
  if (now >= registrationDeadline(event)) refuseWindow('closed');
  if (!cooperativeMayWithdraw(registration.status)) {
    throw new ConflictError('not in play', { status: { code: 'status_changed' } });
  }
  await moveRegistration(db, registration, 'withdrawn', member, 'event_registration.withdraw', now);
  const withdrawn = await findCooperativeRegistration(db, member.cooperativeId, registration.eventId, now);
  if (!withdrawn) throw new NotFoundError('registration');
  return withdrawn;
}
