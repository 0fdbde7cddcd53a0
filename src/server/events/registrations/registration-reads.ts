/**
 * Registrations as people see them: a cooperative its own (with whether it
 * may still withdraw), the trade officers an event's list with who registered.
 */
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import {
  cooperatives,
  eventRegistrationProducts,
  eventRegistrations,
  events,
  products,
  provinces,
} from '../../db/schema';
import { PUBLIC_EVENT_STATUSES } from '../calendar';
import { registrationDeadline } from '../registration-window';
import type { RegistrationStatus } from '../vocabulary';
import { type RegistrableEvent, registrableEventColumns } from './registrable-event';
import { cooperativeMayWithdraw } from './registration-status';

export interface CooperativeRegistration {
  id: string;
  status: RegistrationStatus;
  booths: number;
  /** The stand officers assigned (confirmed registrations only). */
  boothLabel: string | null;
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
    .select({
      registrationId: eventRegistrationProducts.registrationId,
      slug: products.slug,
      nameVi: products.nameVi,
      nameEn: products.nameEn,
    })
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
    boothLabel: registration.boothLabel,
    note: registration.note,
    createdAt: registration.createdAt,
    updatedAt: registration.updatedAt,
    products: shown
      .filter((p) => p.registrationId === registration.id)
      .map(({ registrationId: _, ...product }) => product),
  };
}

/** The cooperative's registrations matching `where`, latest event first. */
async function cooperativeRegistrations(
  db: Database,
  where: SQL | undefined,
  limit: number,
  now: Date,
): Promise<CooperativeRegistration[]> {
  const rows = await db
    .select({ registration: eventRegistrations, event: registrableEventColumns })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(where)
    .orderBy(desc(events.startsAt), asc(eventRegistrations.id))
    .limit(limit);
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

/** A cooperative's registrations (withdrawn ones too), latest event first. */
export function listCooperativeRegistrations(
  db: Database,
  cooperativeId: string,
  now: Date,
): Promise<CooperativeRegistration[]> {
  return cooperativeRegistrations(
    db,
    and(eq(eventRegistrations.cooperativeId, cooperativeId), inArray(events.status, PUBLIC_EVENT_STATUSES)),
    200,
    now,
  );
}

/** The cooperative's registration for one event, or null. */
export async function findCooperativeRegistration(
  db: Database,
  cooperativeId: string,
  eventId: string,
  now: Date,
): Promise<CooperativeRegistration | null> {
  const [registration] = await cooperativeRegistrations(
    db,
    and(eq(eventRegistrations.cooperativeId, cooperativeId), eq(eventRegistrations.eventId, eventId)),
    1,
    now,
  );
  return registration ?? null;
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

export interface EventRegistrationRow {
  id: string;
  status: RegistrationStatus;
  booths: number;
  boothLabel: string | null;
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
  cooperative: {
    id: string;
    slug: string;
    name: string;
    provinceNameVi: string;
    provinceNameEn: string;
    phone: string | null;
    email: string | null;
  };
  products: { slug: string; nameVi: string; nameEn: string }[];
}

/**
 * An event's registrations, first come first: every one for its trade
 * officers, or only one cooperative's (`cooperativeId`) for its members.
 */
export async function listEventRegistrations(
  db: Database,
  eventId: string,
  cooperativeId?: string,
): Promise<EventRegistrationRow[]> {
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
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        cooperativeId ? eq(eventRegistrations.cooperativeId, cooperativeId) : undefined,
      ),
    )
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
