/**
 * The officers' verification queue: claims waiting for a decision, oldest
 * first (or newest first, waiting-order.ts), each with the fields the cooperative entered and whose product and
 * cooperative it is, so the officer checks them against the evidence.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { requireOfficer } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import type { Database } from '../db/client';
import {
  batches,
  certifications,
  cooperatives,
  labReports,
  ocopRatings,
  products,
  provinces,
  users,
} from '../db/schema';
import { ocopDecidingAuthority, type OcopAuthority } from '../products/ocop-authority';
import { ocopValidUntil } from '../products/validity';
import type { CertificationKind, OcopLevel } from '../products/vocabulary';
import type { LabResult, LabTestKind } from '../provenance/vocabulary';
import { vietnamDate } from '../time/vietnam';
import { evidencePath } from './evidence-access';
import type { ClaimKind, ClaimState } from './vocabulary';
import { byWaiting, type WaitingOrder } from '../moderation/waiting-order';

/** The states the officers' console lists: the queue (`pending`) and the verified claims one may revoke. */
type ListedState = Extract<ClaimState, 'pending' | 'verified'>;

/** At most this many claims per page of the queue (the oldest). */
export const CLAIM_QUEUE_LIMIT = 100;

export interface QueuedClaim {
  kind: ClaimKind;
  id: string;
  verification: ClaimState;
  submittedAt: Date;
  /** Its revision (claim-version.ts): sent back with a decision, so a claim changed since is not decided unseen. */
  revision: number;
  /** How long it has waited at `now`, in whole hours. */
  waitingHours: number;
  cooperative: { slug: string; name: string };
  provinceName: string;
  /** The product it is about (a lab report's: its batch's); null for a whole cooperative's certificate. */
  product: { slug: string; name: string } | null;
  /** The decision's, certificate's or lab report's number. */
  number: string;
  /** The certification body of a certificate, the laboratory of a lab report; null for a rating (see `authority`). */
  issuer: string | null;
  /** Who decided a rating, from its level and date (ocop-authority.ts; a provincial one's province is `provinceName`). */
  authority: OcopAuthority | null;
  certificateKind: CertificationKind | null;
  stars: number | null;
  level: OcopLevel | null;
  /** A lab report's batch, what it tested, its finding in a word and in the cooperative's; null for other claims. */
  lab: { lotCode: string; tests: LabTestKind[]; result: LabResult; summary: string } | null;
  /** The decision date of a rating, the first valid day of a certificate, the day a lab report was issued. */
  validFrom: string;
  /** Last valid day of a certificate or a rating (its decision date + 36 months); null for an open-ended certificate or a lab report. */
  validUntil: string | null;
  /**
   * When the verified version of this claim was revoked while this edit waits (claim-decisions.ts#revocationOf):
   * the day in Viet Nam and the reason. Verifying the edit then makes it public again in place of the revoked
   * version, which the officer must know before deciding. Null when nothing of it was revoked.
   */
  revokedVersion: { on: string; reason: string } | null;
  /** The evidence file (served at evidencePath), else the link the cooperative gave, else null. */
  evidenceUrl: string | null;
}

const submitted = (
  column: typeof ocopRatings.submittedAt | typeof certifications.submittedAt | typeof labReports.submittedAt,
) => sql<number>`coalesce(${column}, 0)`;

/** Whose claim it is: the cooperative (and its province) and the product, if any. */
const whose = {
  cooperativeSlug: cooperatives.slug,
  cooperativeName: cooperatives.name,
  provinceName: provinces.nameVi,
  productSlug: products.slug,
  productName: products.nameVi,
  verifierName: users.displayName,
};

/** A verified claim as the officers' revoke list shows it: who verified it and when. */
export interface VerifiedClaim extends QueuedClaim {
  verifiedAt: Date | null;
  /** The verifying officer's display name; null if unknown (the column has no foreign key). */
  verifierName: string | null;
}

/**
 * The claims in `state`: pending ones oldest first (the queue), verified ones newest verification
 * first (what an officer may revoke), each kind's through the `…_verification_idx` of its table.
 */
