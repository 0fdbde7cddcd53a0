/**
 * Booth registrations: a cooperative registers for an event, sees where it
 * stands and withdraws; a trade officer confirms, waitlists or declines.
 *
 * Booths are never oversold. events.booths_taken counts the booths of pending
 * and confirmed registrations and changes only inside the db.batch that
 * changes a registration, by a conditional UPDATE whose condition the same
 * batch decided; SQLite runs a batch as one transaction, so two cooperatives
 * racing for the last booth are serialised and the second one is waitlisted,
 * never lost. The schema's CHECK (booths_taken <= booth_capacity) backs this up.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { requireOfficer, requireRole } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import { auditEntryExists, auditEntryWritten, auditInsertIf, auditInsertSelect } from '../audit/audit-log';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { cooperatives, eventRegistrationProducts, eventRegistrations, events, products, provinces } from '../db/schema';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { parseInput } from '../validation';
import { PUBLIC_EVENT_STATUSES } from './calendar';
import { boothDirection, cooperativeMayWithdraw, type OfficerDecision, officerMayMove } from './registration-status';
import { type RegistrationState, registrationState } from './registration-window';
import type { EventStatus, RegistrationStatus } from './vocabulary';

export const MAX_BOOTHS_PER_REGISTRATION = 20;
export const MAX_PRODUCTS_SHOWN = 12;
export const REGISTRATION_NOTE_MAX_LENGTH = 1000;
export const REGISTRATION_ENTITY = 'event_registration';

/** What a cooperative sends: the form's fields or the API's JSON body. */
export const registrationInputSchema = z
  .object({
    booths: z.coerce.number().int().min(1).max(MAX_BOOTHS_PER_REGISTRATION),
    /** Slugs of the cooperative's own published products. */
    products: z.array(z.string().min(1).max(200)).max(MAX_PRODUCTS_SHOWN).default([]),
    note: z.string().trim().max(REGISTRATION_NOTE_MAX_LENGTH).default(''),
  })
  .strict();
export type RegistrationInput = z.input<typeof registrationInputSchema>;

export interface RegistrableEvent {
  id: string;
  slug: string;
  titleVi: string;
  titleEn: string;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  boothCapacity: number | null;
  boothsTaken: number;
}

const eventColumns = {
  id: events.id,
  slug: events.slug,
  titleVi: events.titleVi,
  titleEn: events.titleEn,
  status: events.status,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  registrationOpensAt: events.registrationOpensAt,
  registrationClosesAt: events.registrationClosesAt,
  boothCapacity: events.boothCapacity,
  boothsTaken: events.boothsTaken,
};

/** A public (published or cancelled) event by slug, or NotFoundError. */
export async function findRegistrableEvent(db: Database, slug: string): Promise<RegistrableEvent> {
  const [event] = await db
    .select(eventColumns)
    .from(events)
    .where(and(eq(events.slug, slug), inArray(events.status, PUBLIC_EVENT_STATUSES)))
    .limit(1);
  if (!event) throw new NotFoundError('event');
  return event;
}

/** The end of the window in which a cooperative may register or withdraw. */
export function registrationDeadline(event: Pick<RegistrableEvent, 'registrationClosesAt' | 'startsAt'>): Date {
  return event.registrationClosesAt ?? event.startsAt;
}

export interface CooperativeRegistration {
  id: string;
  status: RegistrationStatus;
  booths: number;
  note: string | null;
  products: { slug: string; nameVi: string; nameEn: string }[];
  createdAt: Date;
  updatedAt: Date;
  event: RegistrableEvent;
  /** The cooperative may still withdraw (status in play, before the deadline). */
  mayWithdraw: boolean;
}

async function productsShown(db: Database, registrationIds: string[]) {
  if (registrationIds.length === 0) return [];
  return db
    .select({ registrationId: eventRegistrationProducts.registrationId, slug: products.slug, nameVi: products.nameVi, nameEn: products.nameEn })
    .from(eventRegistrationProducts)
    .innerJoin(products, eq(products.id, eventRegistrationProducts.productId))
    .where(inArray(eventRegistrationProducts.registrationId, registrationIds))
    .orderBy(asc(products.nameVi));
}

/** What every view of a registration shows, with the products it brings (from productsShown). */
function registrationFields(
  registration: typeof eventRegistrations.$inferSelect,
  shown: Awaited<ReturnType<typeof productsShown>>,
) {
  return {
    id: registration.id,
    status: registration.status,
    booths: registration.booths,
    note: registration.note,
    createdAt: registration.createdAt,
    updatedAt: registration.updatedAt,
    products: shown.filter((p) => p.registrationId === registration.id).map(({ registrationId: _, ...product }) => product),
  };
}

