/**
 * The trade officers' moderation: the queue of submitted products and of
 * pending changes (to published products and to cooperative profiles), each
 * with a diff against the published version, and the decision — approve or
 * reject with a reason the cooperative sees. A submitted product's decision
 * is a conditional status move with its audit-log row in one batch
 * (product-writes.ts moveStatus); the approval's row keeps the fields as
 * approved, which is what the next review diffs against. A change's decision
 * applies or rejects its revision the same way (product-revisions.ts,
 * cooperative-profile.ts).
 */
import { readStoredImages, type StoredImage } from '../media/stored-image';
import { and, asc, desc, eq } from 'drizzle-orm';
import { requireOfficer } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import { refreshOcopStars } from '../products/ocop-stars';
import type { Database } from '../db/client';
import { auditLog, cooperatives, pendingRevisions, products, users } from '../db/schema';
import { ConflictError, NotFoundError } from '../errors';
import { vietnamDate } from '../time/vietnam';
import { applyProfileChange, loadProfileRevision } from '../cooperatives/profile-changes';
import { profileDecisionNotices } from '../cooperatives/profile-decision-mail';
import { findRevisionById, markRevisionRejected, type PendingRevision } from './pending-revisions';
import {
  applyProductRevision,
  loadProductRevision,
  PRODUCT_CHANGE_APPROVED,
  PRODUCT_FIELD_NAMES,
} from '../products/product-revisions';
import { moveStatus } from '../products/product-writes';
import { dictionary, format, type Locale } from '../../i18n';
import { type DecisionReasonInput, reasonInEachLanguage, readDecisionReason } from './decision-reasons';
import { decisionNotices, type Recipient } from '../notifications/outbox';
import { decisionMail } from '../notifications/decision-mail';
import { type ProductFields, productFieldColumns } from '../products/owner-list';
import { diffFields, type FieldChange as AnyFieldChange } from './revision-diff';
import type { RevisionEntityType, RevisionStatus } from './vocabulary';
import { byWaiting, type WaitingOrder } from './waiting-order';
import { loadProductBacking, type ProductBacking } from './product-backing';

export const APPROVED_ACTION = 'product.approved';
export const REJECTED_ACTION = 'product.rejected';

/**
 * What waits for a decision: a product submitted for the first time, one
 * submitted again after it was published and taken offline, a change to a
 * product that stays published meanwhile, or a change to a cooperative's profile.
 */
export type QueueKind = 'new_product' | 'resubmitted_product' | 'product_change' | 'profile_change';

export interface QueueEntry {
  /** The product's id, or the revision's for a change. */
  id: string;
  kind: QueueKind;
  /** The product's name, or the cooperative's (as published). */
  nameVi: string;
  cooperativeName: string;
  submittedAt: Date;
}

/** Everything waiting, the longest waiting first unless `order` says newest first (waiting-order.ts). */
export async function listModerationQueue(
  db: Database,
  user: SessionUser | null | undefined,
  order: WaitingOrder = 'oldest',
): Promise<QueueEntry[]> {
  requireOfficer(user);
  const [submitted, changes] = await Promise.all([
    db
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
      .orderBy(asc(products.updatedAt)),
    db
      .select({
        id: pendingRevisions.id,
        entityType: pendingRevisions.entityType,
        productName: products.nameVi,
        cooperativeName: cooperatives.name,
        submittedAt: pendingRevisions.updatedAt,
      })
      .from(pendingRevisions)
      .innerJoin(cooperatives, eq(cooperatives.id, pendingRevisions.cooperativeId))
      .leftJoin(products, and(eq(pendingRevisions.entityType, 'product'), eq(products.id, pendingRevisions.entityId)))
      .where(eq(pendingRevisions.status, 'pending'))
      .orderBy(asc(pendingRevisions.updatedAt)),
  ]);
  const entries: QueueEntry[] = [
    ...submitted.map(({ publishedAt, ...row }) => ({
      ...row,
      kind: publishedAt === null ? ('new_product' as const) : ('resubmitted_product' as const),
    })),
    ...changes.map(({ entityType, productName, cooperativeName, ...row }) => ({
      ...row,
      cooperativeName,
      kind: entityType === 'product' ? ('product_change' as const) : ('profile_change' as const),
      nameVi: entityType === 'product' ? (productName ?? '') : cooperativeName,
    })),
  ];
  // One order across both kinds: nobody waits longer because of what they asked for.
  const compare = byWaiting(order);
  return entries.sort((a, b) => compare(a.submittedAt, b.submittedAt) || a.id.localeCompare(b.id));
}

