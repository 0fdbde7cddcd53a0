/**
 * products.ocop_stars holds the stars of the product's current *valid* OCOP
 * rating, so lists can filter, sort and show stars from an index. Validity
 * runs out with time (36 months), so the column is recomputed from
 * ocop_ratings after every write of ratings and once a day just after
 * midnight in Viet Nam (the worker's scheduled handler). A rating counts only
 * once an officer verified it (src/server/claims). The product page reads
 * the ratings themselves and shows expired and revoked ones as such.
 */
import { eq, sql } from 'drizzle-orm';
import { verifiedField, verifiedVersionStands } from '../claims/public-claims';
import type { Database } from '../db/client';
import { products } from '../db/schema';
import { ocopValidSince } from './validity';

/** Recomputes ocop_stars wherever it differs from the latest verified, valid, unrevoked rating on `today`. */
export async function refreshOcopStars(db: Database, today: string): Promise<void> {
  const current = currentStars(today);
  await db.run(sql`UPDATE products SET ocop_stars = ${current} WHERE ocop_stars IS NOT ${current}`);
}

// The verified version of each rating (src/server/claims/public-claims.ts): an edit waiting for an
// officer, or rejected by one, leaves the stars the officer verified.
const stars = verifiedField('r', 'stars');
const decisionDate = verifiedField('r', 'decisionDate');

function currentStars(today: string) {
  return sql`(SELECT ${stars} FROM ocop_ratings r
    WHERE r.product_id = products.id AND r.status = 'active' AND ${verifiedVersionStands('r')}
      AND r.last_verified IS NOT NULL AND ${decisionDate} >= ${ocopValidSince(today)}
    ORDER BY ${decisionDate} DESC LIMIT 1)`;
}

/**
 * The same recomputation for one product, as a query builder so it can go in
 * the db.batch of a decision on one of its ratings (a raw statement's
 * parameters do not bind in D1's batch through Drizzle).
 */
export function refreshProductStars(db: Database, productId: string, today: string) {
  return db
    .update(products)
    .set({ ocopStars: sql`${currentStars(today)}` })
    .where(eq(products.id, productId));
}
