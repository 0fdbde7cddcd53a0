/**
 * What the account home (/tai-khoan) shows: for a cooperative's members, what waits for them (inquiries to answer,
 * products and claims in review or turned down, fair registrations, gaps in their public page); for trade officers,
 * their queues with a count and the oldest waiting item. Each part is one or two aggregate or capped queries on
 * indexed columns, read concurrently: never a query per item, so the page costs the same for a cooperative with
 * three products as for one with three hundred.
 */
import { and, asc, count, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import { CATCH_UP_DAYS } from '../claims/claim-reminders';
import { type ExpiringClaim, listExpiringClaims, OVERSIGHT_DAYS } from '../claims/expiring-claims';
import type { ClaimKind, ClaimState } from '../claims/vocabulary';
import type { Database } from '../db/client';
import {
  batches,
  certifications,
  cooperatives,
  eventRegistrations,
  events,
  inquiries,
  labReports,
  ocopRatings,
  products,
} from '../db/schema';
import type { RegistrationStatus } from '../events/vocabulary';
import type { InquiryStatus } from '../inquiries/vocabulary';
import { loadOfficerQueues, type OfficerQueues } from '../moderation/officer-queues';
import type { CertificationKind, ProductStatus } from '../products/vocabulary';
import { vietnamDate } from '../time/vietnam';
import { requireOfficer } from './guards';
import type { SessionUser } from './users';

/** How many items of each list the home shows; the section's own page has the rest (the counts say how many). */
export const HOME_LIST_LIMIT = 10;

/** Inquiries the cooperative has not answered: 'new' (never opened, or the buyer wrote again) and 'read'. */
const WAITING_INQUIRY_STATUSES = ['new', 'read'] as const satisfies readonly InquiryStatus[];
/** Products an officer still has to look at, or turned down (the reason tells the cooperative what to fix). */
const PRODUCT_ATTENTION_STATUSES = ['submitted', 'rejected'] as const satisfies readonly ProductStatus[];
/** Claims not (or no longer) public that the cooperative can act on or should know about. */
const CLAIM_ATTENTION_STATES = ['pending', 'needs_evidence', 'rejected'] as const satisfies readonly ClaimState[];
/** Registrations still in play; a withdrawn one is the cooperative's own doing and needs nothing. */
const LIVE_REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'declined'] as const;

export interface WaitingInquiry {
  reference: string;
  buyerName: string;
  status: (typeof WAITING_INQUIRY_STATUSES)[number];
  createdAt: Date;
}

export interface ProductNeedingAttention {
  slug: string;
  nameVi: string;
  nameEn: string;
  status: (typeof PRODUCT_ATTENTION_STATUSES)[number];
  rejectionReason: string | null;
  updatedAt: Date;
}

export interface ClaimNeedingAttention {
  kind: ClaimKind;
  id: string;
  verification: (typeof CLAIM_ATTENTION_STATES)[number];
  /** The officer's reason for a rejection or a request for evidence. */
  reason: string | null;
  number: string;
  stars: number | null;
  certificateKind: CertificationKind | null;
  /** The product it is about; null for a whole cooperative's certificate. */
  product: { slug: string; nameVi: string; nameEn: string } | null;
  /** The batch a lab report is about; null for other kinds. */
  batch: { id: string; lotCode: string } | null;
}

export interface HomeRegistration {
  eventSlug: string;
  titleVi: string;
  titleEn: string;
  startsAt: Date;
  /** The registration window's end: after it the cooperative can no longer change or add booths. */
  registrationClosesAt: Date | null;
  status: RegistrationStatus;
  booths: number;
}

/** What the cooperative's public page lacks, each a reason buyers look elsewhere. */
export interface ProfileGaps {
  cooperative: { logo: boolean; photos: boolean; englishDescription: boolean; location: boolean };
  /** Products (shown or on their way to it) without a photo, without a price, without an English name or text. */
  products: { withoutPhotos: number; withoutPrice: number; withoutEnglish: number };
}