export type FieldChange = AnyFieldChange<keyof ProductFields>;

export interface DecisionRecord {
  action: string;
  at: Date;
  by: string | null;
  reason: string | null;
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
  /** The photos it would go public with: officers see what they approve. */
  images: StoredImage[];
  /** Earlier decisions, newest first. */
  history: DecisionRecord[];
  /** Its OCOP ratings, certificates and batches with their lab reports, in whatever state (product-backing.ts). */
  backing: ProductBacking;
}

/** A record's decisions and changes from the audit log, newest first. */
async function decisionsOf(db: Database, entityType: RevisionEntityType, entityId: string) {
  return db
    .select({ action: auditLog.action, at: auditLog.createdAt, detail: auditLog.detail, by: users.displayName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.createdAt));
}

function historyOf(decisions: Awaited<ReturnType<typeof decisionsOf>>): DecisionRecord[] {
  return decisions.map((decision) => ({
    action: decision.action,
    at: decision.at,
    by: decision.by,
    reason: typeof decision.detail?.reason === 'string' ? decision.detail.reason : null,
  }));
}

export async function loadReview(
  db: Database,
  user: SessionUser | null | undefined,
  productId: string,
): Promise<Review> {
  requireOfficer(user);
  const [row] = await db
    .select({
      id: products.id,
      slug: products.slug,
      status: products.status,
      cooperativeId: products.cooperativeId,
      cooperativeSlug: cooperatives.slug,
      cooperativeName: cooperatives.name,
      submittedAt: products.updatedAt,
      images: products.images,
      ...productFieldColumns,
    })
    .from(products)
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .where(eq(products.id, productId))
    .limit(1);
  if (!row) throw new NotFoundError('product');
  const { id, slug, status, cooperativeId, cooperativeSlug, cooperativeName, submittedAt, images, ...fields } = row;
  const [decisions, backing] = await Promise.all([
    decisionsOf(db, 'product', id),
    loadProductBacking(db, { id, cooperativeId, cooperativeSlug }),
  ]);
  // The last version that went public, by a first approval or an approved change.
  const approval = decisions.find(
    (decision) => decision.action === APPROVED_ACTION || decision.action === PRODUCT_CHANGE_APPROVED,
  );
  const approved = (approval?.detail?.snapshot ?? null) as Partial<ProductFields> | null;
  const changes = diffFields(PRODUCT_FIELD_NAMES, approved, fields);
  return {
    id,
    slug,
    status,
    cooperativeName,
    submittedAt,
    approvedAt: approval?.at ?? null,
    changes,
    images: readStoredImages(images),
    history: historyOf(decisions),
    backing,
  };
}

export interface RevisionReview {
  id: string;
  entityType: RevisionEntityType;
  status: RevisionStatus;
  version: number;
  /** The product's or the cooperative's name as published. */
  name: string;
  /** The public page's slug (product or cooperative). */
  slug: string;
  cooperativeName: string;
  authorName: string | null;
  submittedAt: Date;
  rejectionReason: string | null;
  changes: AnyFieldChange[];
  history: DecisionRecord[];
}