/** A cooperative's registrations (withdrawn ones too), latest event first. */
export async function listCooperativeRegistrations(db: Database, cooperativeId: string, now: Date): Promise<CooperativeRegistration[]> {
  const rows = await db
    .select({ registration: eventRegistrations, event: eventColumns })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(and(eq(eventRegistrations.cooperativeId, cooperativeId), inArray(events.status, PUBLIC_EVENT_STATUSES)))
    .orderBy(desc(events.startsAt), asc(eventRegistrations.id))
    .limit(200);
  const shown = await productsShown(
    db,
    rows.map((row) => row.registration.id),
  );
  return rows.map(({ registration, event }) => ({
    ...registrationFields(registration, shown),
    event,
    mayWithdraw: cooperativeMayWithdraw(registration.status) && now < registrationDeadline(event),
  }));
}

/** The cooperative's registration for one event, or null. */
export async function findCooperativeRegistration(
  db: Database,
  cooperativeId: string,
  eventId: string,
  now: Date,
): Promise<CooperativeRegistration | null> {
  const [row] = await db
    .select({ registration: eventRegistrations, event: eventColumns })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(and(eq(eventRegistrations.cooperativeId, cooperativeId), eq(eventRegistrations.eventId, eventId)))
    .limit(1);
  if (!row) return null;
  const shown = await productsShown(db, [row.registration.id]);
  const { registration, event } = row;
  return {
    ...registrationFields(registration, shown),
    event,
    mayWithdraw: cooperativeMayWithdraw(registration.status) && now < registrationDeadline(event),
  };
}

/** The member acting for their cooperative (members and managers alike). */
export function requireRegisteringMember(user: SessionUser | null | undefined): SessionUser & { cooperativeId: string } {
  const member = requireRole(user, 'member');
  if (!member.cooperativeId) throw new ForbiddenError('member of no cooperative');
  return { ...member, cooperativeId: member.cooperativeId };
}

/** Products a cooperative may show: its own, published. */
export async function showableProducts(db: Database, cooperativeId: string) {
  return db
    .select({ id: products.id, slug: products.slug, nameVi: products.nameVi, nameEn: products.nameEn })
    .from(products)
    .where(and(eq(products.cooperativeId, cooperativeId), eq(products.status, 'published')))
    .orderBy(asc(products.nameVi))
    .limit(200);
}

function refuseWindow(state: RegistrationState): never {
  throw new ConflictError(`registration ${state}`, {
    event: { code: state === 'not_yet_open' ? 'registration_not_open' : 'registration_closed' },
  });
}

/** The (event, cooperative) UNIQUE index stopped a second registration that raced the first. */
function isDuplicateRegistration(error: unknown): boolean {
  const text = String((error as { cause?: unknown })?.cause ?? '') + String(error);
  return /UNIQUE constraint failed: event_registrations\.event_id, event_registrations\.cooperative_id/.test(text);
}

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
  const own = slugs.length > 0 ? (await showableProducts(db, member.cooperativeId)).filter((p) => slugs.includes(p.slug)) : [];
  const unknown = slugs.filter((slug) => !own.some((p) => p.slug === slug));
  if (unknown.length > 0) throw new ValidationError({ products: { code: 'not_own_product' } });
  const existing = await findCooperativeRegistration(db, member.cooperativeId, event.id, now);
  if (existing && existing.status !== 'withdrawn') throw new ConflictError('already registered', { event: { code: 'already_registered' } });

  const id = newId();
  const { booths } = request;
  const withdrawn = and(
    eq(eventRegistrations.eventId, event.id),
    eq(eventRegistrations.cooperativeId, member.cooperativeId),
    eq(eventRegistrations.status, 'withdrawn'),
  );
  // Decided once, here, against the count as this transaction sees it; the UPDATE below follows the decision.
  const fits = sql`(SELECT ${events.boothCapacity} IS NULL OR ${events.boothsTaken} + ${booths} <= ${events.boothCapacity} FROM ${events} WHERE ${events.id} = ${event.id})`;
  const isPending = sql`EXISTS (SELECT 1 FROM ${eventRegistrations} WHERE ${eventRegistrations.id} = ${id} AND ${eventRegistrations.status} = 'pending')`;
  const statements = [
    db
      .delete(eventRegistrationProducts)
      .where(inArray(eventRegistrationProducts.registrationId, db.select({ id: eventRegistrations.id }).from(eventRegistrations).where(withdrawn))),
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
      .set({ boothsTaken: sql`${events.boothsTaken} + ${booths}` })
      .where(
        and(
          eq(events.id, event.id),
          sql`(${events.boothCapacity} IS NULL OR ${events.boothsTaken} + ${booths} <= ${events.boothCapacity})`,
          isPending,
        ),
      ),
    auditInsertSelect(
      db,
      { id: newId(), actorUserId: member.id, action: 'event_registration.register', entityType: REGISTRATION_ENTITY, at: now },
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
      await db.batch([...statements, db.insert(eventRegistrationProducts).values(own.map((p) => ({ registrationId: id, productId: p.id })))]);
    } else {
      await db.batch(statements);
    }
  } catch (error) {
    if (isDuplicateRegistration(error)) throw new ConflictError('already registered', { event: { code: 'already_registered' } });
    throw error;
  }
  const registered = await findCooperativeRegistration(db, member.cooperativeId, event.id, now);
  if (!registered) throw new Error('registration vanished after its batch');
  return registered;
}

