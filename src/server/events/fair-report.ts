/**
 * After a fair: what it brought each exhibitor. For every confirmed
 * registration, the products it showed and the inquiries its cooperative
 * received while the fair ran and in the FOLLOW_UP_DAYS after it ended
 * (spam left out), how many of those came through the fair's own links
 * (inquiries.source_event_id, see ../inquiries/source.ts), and how many were
 * answered. Trade officers see every exhibitor and the totals; a cooperative
 * sees only its own row (a cooperative that did not exhibit: 404).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { isOfficer, requireUser } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import type { Database } from '../db/client';
import { cooperatives, eventRegistrationProducts, eventRegistrations, products } from '../db/schema';
import { NotFoundError } from '../errors';
import { PARTICIPANT_LIMIT } from './event-detail';
import { findRegistrableEvent, type RegistrableEvent } from './registrations/registrable-event';
import { requireRegisteringMember } from './registrations/member-registration';

/** Buyers met at a fair often write weeks later, after tasting samples or asking their own customers. */
export const FOLLOW_UP_DAYS = 60;
const DAY_MS = 86_400_000;

/** Inquiry counts over the report's window. */
export interface InquiryFigures {
  /** Received while the fair ran. */
  during: number;
  /** Received in the FOLLOW_UP_DAYS after it ended. */
  after: number;
  /** Of these, sent through the fair's page, catalogue or booth links. */
  fromFair: number;
  /** Of these, answered by the cooperative (a first reply exists). */
  answered: number;
}

export interface ExhibitorReport extends InquiryFigures {
  cooperative: { id: string; slug: string; name: string };
  booths: number;
  boothLabel: string | null;
  products: { slug: string; nameVi: string; nameEn: string }[];
}

export interface FairReport {
  event: RegistrableEvent;
  /** The window's end: the fair's end plus FOLLOW_UP_DAYS. */
  followUpUntil: Date;
  /** Whether the window has closed (the figures will not change any more). */
  complete: boolean;
  /** True when the whole event is shown (officers); false for one cooperative's own row. */
  allExhibitors: boolean;
  exhibitors: ExhibitorReport[];
  totals: InquiryFigures & { exhibitors: number; products: number };
}

/** Answered over received, as a fraction 0–1; null when nothing was received (no rate to speak of). */
export function responseRate(figures: Pick<InquiryFigures, 'during' | 'after' | 'answered'>): number | null {
  const received = figures.during + figures.after;
  return received === 0 ? null : figures.answered / received;
}

/** The window's end: the fair's end plus FOLLOW_UP_DAYS. */
export function followUpEnd(event: Pick<RegistrableEvent, 'endsAt'>): Date {
  return new Date(event.endsAt.getTime() + FOLLOW_UP_DAYS * DAY_MS);
}

/** Sums the exhibitors' figures; a product shown by two exhibitors is one product. */
export function reportTotals(exhibitors: readonly ExhibitorReport[]): FairReport['totals'] {
  const totals = { exhibitors: exhibitors.length, products: 0, during: 0, after: 0, fromFair: 0, answered: 0 };
  const shown = new Set<string>();
  for (const row of exhibitors) {
    totals.during += row.during;
    totals.after += row.after;
    totals.fromFair += row.fromFair;
    totals.answered += row.answered;
    for (const product of row.products) shown.add(product.slug);
  }
  totals.products = shown.size;
  return totals;
}

interface FigureRow {
  cooperativeId: string;
  during: number | null;
  after: number | null;
  fromFair: number | null;
  answered: number | null;
}

