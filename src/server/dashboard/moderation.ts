/**
 * The trade officers' moderation of products: the queue of submitted
 * products, each with a diff against the version last approved, and the
 * decision — approve (publishes) or reject with a reason the cooperative
 * sees. Every decision is a conditional status move with its audit-log row
 * in one batch (product-writes.ts moveStatus); the approval's row keeps the
 * fields as approved, which is what the next review diffs against.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { requireRole } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import { refreshOcopStars } from '../catalogue/ocop-stars';
import type { Database } from '../db/client';
import { auditLog, cooperatives, products, users } from '../db/schema';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { vietnamDate } from '../time/vietnam';
import { moveStatus } from './product-writes';
import { type ProductFields, productFieldColumns } from './products';

export const APPROVED_ACTION = 'product.approved';
export const REJECTED_ACTION = 'product.rejected';

const requireModerator = (user: SessionUser | null | undefined) => requireRole(user, 'officer', 'admin');

export interface QueueEntry {
  id: string;
  nameVi: string;
  cooperativeName: string;
  submittedAt: Date;
  /** Whether a version of it was approved before (a change), or it is new. */
  published: boolean;
}

export async function listModerationQueue(db: Database, user: SessionUser | null | undefined): Promise<QueueEntry[]> {
  requireModerator(user);
  const rows = await db
    .select({
      id: products.id,
      nameVi: products.nameVi,
      cooperativeName: cooperatives.name,
      submittedAt: products.updatedAt,
      publishedAt: products.publishedAt,
    })
    .from(products)
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .where(eq(products.status, 'submitted'))
    .orderBy(asc(products.updatedAt));
  return rows.map(({ publishedAt, ...row }) => ({ ...row, published: publishedAt !== null }));
}

export interface FieldChange {
  field: keyof ProductFields;
  before: string | number | null;
  after: string | number | null;
  changed: boolean;
}

export interface Review {
  id: string;
  slug: string;
  status: string;
  cooperativeName: string;
  submittedAt: Date;
  /** The fields as last approved, or null when no version was ever approved here. */
  approvedAt: Date | null;
  changes: FieldChange[];
  /** Earlier decisions, newest first. */
  history: { action: string; at: Date; by: string | null; reason: string | null }[];
}

export async function loadReview(db: Database, user: SessionUser | null | undefined, productId: string): Promise<Review> {
  requireModerator(user);
  const [row] = await db
    .select({
      id: products.id,
      slug: products.slug,
      status: products.status,
      cooperativeName: cooperatives.name,
      submittedAt: products.updatedAt,
      ...productFieldColumns,
    })
    .from(products)
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .where(eq(products.id, productId))
    .limit(1);
  if (!row) throw new NotFoundError('product');
  const { id, slug, status, cooperativeName, submittedAt, ...fields } = row;
  const decisions = await db
    .select({ action: auditLog.action, at: auditLog.createdAt, detail: auditLog.detail, by: users.displayName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.entityType, 'product'), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.createdAt));
  const approval = decisions.find((decision) => decision.action === APPROVED_ACTION);
  const approved = (approval?.detail?.snapshot ?? null) as Partial<ProductFields> | null;
  const changes = (Object.keys(fields) as (keyof ProductFields)[]).map((field) => {
    const before = approved ? (approved[field] ?? null) : null;
    const after = fields[field] ?? null;
    return { field, before, after, changed: approved ? before !== after : after !== null && after !== '' };
  });
  const history = decisions
    .filter((decision) => decision.action.startsWith('product.'))
    .map((decision) => ({
      action: decision.action,
      at: decision.at,
      by: decision.by,
      reason: typeof decision.detail?.reason === 'string' ? decision.detail.reason : null,
    }));
  return { id, slug, status, cooperativeName, submittedAt, approvedAt: approval?.at ?? null, changes, history };
}

/**
 * Publishes a submitted product as the reviewer saw it: `seenVersion` is the
 * review's `submittedAt`; a product rejected and submitted again meanwhile is
 * a conflict (409), not approved unseen.
 */
export async function approveProduct(
  db: Database,
  user: SessionUser | null | undefined,
  productId: string,
  seenVersion: number,
  now: Date,
): Promise<void> {
  const officer = requireModerator(user);
  const [row] = await db.select({ updatedAt: products.updatedAt, publishedAt: products.publishedAt, ...productFieldColumns }).from(products).where(eq(products.id, productId)).limit(1);
  if (!row) throw new NotFoundError('product');
  const { updatedAt, publishedAt, ...snapshot } = row;
  if (updatedAt.getTime() !== seenVersion) throw new ConflictError('changed since it was reviewed');
  await moveStatus(db, {
    actor: officer,
    productId,
    from: ['submitted'],
    to: 'published',
    action: APPROVED_ACTION,
    detail: { snapshot },
    set: { rejectionReason: null, publishedAt: publishedAt ?? now },
    unchangedSince: updatedAt,
  });
  // Its OCOP stars count in lists from now on.
  await refreshOcopStars(db, vietnamDate(now));
}

export const REJECTION_REASON = { min: 5, max: 1000 };

/** Sends a submitted product back with a reason its cooperative reads on its dashboard. */
export async function rejectProduct(db: Database, user: SessionUser | null | undefined, productId: string, reason: string): Promise<void> {
  const officer = requireModerator(user);
  const text = reason.trim();
  if (text.length < REJECTION_REASON.min) throw new ValidationError({ reason: { code: 'too_short', params: { min: REJECTION_REASON.min } } });
  if (text.length > REJECTION_REASON.max) throw new ValidationError({ reason: { code: 'too_long', params: { max: REJECTION_REASON.max } } });
  const [row] = await db.select({ id: products.id }).from(products).where(eq(products.id, productId)).limit(1);
  if (!row) throw new NotFoundError('product');
  await moveStatus(db, {
    actor: officer,
    productId,
    from: ['submitted'],
    to: 'rejected',
    action: REJECTED_ACTION,
    detail: { reason: text },
    set: { rejectionReason: text },
  });
}
