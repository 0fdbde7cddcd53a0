/**
 * The trade department takes one product listing off the public site with a
 * reason. The product goes back to the cooperative as rejected, with the
 * reason on its dashboard: they put it right and submit it again, and it
 * returns to the public only through the moderation queue. A change the
 * cooperative had waiting for review is folded into the product (as when
 * they unpublish it themselves), so their work is kept and reviewed whole.
 */
import { eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { requireRole } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import { findRevision, revisionStill } from '../dashboard/pending-revisions';
import { foldedRevision } from '../dashboard/product-revisions';
import { moveStatus } from '../dashboard/product-writes';
import type { Database } from '../db/client';
import { products } from '../db/schema';
import { ConflictError, NotFoundError } from '../errors';
import { parseInput } from '../validation';

export const PRODUCT_SUSPENDED_ACTION = 'product.suspended';

const reasonSchema = z.strictObject({ reason: z.string().trim().min(10).max(1000) });

export async function suspendProduct(db: Database, user: SessionUser | null, slug: string, input: unknown): Promise<void> {
  const officer = requireRole(user, 'officer', 'admin');
  const given = typeof input === 'object' && input !== null ? (input as Record<string, unknown>).reason : undefined;
  const { reason } = parseInput(reasonSchema, { reason: given });
  const [row] = await db
    .select({
      id: products.id,
      slug: products.slug,
      cooperativeId: products.cooperativeId,
      nameVi: products.nameVi,
      nameEn: products.nameEn,
      status: products.status,
      traceCode: products.traceCode,
      gtin: products.gtin,
    })
    .from(products)
    .where(eq(products.slug, slug))
    .limit(1);
  if (!row) throw new NotFoundError('product');
  const revision = await findRevision(db, 'product', row.id);
  const folded = revision ? await foldedRevision(db, row, revision) : null;
  try {
    await moveStatus(db, {
      actor: officer,
      productId: row.id,
      from: ['published'],
      to: 'rejected',
      action: PRODUCT_SUSPENDED_ACTION,
      detail: { reason, ...(revision && folded ? { revision: revision.id, folded: folded.changes } : {}) },
      set: { rejectionReason: reason, ...folded?.columns },
      ...(revision && folded
        ? { condition: revisionStill(revision.id, revision.version), also: (witnessed: SQL) => [folded.deleteRevision(witnessed)] }
        : {}),
    });
  } catch (error) {
    if (error instanceof ConflictError) throw new ConflictError('not published', { status: { code: 'not_published' } });
    throw error;
  }
}