/** One grouped query over the exhibitors' inquiries in the window (indexed by cooperative, status, created_at). */
async function inquiryFigures(db: Database, event: RegistrableEvent, until: Date, cooperativeId: string | null) {
  const rows = await db.all<FigureRow>(sql`
    SELECT r.cooperative_id AS cooperativeId,
      SUM(CASE WHEN i.created_at < ${event.endsAt.getTime()} THEN 1 ELSE 0 END) AS during,
      SUM(CASE WHEN i.created_at >= ${event.endsAt.getTime()} THEN 1 ELSE 0 END) AS after,
      SUM(CASE WHEN i.source_event_id = ${event.id} THEN 1 ELSE 0 END) AS fromFair,
      SUM(CASE WHEN i.first_replied_at IS NOT NULL THEN 1 ELSE 0 END) AS answered
    FROM event_registrations r
    JOIN inquiries i ON i.cooperative_id = r.cooperative_id
    WHERE r.event_id = ${event.id} AND r.status = 'confirmed'
      ${cooperativeId === null ? sql`` : sql`AND r.cooperative_id = ${cooperativeId}`}
      AND i.status <> 'spam'
      AND i.created_at >= ${event.startsAt.getTime()} AND i.created_at < ${until.getTime()}
    GROUP BY r.cooperative_id`);
  return new Map(rows.map((row) => [row.cooperativeId, row]));
}

/** The fair's report as `user` may see it: every exhibitor for trade officers, a cooperative's own row for its members. */
export async function loadFairReport(
  db: Database,
  user: SessionUser | null | undefined,
  eventSlug: string,
  now: Date,
): Promise<FairReport> {
  const signedIn = requireUser(user);
  const own = isOfficer(signedIn) ? null : requireRegisteringMember(signedIn).cooperativeId;
  const event = await findRegistrableEvent(db, eventSlug);
  const registrations = await db
    .select({
      id: eventRegistrations.id,
      booths: eventRegistrations.booths,
      boothLabel: eventRegistrations.boothLabel,
      cooperative: { id: cooperatives.id, slug: cooperatives.slug, name: cooperatives.name },
    })
    .from(eventRegistrations)
    .innerJoin(cooperatives, eq(cooperatives.id, eventRegistrations.cooperativeId))
    .where(
      and(
        eq(eventRegistrations.eventId, event.id),
        eq(eventRegistrations.status, 'confirmed'),
        own === null ? undefined : eq(eventRegistrations.cooperativeId, own),
      ),
    )
    .orderBy(asc(cooperatives.name), asc(eventRegistrations.id))
    .limit(PARTICIPANT_LIMIT);
  if (own !== null && registrations.length === 0) throw new NotFoundError('registration');
  const ids = registrations.map((r) => r.id);
  const shown =
    ids.length === 0
      ? []
      : await db
          .select({
            registrationId: eventRegistrationProducts.registrationId,
            slug: products.slug,
            nameVi: products.nameVi,
            nameEn: products.nameEn,
          })
          .from(eventRegistrationProducts)
          .innerJoin(products, eq(products.id, eventRegistrationProducts.productId))
          // A subquery, not the ids: a big fair has more registrations than D1 binds parameters.
          .where(
            inArray(
              eventRegistrationProducts.registrationId,
              db
                .select({ id: eventRegistrations.id })
                .from(eventRegistrations)
                .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.status, 'confirmed'))),
            ),
          )
          .orderBy(asc(products.nameVi));
  const until = followUpEnd(event);
  const figures = await inquiryFigures(db, event, until, own);
  const exhibitors = registrations.map((r): ExhibitorReport => {
    const f = figures.get(r.cooperative.id);
    return {
      cooperative: r.cooperative,
      booths: r.booths,
      boothLabel: r.boothLabel,
      products: shown.filter((p) => p.registrationId === r.id).map(({ registrationId: _, ...p }) => p),
      during: f?.during ?? 0,
      after: f?.after ?? 0,
      fromFair: f?.fromFair ?? 0,
      answered: f?.answered ?? 0,
    };
  });
  return {
    event,
    followUpUntil: until,
    complete: now.getTime() >= until.getTime(),
    allExhibitors: own === null,
    exhibitors,
    totals: reportTotals(exhibitors),
  };
}
