/**
 * The one rule every public reader of claims follows: a claim reaches the
 * public only after an officer verified it, and the public sees the version
 * the officer verified (its `last_verified` copy, verified-version.ts), even
 * while a later edit waits in the queue or after that edit was rejected.
 * Only such claims count in stars, filters, statistics and featured
 * products. Revoked claims are shown as revoked (with the date and reason)
 * for as long as they would otherwise have been valid (revokedShownUntil),
 * and never count. Pending, sent-back and rejected claims that were never
 * verified are seen by their cooperative and the officers alone.
 */
import { and, eq, isNotNull, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { certifications, ocopRatings } from '../db/schema';
import { addDaysToDate } from '../time/vietnam';

/** Condition on `ocop_ratings`: the rating has a verified version the public may see (a revoked one as revoked). */
export function ratingShownPublicly(): SQL {
  return isNotNull(ocopRatings.lastVerified);
}

/** Condition on `certifications`: the certificate has a verified version that counts today. */
export function certificateShownPublicly(): SQL {
  return and(
    isNotNull(certifications.lastVerified),
    isNull(certifications.revokedAt),
    ne(certifications.verification, 'revoked'),
  ) as SQL;
}

/**
 * Condition on `certifications`: its verified version was revoked, whether the
 * certificate itself is `revoked` or an edit of it waits in the queue.
 */
export function certificateRevoked(): SQL {
  return and(
    isNotNull(certifications.lastVerified),
    or(isNotNull(certifications.revokedAt), eq(certifications.verification, 'revoked')),
  ) as SQL;
}

/** Condition, in SQL, on a claim under `alias`: its verified version was not revoked (`revoked_at`). */
export function verifiedVersionStands(alias: string): SQL {
  return sql.raw(`${alias}.revoked_at IS NULL AND ${alias}.verification <> 'revoked'`);
}

/** A field of a claim's verified version, in SQL (`alias`: the table's name or alias in the query). */
export function verifiedField(alias: string, field: string): SQL {
  return sql.raw(`json_extract(${alias}.last_verified, '$.${field}')`);
}

/**
 * Condition, in SQL, on a certificate under `alias`: its verified version
 * counts on `today` (YYYY-MM-DD in Viet Nam): verified, not revoked, and valid
 * that day. What the product and cooperative lists filter and count by.
 */
export function certificateCountsOn(alias: string, today: string): SQL {
  return sql`${sql.raw(alias)}.last_verified IS NOT NULL AND ${verifiedVersionStands(alias)}
  AND ${verifiedField(alias, 'validFrom')} <= ${today}
  AND coalesce(${verifiedField(alias, 'validUntil')}, ${today}) >= ${today}`;
}

/**
 * How long the public still sees a revoked claim: until the end of the
 * validity it claimed, since that is how long a label or an old page may still
 * show it and a buyer may still ask. A claim with no end (a geographic
 * indication) or revoked after its end stays one year from the revocation, long
 * enough for anyone who saw it to find out why it went.
 */
export const REVOKED_WITHOUT_END_DAYS = 365;

export function revokedShownUntil(validUntil: string | null, revokedOn: string): string {
  const aYearOn = addDaysToDate(revokedOn, REVOKED_WITHOUT_END_DAYS);
  return validUntil !== null && validUntil > revokedOn ? validUntil : aYearOn;
}
