/**
 * Verified claims that run out within a window of days: what the daily job
 * reminds cooperatives of (./claim-reminders.ts), what a cooperative's account
 * page lists, and what officers see and download per province.
 *
 * A claim counts while it is the latest of its line: a rating until the
 * product is rated again, a certificate until a later one of the same kind
 * for the same product (or the whole cooperative) is verified. A renewal
 * therefore silences the reminders of what it replaces.
 *
 * Like every public reader (public-claims.ts), it reads the version an officer
 * verified, never what the cooperative declared last: an edit waiting in the
 * queue neither moves nor silences the reminder of the claim the public sees,
 * until an officer verifies it.
 */
import { and, asc, eq, gte, isNull, lt, lte, type SQL, sql } from 'drizzle-orm';
import { requireOfficer } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import { CSV_BYTE_ORDER_MARK, csvRecords } from '../csv';
import type { Database } from '../db/client';
import { certifications, cooperatives, ocopRatings, products, provinces, users } from '../db/schema';
import { REMINDER_THRESHOLDS } from '../notifications/vocabulary';
import type { CertificationKind } from '../products/vocabulary';
import { ocopValidSince, ocopValidUntil } from '../products/validity';
import { addDaysToDate, daysBetween, vietnamDate } from '../time/vietnam';
import { certificateShownPublicly, ratingShownPublicly, verifiedField, verifiedVersionStands } from './public-claims';
import type { ClaimKind } from './vocabulary';

/** A field of the verified version of the claim in `table` (its name in SQL), typed for a select. */
const verified = <T>(table: 'ocop_ratings' | 'certifications', field: string) => sql<T>`${verifiedField(table, field)}`;

export interface ExpiringClaim {
  kind: ClaimKind;
  id: string;
  cooperative: { id: string; slug: string; name: string };
  provinceCode: string;
  provinceName: string;
  /** The product it is about; null for a whole cooperative's certificate. */
  product: { slug: string; name: string } | null;
  certificateKind: CertificationKind | null;
  stars: number | null;
  /** The decision's or certificate's number. */
  number: string;
  /** Last valid day (inclusive). */
  validUntil: string;
  /** Days from `today` to the last valid day: 0 on that day, negative once it has passed. */
  daysLeft: number;
}

export interface ExpiryWindow {
  /** Today in Viet Nam. */
  today: string;
  /** Last valid days from `today + fromDays` to `today + toDays`, both inclusive. */
  fromDays: number;
  toDays: number;
  /** Only this cooperative's claims, or only those of cooperatives in this province. */
  cooperativeId?: string;
  provinceCode?: string;
  limit?: number;
}

/** More than an officer's page shows at once; the CSV asks for more. */
export const EXPIRING_LIMIT = 1000;