export interface MemberHome {
  inquiries: { newCount: number; unansweredCount: number; oldest: WaitingInquiry[] };
  products: { inReview: number; rejected: number; items: ProductNeedingAttention[] };
  claims: {
    /** Waiting for the officers. */
    pending: number;
    /** Sent back: waiting for the cooperative's better evidence. */
    needsEvidence: number;
    rejected: number;
    items: ClaimNeedingAttention[];
    expiring: ExpiringClaim[];
  };
  registrations: HomeRegistration[];
  gaps: ProfileGaps;
}

async function waitingInquiries(db: Database, cooperativeId: string): Promise<MemberHome['inquiries']> {
  const waiting = and(
    eq(inquiries.cooperativeId, cooperativeId),
    inArray(inquiries.status, [...WAITING_INQUIRY_STATUSES]),
  );
  const [counts, oldest] = await Promise.all([
    countWaitingInquiries(db, cooperativeId),
    db
      .select({
        reference: inquiries.reference,
        buyerName: inquiries.buyerName,
        status: inquiries.status,
        createdAt: inquiries.createdAt,
      })
      .from(inquiries)
      .where(waiting)
      .orderBy(asc(inquiries.createdAt))
      .limit(HOME_LIST_LIMIT),
  ]);
  return { ...counts, oldest: oldest as WaitingInquiry[] };
}

/** The cooperative's inquiries waiting for an answer: never opened (or written to again), and opened. */
async function countWaitingInquiries(
  db: Database,
  cooperativeId: string,
): Promise<{ newCount: number; unansweredCount: number }> {
  const counts = await db
    .select({ status: inquiries.status, n: count() })
    .from(inquiries)
    .where(and(eq(inquiries.cooperativeId, cooperativeId), inArray(inquiries.status, [...WAITING_INQUIRY_STATUSES])))
    .groupBy(inquiries.status);
  const of = (status: InquiryStatus) => counts.find((row) => row.status === status)?.n ?? 0;
  return { newCount: of('new'), unansweredCount: of('read') };
}

async function productsNeedingAttention(db: Database, cooperativeId: string): Promise<MemberHome['products']> {
  const attention = and(
    eq(products.cooperativeId, cooperativeId),
    inArray(products.status, [...PRODUCT_ATTENTION_STATUSES]),
  );
  const [counts, items] = await Promise.all([
    db.select({ status: products.status, n: count() }).from(products).where(attention).groupBy(products.status),
    db
      .select({
        slug: products.slug,
        nameVi: products.nameVi,
        nameEn: products.nameEn,
        status: products.status,
        rejectionReason: products.rejectionReason,
        updatedAt: products.updatedAt,
      })
      .from(products)
      .where(attention)
      .orderBy(asc(products.updatedAt))
      .limit(HOME_LIST_LIMIT),
  ]);
  const of = (status: ProductStatus) => counts.find((row) => row.status === status)?.n ?? 0;
  return { inReview: of('submitted'), rejected: of('rejected'), items: items as ProductNeedingAttention[] };
}

