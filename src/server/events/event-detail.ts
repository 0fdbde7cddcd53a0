/**
 * Everything an event's page (and GET /api/v1/events/{slug}) shows: the event,
 * its place, its registration window, and the cooperatives confirmed to take
 * part with the products they bring. Drafts are not public (null, a 404).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cooperatives, eventRegistrationProducts, eventRegistrations, events, products, provinces } from '../db/schema';
import type { ProvinceRef } from '../provinces/summaries';
import { PUBLIC_EVENT_STATUSES } from './calendar';
import type { EventStatus } from './vocabulary';
import { boothsLeft, type RegistrationState, registrationState } from './registration-window';
import { NotFoundError } from '../errors';
import { readStoredImage, type StoredImage } from '../media/stored-image';

export interface EventParticipant {
  cooperative: { slug: string; name: string; provinceNameVi: string; provinceNameEn: string };
  booths: number;
  /** Its stand's label ("A12"), once trade officers have assigned one. */
  boothLabel: string | null;
  /** Published products it shows at the event. */
  products: { slug: string; nameVi: string; nameEn: string }[];
}

/** An event's stored columns as the public sees them (`revision` is the iCalendar SEQUENCE), and what follows from them. */
export type EventDetail = Pick<
  typeof events.$inferSelect,
  | 'id'
  | 'slug'
  | 'kind'
  | 'titleVi'
  | 'titleEn'
  | 'descriptionVi'
  | 'descriptionEn'
  | 'startsAt'
  | 'endsAt'
  | 'allDay'
  | 'venue'
  | 'address'
  | 'onlineUrl'
  | 'organiser'
  | 'registrationOpensAt'
  | 'registrationClosesAt'
  | 'boothCapacity'
  | 'status'
  | 'cancelReason'
  | 'revision'
  | 'publishedAt'
  | 'createdAt'
  | 'updatedAt'
> & {
  province: ProvinceRef | null;
  boothsLeft: number | null;
  registration: RegistrationState;
  /** The event has ended by `now`. */
  ended: boolean;
  participants: EventParticipant[];
  /** The cover officers uploaded (event-admin/event-cover.ts), with its text alternatives. */
  cover: StoredImage | null;
};

/** A big fair has a few hundred stands; the page lists them all, the bound only guards the query. */
export const PARTICIPANT_LIMIT = 500;

async function confirmedParticipants(db: Database, eventId: string): Promise<EventParticipant[]> {
  const registrations = await db
    .select({
      id: eventRegistrations.id,
      booths: eventRegistrations.booths,
      boothLabel: eventRegistrations.boothLabel,
      slug: cooperatives.slug,
      name: cooperatives.name,
      provinceNameVi: provinces.nameVi,
      provinceNameEn: provinces.nameEn,
    })
    .from(eventRegistrations)
    .innerJoin(cooperatives, eq(cooperatives.id, eventRegistrations.cooperativeId))
    .innerJoin(provinces, eq(provinces.code, cooperatives.provinceCode))
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        eq(eventRegistrations.status, 'confirmed'),
        eq(cooperatives.status, 'active'),
      ),
    )
    .orderBy(asc(cooperatives.name), asc(eventRegistrations.id))
    .limit(PARTICIPANT_LIMIT);
  if (registrations.length === 0) return [];
  const shown = await db
    .select({
      registrationId: eventRegistrationProducts.registrationId,
      slug: products.slug,
      nameVi: products.nameVi,
      nameEn: products.nameEn,
    })
    .from(eventRegistrationProducts)
    .innerJoin(products, eq(products.id, eventRegistrationProducts.productId))
    .where(
      and(
        // A subquery, not the ids: a big fair has more registrations than D1 binds parameters (100).
        inArray(
          eventRegistrationProducts.registrationId,
          db
            .select({ id: eventRegistrations.id })
            .from(eventRegistrations)
            .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'confirmed'))),
        ),
        eq(products.status, 'published'),
      ),
    )
    .orderBy(asc(products.nameVi));
  return registrations.map((r) => ({
    cooperative: { slug: r.slug, name: r.name, provinceNameVi: r.provinceNameVi, provinceNameEn: r.provinceNameEn },
    booths: r.booths,
    boothLabel: r.boothLabel,
    products: shown.filter((p) => p.registrationId === r.id).map(({ registrationId: _, ...product }) => product),
  }));
}

export function getPublicEvent(db: Database, slug: string, now: Date): Promise<EventDetail> {
  return getEventDetail(db, slug, now, PUBLIC_EVENT_STATUSES);
}

/** The page of an event in one of `statuses`: the public ones, or drafts too for the officers' preview. */
export async function getEventDetail(
  db: Database,
  slug: string,
  now: Date,
  statuses: readonly EventStatus[],
): Promise<EventDetail> {
  const [row] = await db
    .select({
      event: events,
      province: { code: provinces.code, slug: provinces.slug, nameVi: provinces.nameVi, nameEn: provinces.nameEn },
    })
    .from(events)
    .leftJoin(provinces, eq(provinces.code, events.provinceCode))
    .where(and(eq(events.slug, slug), inArray(events.status, [...statuses])));
  if (!row) throw new NotFoundError('event');
  const e = row.event;
  const participants = await confirmedParticipants(db, e.id);
  return {
    id: e.id,
    slug: e.slug,
    kind: e.kind,
    titleVi: e.titleVi,
    titleEn: e.titleEn,
    descriptionVi: e.descriptionVi,
    descriptionEn: e.descriptionEn,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    allDay: e.allDay,
    venue: e.venue,
    address: e.address,
    province: row.province,
    onlineUrl: e.onlineUrl,
    organiser: e.organiser,
    registrationOpensAt: e.registrationOpensAt,
    registrationClosesAt: e.registrationClosesAt,
    boothCapacity: e.boothCapacity,
    boothsLeft: boothsLeft(e),
    registration: registrationState(e, now),
    status: e.status,
    cancelReason: e.status === 'cancelled' ? e.cancelReason : null,
    revision: e.revision,
    publishedAt: e.publishedAt,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    ended: e.endsAt.getTime() < now.getTime(),
    participants,
    cover: readStoredImage(e.cover),
  };
}
