/**
 * product_certification_kinds (src/server/db/schema.ts): the kinds of certificate each product
 * holds, its own or its whole cooperative's, verified and not revoked, by its search_key. The
 * triggers of migrations/0048_product_certification_kinds.sql keep it; a bulk load drops them
 * (scripts/lib/bulk-load.ts) and builds the table once after with rebuildProductCertificationKinds.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { productCertificationKinds } from '../db/schema';

/** The triggers that keep product_certification_kinds, which a bulk load defers. */
export const PRODUCT_CERTIFICATION_KINDS_TRIGGERS = [
  'product_certification_kinds_after_product_update',
  'product_certification_kinds_after_product_delete',
  'product_certification_kinds_after_certificate_insert',
  'product_certification_kinds_after_certificate_update',
  'product_certification_kinds_after_certificate_delete',
] as const;

const COUNTS = sql`cert.last_verified IS NOT NULL AND cert.revoked_at IS NULL AND cert.verification <> 'revoked'`;

/** Builds product_certification_kinds again from every product and certificate (0.3 s at 200,000 products). */
export async function rebuildProductCertificationKinds(db: Database): Promise<void> {
  // Query builders, not db.run(sql): drizzle's D1 driver batches only prepared builder statements.
  // UNION, not UNION ALL: a product may hold a kind both ways, or through two certificates.
  await db.batch([
    db.delete(productCertificationKinds),
    db.insert(productCertificationKinds).select(sql`
      SELECT p.search_key, json_extract(cert.last_verified, '$.kind') FROM certifications cert
        JOIN products p ON p.id = cert.product_id
      WHERE p.search_key IS NOT NULL AND ${COUNTS}
      UNION
      SELECT p.search_key, json_extract(cert.last_verified, '$.kind') FROM certifications cert
        JOIN products p ON p.cooperative_id = cert.cooperative_id
      WHERE cert.product_id IS NULL AND p.search_key IS NOT NULL AND ${COUNTS}`),
  ]);
}