export async function listExpiringClaims(db: Database, window: ExpiryWindow): Promise<ExpiringClaim[]> {
  const first = addDaysToDate(window.today, window.fromDays);
  const last = addDaysToDate(window.today, window.toDays);
  const limit = window.limit ?? EXPIRING_LIMIT;
  // A later verified claim of the same line (re-rated product, renewed certificate) silences this one.
  const scope: SQL | undefined = and(
    window.cooperativeId === undefined ? undefined : eq(cooperatives.id, window.cooperativeId),
    window.provinceCode === undefined ? undefined : eq(cooperatives.provinceCode, window.provinceCode),
  );
  const whose = {
    cooperativeId: cooperatives.id,
    cooperativeSlug: cooperatives.slug,
    cooperativeName: cooperatives.name,
    provinceCode: provinces.code,
    provinceName: provinces.nameVi,
    productSlug: products.slug,
    productName: products.nameVi,
  };
  const rating = {
    decisionNumber: verified<string>('ocop_ratings', 'decisionNumber'),
    decisionDate: verified<string>('ocop_ratings', 'decisionDate'),
    stars: verified<number>('ocop_ratings', 'stars'),
  };
  const certificate = {
    number: verified<string>('certifications', 'number'),
    kind: verified<CertificationKind>('certifications', 'kind'),
    validUntil: verified<string | null>('certifications', 'validUntil'),
  };
  const [ratings, certificates] = await Promise.all([
    db
      .select({
        id: ocopRatings.id,
        ...whose,
        number: rating.decisionNumber,
        stars: rating.stars,
        decisionDate: rating.decisionDate,
      })
      .from(ocopRatings)
      .innerJoin(products, eq(products.id, ocopRatings.productId))
      .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
      .innerJoin(provinces, eq(provinces.code, cooperatives.provinceCode))
      .where(
        and(
          ratingShownPublicly(),
          isNull(ocopRatings.revokedAt),
          eq(ocopRatings.status, 'active'),
          // Valid on `first` and no longer valid the day after `last` (36 months, clamped at month ends).
          gte(rating.decisionDate, ocopValidSince(first)),
          lt(rating.decisionDate, ocopValidSince(addDaysToDate(last, 1))),
          sql`NOT EXISTS (SELECT 1 FROM ocop_ratings newer WHERE newer.product_id = ${ocopRatings.productId}
            AND newer.last_verified IS NOT NULL AND ${verifiedVersionStands('newer')}
            AND ${verifiedField('newer', 'decisionDate')} > ${rating.decisionDate})`,
          scope,
        ),
      )
      .orderBy(asc(rating.decisionDate), asc(ocopRatings.id))
      .limit(limit),
    db
      .select({
        id: certifications.id,
        ...whose,
        number: certificate.number,
        certificateKind: certificate.kind,
        validUntil: certificate.validUntil,
      })
      .from(certifications)
      .innerJoin(cooperatives, eq(cooperatives.id, certifications.cooperativeId))
      .innerJoin(provinces, eq(provinces.code, cooperatives.provinceCode))
      .leftJoin(products, eq(products.id, certifications.productId))
      .where(
        and(
          certificateShownPublicly(),
          gte(certificate.validUntil, first),
          lte(certificate.validUntil, last),
          sql`NOT EXISTS (SELECT 1 FROM certifications newer WHERE newer.cooperative_id = ${certifications.cooperativeId}
            AND newer.product_id IS ${certifications.productId} AND ${verifiedField('newer', 'kind')} = ${certificate.kind}
            AND newer.last_verified IS NOT NULL AND ${verifiedVersionStands('newer')}
            AND coalesce(${verifiedField('newer', 'validUntil')}, '9999-12-31') > ${certificate.validUntil})`,
          scope,
        ),
      )
      .orderBy(asc(certificate.validUntil), asc(certifications.id))
      .limit(limit),
  ]);
  const common = (row: (typeof ratings)[number] | (typeof certificates)[number], validUntil: string) => ({
    id: row.id,
    cooperative: { id: row.cooperativeId, slug: row.cooperativeSlug, name: row.cooperativeName },
    provinceCode: row.provinceCode,
    provinceName: row.provinceName,
    product:
      row.productSlug === null || row.productName === null ? null : { slug: row.productSlug, name: row.productName },
    number: row.number,
    validUntil,
    daysLeft: daysBetween(window.today, validUntil),
  });
  const expiring: ExpiringClaim[] = [
    ...ratings.map((row) => ({
      ...common(row, ocopValidUntil(row.decisionDate)),
      kind: 'ocop_rating' as const,
      certificateKind: null,
      stars: row.stars,
    })),
    ...certificates.map((row) => ({
      ...common(row, row.validUntil ?? last),
      kind: 'certificate' as const,
      certificateKind: row.certificateKind,
      stars: null,
    })),
  ];
  return expiring.sort((a, b) => a.validUntil.localeCompare(b.validUntil) || a.id.localeCompare(b.id)).slice(0, limit);
}

/** Whose expiring claims an officer sees: everyone's (an admin), one province's, or none (an officer with no province yet). */
export type OversightScope = { kind: 'all' } | { kind: 'province'; code: string; name: string } | { kind: 'none' };

export interface ExpiringOversight {
  scope: OversightScope;
  today: string;
  claims: ExpiringClaim[];
}

/** How far ahead the officers' list looks. */
export const OVERSIGHT_DAYS = REMINDER_THRESHOLDS[0];

/**
 * For the trade department: what expires within the next 90 days, soonest
 * first. An admin sees every province; an officer the province on their
 * account, and nothing until one is set.
 */
export async function listExpiringForOfficer(
  db: Database,
  user: SessionUser | null | undefined,
  now: Date,
  limit = EXPIRING_LIMIT,
): Promise<ExpiringOversight> {
  const officer = requireOfficer(user);
  const today = vietnamDate(now);
  const window = { today, fromDays: 0, toDays: OVERSIGHT_DAYS, limit };
  if (officer.role === 'admin') return { scope: { kind: 'all' }, today, claims: await listExpiringClaims(db, window) };
  const [province] = await db
    .select({ code: provinces.code, name: provinces.nameVi })
    .from(users)
    .innerJoin(provinces, eq(provinces.code, users.provinceCode))
    .where(eq(users.id, officer.id))
    .limit(1);
  if (!province) return { scope: { kind: 'none' }, today, claims: [] };
  return {
    scope: { kind: 'province', ...province },
    today,
    claims: await listExpiringClaims(db, { ...window, provinceCode: province.code }),
  };
}

export const EXPIRING_CSV_COLUMNS = [
  'valid_until',
  'days_left',
  'kind',
  'certificate_kind',
  'stars',
  'number',
  'product',
  'cooperative',
  'cooperative_slug',
  'province',
] as const;

/** The officers' list as CSV (src/server/csv.ts), one claim per record. */
export function expiringClaimsCsv(claims: readonly ExpiringClaim[]): string {
  const records = claims.map((claim) => [
    claim.validUntil,
    claim.daysLeft,
    claim.kind,
    claim.certificateKind ?? '',
    claim.stars ?? '',
    claim.number,
    claim.product?.name ?? '',
    claim.cooperative.name,
    claim.cooperative.slug,
    claim.provinceName,
  ]);
  return `${CSV_BYTE_ORDER_MARK}${csvRecords([EXPIRING_CSV_COLUMNS, ...records])}`;
}