/** A pending (or rejected) change with its field-by-field diff against the published version. */
export async function loadRevisionReview(
  db: Database,
  user: SessionUser | null | undefined,
  revisionId: string,
): Promise<RevisionReview> {
  requireOfficer(user);
  const revision = await findRevisionById(db, revisionId);
  if (!revision) throw new NotFoundError('revision');
  const [cooperative] = await db
    .select({ name: cooperatives.name, slug: cooperatives.slug })
    .from(cooperatives)
    .where(eq(cooperatives.id, revision.cooperativeId))
    .limit(1);
  if (!cooperative) throw new NotFoundError('cooperative');
  const [state, decisions] = await Promise.all([
    revision.entityType === 'product'
      ? loadProductRevision(db, revision.entityId)
      : loadProfileRevision(db, revision.entityId),
    decisionsOf(db, revision.entityType, revision.entityId),
  ]);
  if (!state) throw new NotFoundError('revision');
  let name = cooperative.name;
  let slug = cooperative.slug;
  if (revision.entityType === 'product') {
    const [product] = await db
      .select({ nameVi: products.nameVi, slug: products.slug })
      .from(products)
      .where(eq(products.id, revision.entityId))
      .limit(1);
    if (!product) throw new NotFoundError('product');
    ({ nameVi: name, slug } = product);
  }
  return {
    id: revision.id,
    entityType: revision.entityType,
    status: revision.status,
    version: revision.version,
    name,
    slug,
    cooperativeName: cooperative.name,
    authorName: revision.authorName,
    submittedAt: revision.updatedAt,
    rejectionReason: revision.rejectionReason,
    changes: state.changes,
    history: historyOf(decisions),
  };
}

async function pendingRevision(db: Database, revisionId: string): Promise<PendingRevision> {
  const revision = await findRevisionById(db, revisionId);
  if (!revision) throw new NotFoundError('revision');
  return revision;
}

/**
 * Applies a change as the officer saw it (`seenVersion`): the product or
 * profile shows it publicly from now on. A change edited again, withdrawn
 * or decided meanwhile is a conflict (409), not applied unseen. With a mail
 * origin (PUBLIC_ORIGIN), a profile's manager is told in the same batch;
 * `notificationEvent` names that mail, to send after the response.
 */
export async function approveRevision(
  db: Database,
  user: SessionUser | null | undefined,
  revisionId: string,
  seenVersion: number,
  now: Date,
  mailOrigin: string | null = null,
): Promise<{ entityType: RevisionEntityType; notificationEvent: string | null }> {
  const officer = requireOfficer(user);
  const revision = await pendingRevision(db, revisionId);
  if (revision.status !== 'pending' || revision.version !== seenVersion)
    throw new ConflictError('changed since it was reviewed');
  if (revision.entityType === 'product') {
    await applyProductRevision(db, officer, revision, seenVersion, now);
    return { entityType: revision.entityType, notificationEvent: null };
  }
  const tellOf = await profileDecisionNotices(db, revision.cooperativeId, mailOrigin, now);
  let notificationEvent: string | null = null;
  await applyProfileChange(db, officer, revision, seenVersion, now, (witnessed, auditId, unverified) => {
    const tell = tellOf('approved', null, unverified);
    const statements = tell.statements(witnessed, auditId);
    notificationEvent = tell.event();
    return statements;
  });
  return { entityType: revision.entityType, notificationEvent };
}

/**
 * Sends a change back with a reason its author reads; the published version
 * stays as it is. A profile's manager is told as approveRevision says.
 */
export async function rejectRevision(
  db: Database,
  user: SessionUser | null | undefined,
  revisionId: string,
  seenVersion: number,
  reason: DecisionReasonInput,
  now: Date,
  mailOrigin: string | null = null,
): Promise<{ notificationEvent: string | null }> {
  const officer = requireOfficer(user);
  const revision = await pendingRevision(db, revisionId);
  const topic = revision.entityType === 'cooperative' ? 'profile' : 'product';
  const words = reasonInEachLanguage(readDecisionReason(reason, topic, REJECTION_REASON_MIN), topic);
  const tell =
    revision.entityType === 'cooperative'
      ? (await profileDecisionNotices(db, revision.cooperativeId, mailOrigin, now))('rejected', words)
      : null;
  await markRevisionRejected(db, revision, officer, seenVersion, words.vi, now, tell?.statements);
  return { notificationEvent: tell?.event() ?? null };
}