async function listClaimsIn(
  db: Database,
  state: ListedState,
  now: Date,
  waiting: WaitingOrder = 'oldest',
  scope: ClaimListScope = {},
): Promise<VerifiedClaim[]> {
  const pending = state === 'pending';
  // One cooperative's claims (its products' and its own): few, so a review's link always finds its claim.
  const inScope = (
    verification: typeof ocopRatings.verification | typeof certifications.verification | typeof labReports.verification,
  ) => and(eq(verification, state), scope.cooperative ? eq(cooperatives.slug, scope.cooperative) : undefined);
  // Each table's first CLAIM_QUEUE_LIMIT in the order asked for, so "newest first" is the newest, not the oldest reversed.
  const bySubmission = waiting === 'oldest' ? asc : desc;
  const order = (table: typeof ocopRatings | typeof certifications | typeof labReports) =>
    pending ? [bySubmission(table.submittedAt), asc(table.id)] : [desc(table.verifiedAt), asc(table.id)];
  const [ratings, certificates, reports] = await Promise.all([
    db
      .select({
        id: ocopRatings.id,
        verification: ocopRatings.verification,
        revision: ocopRatings.revision,
        submittedAt: submitted(ocopRatings.submittedAt),
        verifiedAt: ocopRatings.verifiedAt,
        ...whose,
        number: ocopRatings.decisionNumber,
        stars: ocopRatings.stars,
        level: ocopRatings.level,
        validFrom: ocopRatings.decisionDate,
        evidenceKey: ocopRatings.evidenceKey,
        revokedAt: ocopRatings.revokedAt,
        revokedReason: ocopRatings.revokedReason,
      })
      .from(ocopRatings)
      .innerJoin(products, eq(products.id, ocopRatings.productId))
      .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
      .innerJoin(provinces, eq(provinces.code, cooperatives.provinceCode))
      .leftJoin(users, eq(users.id, ocopRatings.verifiedBy))
      .where(inScope(ocopRatings.verification))
      .orderBy(...order(ocopRatings))
      .limit(CLAIM_QUEUE_LIMIT),
    db
      .select({
        id: certifications.id,
        verification: certifications.verification,
        revision: certifications.revision,
        submittedAt: submitted(certifications.submittedAt),
        verifiedAt: certifications.verifiedAt,
        ...whose,
        number: certifications.number,
        issuer: certifications.issuer,
        certificateKind: certifications.kind,
        validFrom: certifications.validFrom,
        validUntil: certifications.validUntil,
        evidenceUrl: certifications.evidenceUrl,
        evidenceKey: certifications.evidenceKey,
        revokedAt: certifications.revokedAt,
        revokedReason: certifications.revokedReason,
      })
      .from(certifications)
      .innerJoin(cooperatives, eq(cooperatives.id, certifications.cooperativeId))
      .innerJoin(provinces, eq(provinces.code, cooperatives.provinceCode))
      .leftJoin(products, eq(products.id, certifications.productId))
      .leftJoin(users, eq(users.id, certifications.verifiedBy))
      .where(inScope(certifications.verification))
      .orderBy(...order(certifications))
      .limit(CLAIM_QUEUE_LIMIT),
    db
      .select({
        id: labReports.id,
        verification: labReports.verification,
        revision: labReports.revision,
        submittedAt: submitted(labReports.submittedAt),
        verifiedAt: labReports.verifiedAt,
        ...whose,
        number: labReports.reportNumber,
        issuer: labReports.lab,
        lotCode: batches.lotCode,
        tests: labReports.tests,
        result: labReports.result,
        summary: labReports.summary,
        validFrom: labReports.reportedOn,
        evidenceKey: labReports.evidenceKey,
        revokedAt: labReports.revokedAt,
        revokedReason: labReports.revokedReason,
      })
      .from(labReports)
      .innerJoin(batches, eq(batches.id, labReports.batchId))
      .innerJoin(products, eq(products.id, batches.productId))
      .innerJoin(cooperatives, eq(cooperatives.id, labReports.cooperativeId))
      .innerJoin(provinces, eq(provinces.code, cooperatives.provinceCode))
      .leftJoin(users, eq(users.id, labReports.verifiedBy))
      .where(inScope(labReports.verification))
      .orderBy(...order(labReports))
      .limit(CLAIM_QUEUE_LIMIT),
  ]);
  const common = (row: {
    id: string;
    verification: ClaimState;
    revision: number;
    submittedAt: number;
    cooperativeSlug: string;
    cooperativeName: string;
    provinceName: string;
    productSlug: string | null;
    productName: string | null;
    revokedAt: Date | null;
    revokedReason: string | null;
    verifiedAt: Date | null;
    verifierName: string | null;
  }) => {
    const submittedAt = new Date(Number(row.submittedAt));
    return {
      id: row.id,
      verification: row.verification,
      revision: row.revision,
      submittedAt,
      waitingHours: Math.max(0, Math.floor((now.getTime() - submittedAt.getTime()) / 3_600_000)),
      cooperative: { slug: row.cooperativeSlug, name: row.cooperativeName },
      provinceName: row.provinceName,
      product:
        row.productSlug === null || row.productName === null ? null : { slug: row.productSlug, name: row.productName },
      revokedVersion: row.revokedAt ? { on: vietnamDate(row.revokedAt), reason: row.revokedReason ?? '' } : null,
      verifiedAt: row.verifiedAt,
      verifierName: row.verifierName,
    };
  };
  const listed: VerifiedClaim[] = [
    ...ratings.map((row) => ({
      ...common(row),
      kind: 'ocop_rating' as const,
      number: row.number,
      issuer: null,
      authority: ocopDecidingAuthority(row.level, row.validFrom),
      certificateKind: null,
      stars: row.stars,
      level: row.level,
      lab: null,
      validFrom: row.validFrom,
      validUntil: ocopValidUntil(row.validFrom),
      evidenceUrl: row.evidenceKey ? evidencePath('ocop_rating', row.id) : null,
    })),
    ...certificates.map((row) => ({
      ...common(row),
      kind: 'certificate' as const,
      number: row.number,
      issuer: row.issuer,
      authority: null,
      certificateKind: row.certificateKind,
      stars: null,
      level: null,
      lab: null,
      validFrom: row.validFrom,
      validUntil: row.validUntil,
      evidenceUrl: row.evidenceKey ? evidencePath('certificate', row.id) : row.evidenceUrl,
    })),
    ...reports.map((row) => ({
      ...common(row),
      kind: 'lab_report' as const,
      number: row.number,
      issuer: row.issuer,
      authority: null,
      certificateKind: null,
      stars: null,
      level: null,
      lab: { lotCode: row.lotCode, tests: row.tests, result: row.result, summary: row.summary },
      validFrom: row.validFrom,
      validUntil: null,
      evidenceUrl: row.evidenceKey ? evidencePath('lab_report', row.id) : null,
    })),
  ];
  const bySubmitted = byWaiting(waiting);
  const byAge = (a: VerifiedClaim, b: VerifiedClaim) =>
    pending
      ? bySubmitted(a.submittedAt, b.submittedAt)
      : (b.verifiedAt?.getTime() ?? 0) - (a.verifiedAt?.getTime() ?? 0);
  return listed.sort((a, b) => byAge(a, b) || a.id.localeCompare(b.id)).slice(0, CLAIM_QUEUE_LIMIT);
}

