/**
 * What waits for trade officers, defined and counted in one place. The account home's queue table, the account
 * navigation's counts and the officers' daily digest (src/server/notifications/officer-queues.ts) all read these
 * definitions, so they cannot disagree about what "waiting" means or how many wait.
 *
 * A count is scoped to a province (an officer's) or, with null, to the whole country. Each is a count() and a min()
 * over the queue's status index, joined to the owning cooperative (its province), one statement per table, never a
 * statement per item. Personal-data requests concern people, not cooperatives: they are
 * counted for the whole country under any scope.
 */
import { and, count, eq, min, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import {
  certifications,
  cooperatives,
  eventRegistrations,
  labReports,
  ocopRatings,
  pendingRevisions,
  privacyRequests,
  products,
} from '../db/schema';

/** The conditions that put a record in a queue. */
export const waitingFor = {
  /** Products submitted for review (/tai-khoan/kiem-duyet). */
  product: eq(products.status, 'submitted'),
  /** Proposed changes to a published product or a cooperative's profile (/tai-khoan/kiem-duyet). */
  change: eq(pendingRevisions.status, 'pending'),
  /** OCOP ratings declared and not yet verified (/tai-khoan/xac-minh). */
  rating: eq(ocopRatings.verification, 'pending'),
  /** Certificates declared and not yet verified (/tai-khoan/xac-minh). */
  certificate: eq(certifications.verification, 'pending'),
  /** Batches' lab reports declared and not yet verified (/tai-khoan/xac-minh). */
  labReport: eq(labReports.verification, 'pending'),
  /** Booth registrations waiting for a decision (/tai-khoan/su-kien-quan-ly). */
  registration: eq(eventRegistrations.status, 'pending'),
  /** Personal-data requests to complete (/quan-tri/du-lieu-ca-nhan). */
  privacyRequest: eq(privacyRequests.status, 'pending'),
} as const;

export type QueueTable = keyof typeof waitingFor;

/** How many wait in a queue, and since when the oldest has. */
export interface OfficerQueue {
  count: number;
  oldestSince: Date | null;
}

/** The cooperatives of one province, or every cooperative (null). */
export const inProvince = (provinceCode: string | null): SQL | undefined =>
  provinceCode === null ? undefined : eq(cooperatives.provinceCode, provinceCode);

type Aggregate = { n: number; oldest: number | Date | null } | undefined;

function queueOf(part: Aggregate): OfficerQueue {
  const oldest =
    part?.oldest == null ? null : Number(part.oldest instanceof Date ? part.oldest.getTime() : part.oldest);
  return {
    count: Number(part?.n ?? 0),
    oldestSince: oldest === null || oldest <= 0 ? null : new Date(oldest),
  };
}

/** Several queues as one: their counts added, the earliest of their oldest items. */
export function combineQueues(...queues: OfficerQueue[]): OfficerQueue {
  const oldest = queues.flatMap((queue) => (queue.oldestSince ? [queue.oldestSince.getTime()] : []));
  return {
    count: queues.reduce((sum, queue) => sum + queue.count, 0),
    oldestSince: oldest.length === 0 ? null : new Date(Math.min(...oldest)),
  };
}

/** Every queue's count and oldest item, for the officers of a province (null: the whole country). */
export async function countOfficerQueues(
  db: Database,
  provinceCode: string | null,
): Promise<Record<QueueTable, OfficerQueue>> {
  // Every queue but personal-data requests goes through its cooperative, which the province scope reads (a
  // primary-key lookup per waiting row: queues are short).
  const scope = inProvince(provinceCode);
  const [product, change, rating, certificate, labReport, registration, privacyRequest] = await Promise.all([
    db
      .select({ n: count(), oldest: min(products.updatedAt) })
      .from(products)
      .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
      .where(and(waitingFor.product, scope)),
    db
      .select({ n: count(), oldest: min(pendingRevisions.updatedAt) })
      .from(pendingRevisions)
      .innerJoin(cooperatives, eq(cooperatives.id, pendingRevisions.cooperativeId))
      .where(and(waitingFor.change, scope)),
    db
      .select({
        n: count(),
        oldest: sql<number | null>`min(coalesce(${ocopRatings.submittedAt}, ${ocopRatings.createdAt}))`,
      })
      .from(ocopRatings)
      .innerJoin(products, eq(products.id, ocopRatings.productId))
      .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
      .where(and(waitingFor.rating, scope)),
    db
      .select({
        n: count(),
        oldest: sql<number | null>`min(coalesce(${certifications.submittedAt}, ${certifications.createdAt}))`,
      })
      .from(certifications)
      .innerJoin(cooperatives, eq(cooperatives.id, certifications.cooperativeId))
      .where(and(waitingFor.certificate, scope)),
    db
      .select({
        n: count(),
        oldest: sql<number | null>`min(coalesce(${labReports.submittedAt}, ${labReports.createdAt}))`,
      })
      .from(labReports)
      .innerJoin(cooperatives, eq(cooperatives.id, labReports.cooperativeId))
      .where(and(waitingFor.labReport, scope)),
    db
      .select({ n: count(), oldest: min(eventRegistrations.createdAt) })
      .from(eventRegistrations)
      .innerJoin(cooperatives, eq(cooperatives.id, eventRegistrations.cooperativeId))
      .where(and(waitingFor.registration, scope)),
    db
      .select({ n: count(), oldest: min(privacyRequests.createdAt) })
      .from(privacyRequests)
      .where(waitingFor.privacyRequest),
  ]);
  return {
    product: queueOf(product[0]),
    change: queueOf(change[0]),
    rating: queueOf(rating[0]),
    certificate: queueOf(certificate[0]),
    labReport: queueOf(labReport[0]),
    registration: queueOf(registration[0]),
    privacyRequest: queueOf(privacyRequest[0]),
  };
}

/** The queues as officers see them: moderation (products and changes), claims (ratings, certificates, lab reports), the rest. */
export interface OfficerQueues {
  /** Submitted products and pending changes to published products or profiles (/tai-khoan/kiem-duyet). */
  moderation: OfficerQueue;
  /** Pending ratings, certificates and lab reports (/tai-khoan/xac-minh). */
  claims: OfficerQueue;
  /** Booth registrations waiting for a decision (/tai-khoan/su-kien-quan-ly). */
  registrations: OfficerQueue;
  /** Personal-data requests to complete (/quan-tri/du-lieu-ca-nhan). */
  privacyRequests: OfficerQueue;
}

export async function loadOfficerQueues(db: Database, provinceCode: string | null): Promise<OfficerQueues> {
  const tables = await countOfficerQueues(db, provinceCode);
  return {
    moderation: combineQueues(tables.product, tables.change),
    claims: combineQueues(tables.rating, tables.certificate, tables.labReport),
    registrations: tables.registration,
    privacyRequests: tables.privacyRequest,
  };
}