/** The shortest free text that may stand alone as a reason (with a ready-made reason picked, any length). */
const REJECTION_REASON_MIN = 5;

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
  /** The origin of links in mail (PUBLIC_ORIGIN): with it, the cooperative's people are told. */
  mailOrigin: string | null = null,
): Promise<{ notificationEvent: string | null }> {
  const officer = requireOfficer(user);
  const [row] = await db
    .select({
      updatedAt: products.updatedAt,
      publishedAt: products.publishedAt,
      cooperativeId: products.cooperativeId,
      ...productFieldColumns,
    })
    .from(products)
    .where(eq(products.id, productId))
    .limit(1);
  if (!row) throw new NotFoundError('product');
  const { updatedAt, publishedAt, cooperativeId, ...snapshot } = row;
  if (updatedAt.getTime() !== seenVersion) throw new ConflictError('changed since it was reviewed');
  const tell = await productDecisionNotices(
    db,
    { id: productId, cooperativeId, nameVi: row.nameVi, nameEn: row.nameEn },
    'published',
    null,
    mailOrigin,
    now,
  );
  await moveStatus(db, {
    actor: officer,
    productId,
    from: ['submitted'],
    to: 'published',
    action: APPROVED_ACTION,
    detail: { snapshot },
    set: { rejectionReason: null, publishedAt: publishedAt ?? now },
    unchangedSince: updatedAt,
    also: tell.statements,
  });
  // Its OCOP stars count in lists from now on.
  await refreshOcopStars(db, vietnamDate(now));
  return { notificationEvent: tell.event() };
}

/** Sends a submitted product back with a reason its cooperative reads on its dashboard. */
export async function rejectProduct(
  db: Database,
  user: SessionUser | null | undefined,
  productId: string,
  reason: DecisionReasonInput,
  now: Date = new Date(),
  /** The origin of links in mail (PUBLIC_ORIGIN): with it, the cooperative's people are told, with the reason. */
  mailOrigin: string | null = null,
): Promise<{ notificationEvent: string | null }> {
  const officer = requireOfficer(user);
  const words = reasonInEachLanguage(readDecisionReason(reason, 'product', REJECTION_REASON_MIN), 'product');
  const [row] = await db
    .select({
      id: products.id,
      cooperativeId: products.cooperativeId,
      nameVi: products.nameVi,
      nameEn: products.nameEn,
    })
    .from(products)
    .where(eq(products.id, productId))
    .limit(1);
  if (!row) throw new NotFoundError('product');
  const tell = await productDecisionNotices(db, row, 'rejected', words, mailOrigin, now);
  await moveStatus(db, {
    actor: officer,
    productId,
    from: ['submitted'],
    to: 'rejected',
    action: REJECTED_ACTION,
    detail: { reason: words.vi },
    set: { rejectionReason: words.vi },
    also: tell.statements,
  });
  return { notificationEvent: tell.event() };
}

/** The mail that tells a product's cooperative of the decision, with the reason of a rejection. */
function productDecisionNotices(
  db: Database,
  product: { id: string; cooperativeId: string; nameVi: string; nameEn: string },
  to: 'published' | 'rejected',
  reason: Record<Locale, string> | null,
  mailOrigin: string | null,
  now: Date,
) {
  const mail = (recipient: Recipient) => {
    const t = dictionary(recipient.locale).notifications.productDecision;
    const words = { product: (recipient.locale === 'en' && product.nameEn) || product.nameVi };
    const text = {
      subject: format(t.subjects[to], words),
      body: format(t.bodies[to], words),
      reason: reason?.[recipient.locale] ?? null,
      page: 'account' as const,
    };
    return decisionMail(recipient, text, mailOrigin ?? '');
  };
  const item = { eventPrefix: `product_decision:${product.id}`, kind: 'product_decision' as const, mail };
  return decisionNotices(db, product.cooperativeId, item, mailOrigin !== null, now);
}
