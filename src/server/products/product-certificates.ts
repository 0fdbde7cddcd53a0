/**
 * product_certificates (src/server/db/schema.ts): the certificates each product holds, its own or
 * its whole cooperative's, verified and not revoked, with their verified kind and dates, by the
 * product's search_key. The triggers of migrations/0049_product_certificates.sql keep it; a bulk
 * load drops them (scripts/lib/bulk-load.ts) and builds the table once after with
 * rebuildProductCertificates.
 */
import { sql } from 'drizzle-orm';
import { verifiedField } from '../claims/public-claims';
import type { Database } from '../db/client';
import { productCertificates } from '../db/schema';

/** The triggers that keep product_certificates, which a bulk load defers. */
export const PRODUCT_CERTIFICATES_TRIGGERS = [
  'product_certificates_after_product_update',
  'product_certificates_after_product_delete',
  'product_certificates_after_certificate_insert',
  'product_certificates_after_certificate_update',
  'product_certificates_after_certificate_delete',
] as const;

const COUNTS = sql`cert.last_verified IS NOT NULL AND cert.revoked_at IS NULL AND cert.verification <> 'revoked'`;
const VERSION = sql`${verifiedField('cert', 'kind')}, ${verifiedField('cert', 'validFrom')}, ${verifiedField('cert', 'validUntil')}`;

/**
 * certificateCountsOn's test of the dates (claims/public-claims.ts), on a row of
 * product_certificates (`held`): read from the index entry a seek by key and kind lands on, not a
 * range of that seek (unary +). A range makes SQLite step to an entry even for a hit that holds
 * nothing, which D1 counts as a row read (9,660 more for the 9,276 hits of "ca phe" at 200,000
 * products); the seek by key and kind reads none for them.
 */
export const heldOn = (today: string) =>
  sql`+held.valid_from <= ${today} AND coalesce(held.valid_until, ${today}) >= ${today}`;

/**
 * Builds product_certificates again from every product and certificate: 65,570 rows at 200,000
 * products, 0.5 s for the rows and about 10 s in all, as each row tags its product in
 * products_fts (migrations/0050_search_tags.sql).
 */
export async function rebuildProductCertificates(db: Database): Promise<void> {
  // Query builders, not db.run(sql): drizzle's D1 driver batches only prepared builder statements.
  // A certificate is a product's own or its whole cooperative's, never both: UNION ALL repeats no row.
  await db.batch([
    db.delete(productCertificates),
    db.insert(productCertificates).select(sql`
      SELECT cert.id, p.search_key, ${VERSION} FROM certifications cert
        JOIN products p ON p.id = cert.product_id
      WHERE p.search_key IS NOT NULL AND ${COUNTS}
      UNION ALL
      SELECT cert.id, p.search_key, ${VERSION} FROM certifications cert
        JOIN products p ON p.cooperative_id = cert.cooperative_id
      WHERE cert.product_id IS NULL AND p.search_key IS NOT NULL AND ${COUNTS}`),
  ]);
}
