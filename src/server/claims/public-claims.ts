/**
 * The one rule every public reader of claims follows: a claim reaches the
 * public only after an officer verified it. Pages show verified claims and
 * revoked OCOP ratings (as revoked); only verified ones count in
 * stars, filters, statistics and featured products. Pending, sent-back and
 * rejected claims are seen by their cooperative and the officers alone.
 */
import { eq, inArray, type SQL } from 'drizzle-orm';
import { certifications, ocopRatings } from '../db/schema';
import { PUBLIC_CLAIM_STATES } from './vocabulary';

/** Condition on `ocop_ratings`: the rating may be shown on a public page. */
export function ratingShownPublicly(): SQL {
  return inArray(ocopRatings.verification, [...PUBLIC_CLAIM_STATES]);
}

/**
 * Condition on `certifications`: the certificate may be shown on a public
 * page. Verified ones only for now: public certificate views have no
 * "revoked" status yet, and a revoked certificate must never read as valid.
 */
export function certificateShownPublicly(): SQL {
  return eq(certifications.verification, 'verified');
}