/**
 * Which claims a list shows: every cooperative's, or one cooperative's (by slug; the review page
 * links to a waiting claim in its cooperative's list, which the first CLAIM_QUEUE_LIMIT of the whole
 * queue may not reach).
 */
export interface ClaimListScope {
  cooperative?: string;
}

/** The pending claims, oldest first unless `order` says newest first (waiting-order.ts). */
export async function listClaimQueue(
  db: Database,
  user: SessionUser | null | undefined,
  now: Date,
  order: WaitingOrder = 'oldest',
  scope: ClaimListScope = {},
): Promise<QueuedClaim[]> {
  requireOfficer(user);
  // The queue's API shape has no verifier: a pending claim's would be its previous version's.
  return (await listClaimsIn(db, 'pending', now, order, scope)).map(
    ({ verifiedAt: _at, verifierName: _name, ...claim }) => claim,
  );
}

/**
 * The verified claims, newest verification first (at most CLAIM_QUEUE_LIMIT): what an officer may
 * revoke (claim-decisions.ts, `revoke`) with a reason the public reads.
 */
export async function listVerifiedClaims(
  db: Database,
  user: SessionUser | null | undefined,
  now: Date,
  scope: ClaimListScope = {},
): Promise<VerifiedClaim[]> {
  requireOfficer(user);
  return listClaimsIn(db, 'verified', now, 'oldest', scope);
}
