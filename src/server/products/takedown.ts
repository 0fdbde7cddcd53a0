/**
 * The trade department takes one product listing off the public site with a
 * reason. The product goes back to the cooperative as rejected, with the
 * reason on its dashboard: they put it right and submit it again, and it
 * returns to the public only through the moderation queue. A change the
 * cooperative had waiting for review is folded into the product (as when
 * they unpublish it themselves), so their work is kept and reviewed whole.
 */
import type { SQL } from 'drizzle-orm';
import { requireOfficer } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import { findRevision, revisionStill } from '../moderation/pending-revisions';
import { foldedRevision } from './product-revisions';
import { withFreeSlug } from '../slug-history/slug-history';
import { findProductBySlug } from './owned-product';
import { moveStatus } from './product-writes';
import type { Database } from '../db/client';
import { ConflictError } from '../errors';
import { officerNote } from '../moderation/officer-note';

export const PRODUCT_SUSPENDED_ACTION = 'product.suspended';

export async function suspendProduct(
  db: Database,
  user: SessionUser | null,
  slug: string,
  input: unknown,
): Promise<void> {
  // A rename racing another one to the same name is written again with the next free slug.
  return withFreeSlug('product', async () => {
    const officer = requireOfficer(user);
    const reason = officerNote(input, 'reason');
    const row = await findProductBySlug(db, slug);
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
          ? {
              condition: revisionStill(revision.id, revision.version),
              also: (witnessed: SQL) => folded.statements(witnessed),
            }
          : {}),
      });
    } catch (error) {
      if (error instanceof ConflictError)
        throw new ConflictError('not published', { status: { code: 'not_published' } });
      throw error;
    }
  });
}