async function claimsNeedingAttention(db: Database, cooperativeId: string, now: Date): Promise<MemberHome['claims']> {
  const states = [...CLAIM_ATTENTION_STATES];
  const product = { productSlug: products.slug, productNameVi: products.nameVi, productNameEn: products.nameEn };
  const [ratings, certificates, reports, expiring] = await Promise.all([
    db
      .select({
        id: ocopRatings.id,
        verification: ocopRatings.verification,
        reason: ocopRatings.decisionReason,
        number: ocopRatings.decisionNumber,
        stars: ocopRatings.stars,
        ...product,
      })
      .from(ocopRatings)
      .innerJoin(products, eq(products.id, ocopRatings.productId))
      .where(and(eq(products.cooperativeId, cooperativeId), inArray(ocopRatings.verification, states))),
    db
      .select({
        id: certifications.id,
        verification: certifications.verification,
        reason: certifications.decisionReason,
        number: certifications.number,
        certificateKind: certifications.kind,
        ...product,
      })
      .from(certifications)
      .leftJoin(products, eq(products.id, certifications.productId))
      .where(and(eq(certifications.cooperativeId, cooperativeId), inArray(certifications.verification, states))),
    db
      .select({
        id: labReports.id,
        verification: labReports.verification,
        reason: labReports.decisionReason,
        number: labReports.reportNumber,
        batchId: batches.id,
        lotCode: batches.lotCode,
        ...product,
      })
      .from(labReports)
      .innerJoin(batches, eq(batches.id, labReports.batchId))
      .innerJoin(products, eq(products.id, batches.productId))
      .where(and(eq(labReports.cooperativeId, cooperativeId), inArray(labReports.verification, states))),
    listExpiringClaims(db, {
      today: vietnamDate(now),
      fromDays: -CATCH_UP_DAYS,
      toDays: OVERSIGHT_DAYS,
      cooperativeId,
      limit: HOME_LIST_LIMIT,
    }),
  ]);
  /** What every kind of claim shows alike, from a row of its query. */
  const shared = (row: {
    id: string;
    verification: string;
    reason: ClaimNeedingAttention['reason'];
    number: ClaimNeedingAttention['number'];
    productSlug: string | null;
    productNameVi: string | null;
    productNameEn: string | null;
  }) => ({
    id: row.id,
    verification: row.verification as ClaimNeedingAttention['verification'],
    reason: row.reason,
    number: row.number,
    product:
      row.productSlug === null
        ? null
        : { slug: row.productSlug, nameVi: row.productNameVi ?? '', nameEn: row.productNameEn ?? '' },
  });
  const items: ClaimNeedingAttention[] = [
    ...ratings.map((row) => ({
      ...shared(row),
      kind: 'ocop_rating' as const,
      stars: row.stars,
      certificateKind: null,
      batch: null,
    })),
    ...certificates.map((row) => ({
      ...shared(row),
      kind: 'certificate' as const,
      stars: null,
      certificateKind: row.certificateKind,
      batch: null,
    })),
    ...reports.map((row) => ({
      ...shared(row),
      kind: 'lab_report' as const,
      stars: null,
      certificateKind: null,
      batch: { id: row.batchId, lotCode: row.lotCode },
    })),
  ];
  return {
    pending: items.filter((item) => item.verification === 'pending').length,
    needsEvidence: items.filter((item) => item.verification === 'needs_evidence').length,
    rejected: items.filter((item) => item.verification === 'rejected').length,
    items: items.slice(0, HOME_LIST_LIMIT),
    expiring,
  };
}

async function upcomingRegistrations(db: Database, cooperativeId: string, now: Date): Promise<HomeRegistration[]> {
  const rows = await db
    .select({
      eventSlug: events.slug,
      titleVi: events.titleVi,
      titleEn: events.titleEn,
      startsAt: events.startsAt,
      registrationClosesAt: events.registrationClosesAt,
      status: eventRegistrations.status,
      booths: eventRegistrations.booths,
    })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(
      and(
        eq(eventRegistrations.cooperativeId, cooperativeId),
        inArray(eventRegistrations.status, [...LIVE_REGISTRATION_STATUSES]),
        // Until the fair is over: a confirmed booth matters up to its last day.
        gte(events.endsAt, now),
        ne(events.status, 'draft'),
      ),
    )
    .orderBy(asc(events.startsAt))
    .limit(HOME_LIST_LIMIT);
  return rows;
}

/** Counts, not lists: one pass over the cooperative's products (products_cooperative_idx) with a sum per gap. */
async function profileGaps(db: Database, cooperativeId: string): Promise<ProfileGaps> {
  const [[profile], [catalogue]] = await Promise.all([
    db
      .select({
        logoUrl: cooperatives.logoUrl,
        images: cooperatives.images,
        descriptionEn: cooperatives.descriptionEn,
        latitude: cooperatives.latitude,
      })
      .from(cooperatives)
      .where(eq(cooperatives.id, cooperativeId))
      .limit(1),
    db
      .select({
        withoutPhotos: sql<number>`coalesce(sum(${products.images} = '[]'), 0)`,
        withoutPrice: sql<number>`coalesce(sum(${products.priceVnd} IS NULL), 0)`,
        withoutEnglish: sql<number>`coalesce(sum(trim(${products.nameEn}) = '' OR trim(${products.descriptionEn}) = ''), 0)`,
      })
      .from(products)
      // Drafts are unfinished by nature and unpublished ones are out of sight: only what buyers see or soon will.
      .where(and(eq(products.cooperativeId, cooperativeId), inArray(products.status, ['submitted', 'published']))),
  ]);
  return {
    cooperative: {
      logo: !profile?.logoUrl,
      photos: (profile?.images.length ?? 0) === 0,
      englishDescription: (profile?.descriptionEn.trim() ?? '') === '',
      location: profile?.latitude == null,
    },
    products: {
      withoutPhotos: Number(catalogue?.withoutPhotos ?? 0),
      withoutPrice: Number(catalogue?.withoutPrice ?? 0),
      withoutEnglish: Number(catalogue?.withoutEnglish ?? 0),
    },
  };
}