interface RegistrationRef {
  id: string;
  eventId: string;
  eventSlug: string;
  cooperativeId: string;
  booths: number;
  status: RegistrationStatus;
}

async function findRegistration(db: Database, eventSlug: string, registrationId: string): Promise<RegistrationRef | null> {
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

/**
 * Moves a registration from the status it was read with to `to`, in one
 * batch: the audit entry is written only if the registration still has that
 * status (and, when the move takes booths, they still fit); the booth count
 * and the status then change only if that entry exists. So a move that lost a
 * race changes nothing, and the count can never drift from the statuses.
 * Returns whether the move happened.
 */
async function moveRegistration(
  db: Database,
  registration: RegistrationRef,
  to: RegistrationStatus,
  actor: SessionUser,
  action: string,
  now: Date,
): Promise<boolean> {
  const auditId = newId();
  const { id, eventId, booths, status: from } = registration;
  const direction = boothDirection(from, to);
  const stillFrom = sql`EXISTS (SELECT 1 FROM ${eventRegistrations} WHERE ${eventRegistrations.id} = ${id} AND ${eventRegistrations.status} = ${from})`;
  const fits = sql`(SELECT ${events.boothCapacity} IS NULL OR ${events.boothsTaken} + ${booths} <= ${events.boothCapacity} FROM ${events} WHERE ${events.id} = ${eventId})`;
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
    direction === 1 ? sql`${stillFrom} AND ${fits}` : stillFrom,
  );
  const setStatus = db.update(eventRegistrations).set({ status: to, updatedAt: now }).where(and(eq(eventRegistrations.id, id), witnessed));
  if (direction === 0) await db.batch([audit, setStatus]);
  else {
    const count = db
      .update(events)
      .set({ boothsTaken: sql`${events.boothsTaken} + ${direction * booths}` })
      .where(
        and(
          eq(events.id, eventId),
          witnessed,
          direction === 1 ? sql`(${events.boothCapacity} IS NULL OR ${events.boothsTaken} + ${booths} <= ${events.boothCapacity})` : undefined,
        ),
      );
    await db.batch([audit, count, setStatus]);
  }
  return auditEntryWritten(db, auditId);
}

/** Why a move that was allowed when read did not happen. */
async function explainMissedMove(db: Database, registration: RegistrationRef): Promise<never> {
  const [now] = await db.select({ status: eventRegistrations.status }).from(eventRegistrations).where(eq(eventRegistrations.id, registration.id));
  if (now && now.status !== registration.status) throw new ConflictError('status changed meanwhile', { status: { code: 'status_changed' } });
  throw new ConflictError('no booths left', { status: { code: 'no_booths_left' } });
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
  if (!(await moveRegistration(db, registration, 'withdrawn', member, 'event_registration.withdraw', now))) {
    await explainMissedMove(db, registration);
  }
  const withdrawn = await findCooperativeRegistration(db, member.cooperativeId, registration.eventId, now);
  if (!withdrawn) throw new NotFoundError('registration');
  return withdrawn;
}

export interface EventRegistrationRow {
  id: string;
  status: RegistrationStatus;
  booths: number;
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
  cooperative: { id: string; slug: string; name: string; provinceNameVi: string; provinceNameEn: string; phone: string | null; email: string | null };
  products: { slug: string; nameVi: string; nameEn: string }[];
}


/**
 * An event's registrations, first come first: every one for its trade
 * officers, or only one cooperative's (`cooperativeId`) for its members.
 */
export async function listEventRegistrations(db: Database, eventId: string, cooperativeId?: string): Promise<EventRegistrationRow[]> {
  const rows = await db
    .select({
      registration: eventRegistrations,
      cooperative: {
        id: cooperatives.id,
        slug: cooperatives.slug,
        name: cooperatives.name,
        provinceNameVi: provinces.nameVi,
        provinceNameEn: provinces.nameEn,
        phone: cooperatives.phone,
        email: cooperatives.email,
      },
    })
    .from(eventRegistrations)
    .innerJoin(cooperatives, eq(cooperatives.id, eventRegistrations.cooperativeId))
    .innerJoin(provinces, eq(provinces.code, cooperatives.provinceCode))
    .where(and(eq(eventRegistrations.eventId, eventId), cooperativeId ? eq(eventRegistrations.cooperativeId, cooperativeId) : undefined))
    .orderBy(asc(eventRegistrations.createdAt), asc(eventRegistrations.id))
    .limit(2000);
  const shown = await productsShown(
    db,
    rows.map((row) => row.registration.id),
  );
  return rows.map(({ registration, cooperative }) => ({
    ...registrationFields(registration, shown),
    cooperative,
  }));
}

/** A trade officer's decision on a registration; booths follow (see moveRegistration). */
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
  if (!officerMayMove(registration.status, to)) throw new ConflictError('not a move', { status: { code: 'status_changed' } });
  const verb = { confirmed: 'confirm', waitlisted: 'waitlist', declined: 'decline' }[to];
  if (!(await moveRegistration(db, registration, to, officer, `event_registration.${verb}`, now))) {
    await explainMissedMove(db, registration);
  }
}