/** A cooperative's home, read for one of its members (the caller has checked the membership). */
export async function loadMemberHome(db: Database, cooperativeId: string, now: Date): Promise<MemberHome> {
  const [waiting, productsToSee, claims, registrations, gaps] = await Promise.all([
    waitingInquiries(db, cooperativeId),
    productsNeedingAttention(db, cooperativeId),
    claimsNeedingAttention(db, cooperativeId, now),
    upcomingRegistrations(db, cooperativeId, now),
    profileGaps(db, cooperativeId),
  ]);
  return { inquiries: waiting, products: productsToSee, claims, registrations, gaps };
}

/** The officer's home: the officers' queues of the whole country (src/server/moderation/officer-queues.ts). */
export type OfficerHome = OfficerQueues;

export async function loadOfficerHome(db: Database, user: SessionUser | null | undefined): Promise<OfficerHome> {
  requireOfficer(user);
  return loadOfficerQueues(db, null);
}

/**
 * The counts the account navigation shows on every page of the account area (src/components/accounts/AccountNav.astro):
 * a member's inquiries waiting for an answer and claims an officer sent back for evidence; an officer's queues. A few
 * aggregate statements on indexed columns, so every signed-in page can afford them.
 */
export interface AccountWaiting {
  /** The member's cooperative's public address (null for officers and members without a cooperative). */
  cooperativeSlug: string | null;
  inquiries: { newCount: number; unansweredCount: number } | null;
  /** Ratings and certificates an officer asked more evidence for. */
  claimsNeedingEvidence: number | null;
  queues: OfficerQueues | null;
}

export async function loadAccountWaiting(db: Database, user: SessionUser): Promise<AccountWaiting> {
  if (user.role === 'officer' || user.role === 'admin')
    return {
      cooperativeSlug: null,
      inquiries: null,
      claimsNeedingEvidence: null,
      queues: await loadOfficerQueues(db, null),
    };
  const cooperativeId = user.cooperativeId;
  if (cooperativeId === null)
    return { cooperativeSlug: null, inquiries: null, claimsNeedingEvidence: null, queues: null };
  const [[cooperative], waiting, [ratings], [certificates]] = await Promise.all([
    db.select({ slug: cooperatives.slug }).from(cooperatives).where(eq(cooperatives.id, cooperativeId)).limit(1),
    countWaitingInquiries(db, cooperativeId),
    db
      .select({ n: count() })
      .from(ocopRatings)
      .innerJoin(products, eq(products.id, ocopRatings.productId))
      .where(and(eq(products.cooperativeId, cooperativeId), eq(ocopRatings.verification, 'needs_evidence'))),
    db
      .select({ n: count() })
      .from(certifications)
      .where(and(eq(certifications.cooperativeId, cooperativeId), eq(certifications.verification, 'needs_evidence'))),
  ]);
  return {
    cooperativeSlug: cooperative?.slug ?? null,
    inquiries: waiting,
    claimsNeedingEvidence: (ratings?.n ?? 0) + (certificates?.n ?? 0),
    queues: null,
  };
}

/** How long something has waited, in the largest whole unit that is at least 1 (minutes under an hour, hours under a day). */
export function waitedFor(since: Date, now: Date): { unit: 'minutes' | 'hours' | 'days'; count: number } {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  if (minutes < 24 * 60) return { unit: 'hours', count: Math.floor(minutes / 60) };
  return { unit: 'days', count: Math.floor(minutes / (24 * 60)) };
}
