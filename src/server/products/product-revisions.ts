/**
 * Changes to a published product without taking it offline. A member's edit
 * (or a trade officer's, importing the cooperative's register for it)
 * of a published product is checked by the same rules as an edit in place
 * (productInputSchema and the store's rules) and kept as the product's
 * pending revision; the public page keeps the published version. A trade
 * officer approves it (the fields, their search text and the audit entry are
 * written and the revision deleted in one batch) or rejects it with a reason
 * the member reads; the member edits it again or discards it.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SessionUser } from '../accounts/users';
import { auditEntryExists, auditEntryWritten, auditInsertIf } from '../audit/audit-log';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { pendingRevisions, products } from '../db/schema';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { parseInput } from '../validation';
import { slugAfterRename, withFreeSlug } from '../slug-history/slug-history';
import { requireCooperativeMember } from '../accounts/guards';
import { findOwnedProduct, type OwnedProduct } from './owned-product';
import {
  deleteAppliedRevision,
  dropRevision,
  findRevision,
  type PendingRevision,
  revisionStill,
  storeProposal,
} from '../moderation/pending-revisions';
import { type ProductInput, productInputSchema } from './product-input';
import { checkProductAgainstStore, searchTextFor } from './product-store-rules';
import { type ProductFields, productFieldColumns } from './owner-list';
import {
  changedFieldNames,
  changeLog,
  diffFields,
  type FieldChange,
  proposedColumns,
} from '../moderation/revision-diff';

/** The product's fields a revision proposes: exactly the form's (productInputSchema's). */
export const PRODUCT_FIELD_NAMES = Object.keys(productFieldColumns) as (keyof ProductFields)[];

export const PRODUCT_CHANGE_APPROVED = 'product.change_approved';

const stillPublished = (productId: string) =>
  sql`EXISTS (SELECT 1 FROM ${products} WHERE ${products.id} = ${productId} AND ${products.status} = 'published')`;

/** The product's fields as the public sees them now. */
export async function publishedProductFields(db: Database, productId: string): Promise<ProductFields> {
  const [row] = await db.select(productFieldColumns).from(products).where(eq(products.id, productId)).limit(1);
  if (!row) throw new NotFoundError('product');
  return row;
}

/** The stored proposal read back through today's rules; one that no longer passes them is a conflict to resolve, never written. */
function proposalOf(revision: PendingRevision): ProductInput {
  try {
    return parseInput(productInputSchema, revision.proposed);
  } catch (error) {
    if (error instanceof ValidationError)
      throw new ConflictError('the proposal no longer passes the rules', error.fields);
    throw error;
  }
}

/** The store's rules at the time of applying (a GTIN taken meanwhile by another product is a conflict, not a crash). */
async function storeCheckedAtApply(db: Database, proposal: ProductInput, revision: PendingRevision) {
  try {
    return await checkProductAgainstStore(db, proposal, {
      id: revision.entityId,
      cooperativeId: revision.cooperativeId,
    });
  } catch (error) {
    if (error instanceof ValidationError)
      throw new ConflictError('the proposal clashes with the catalogue now', error.fields);
    throw error;
  }
}

/**
 * Stores the member's edit of a published product as its revision. An edit
 * equal to the published version is no change: an existing revision is then
 * withdrawn (nothing is left waiting for review).
 */
export async function proposeProductRevision(
  db: Database,
  member: SessionUser,
  owned: OwnedProduct,
  input: unknown,
  now: Date,
  /** More for the audit entry (the cooperative, when an officer proposes for it). */
  auditDetail: Record<string, unknown> | null = null,
): Promise<'proposed' | 'unchanged'> {
  const proposal = parseInput(productInputSchema, input);
  await checkProductAgainstStore(db, proposal, owned);
  const [published, existing] = await Promise.all([
    publishedProductFields(db, owned.id),
    findRevision(db, 'product', owned.id),
  ]);
  const changes = diffFields(PRODUCT_FIELD_NAMES, published, proposal);
  if (changedFieldNames(changes).length === 0) {
    if (existing) await dropRevision(db, existing, member, 'withdrawn', now);
    return 'unchanged';
  }
  await storeProposal(db, {
    entityType: 'product',
    entityId: owned.id,
    cooperativeId: owned.cooperativeId,
    proposed: proposal,
    author: member,
    changes: changeLog(changes),
    auditDetail,
    // Unpublished meanwhile, the product is edited in place again: no revision for it.
    condition: stillPublished(owned.id),
    at: now,
  });
  return 'proposed';
}

/** The member gives up the change (pending or rejected); the published version stays as it is. */
export async function discardProductRevision(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
  now: Date,
): Promise<void> {
  const owned = await findOwnedProduct(db, user, slug);
  const member = requireCooperativeMember(user, owned.cooperativeId);
  const revision = await findRevision(db, 'product', owned.id);
  if (!revision) throw new ConflictError('no change to discard');
  await dropRevision(db, revision, member, 'discarded', now);
}

export interface ProductRevisionState {
  revision: PendingRevision;
  /** The proposal's fields, for the form. */
  fields: ProductFields;
  changes: FieldChange<keyof ProductFields>[];
}

/** The product's revision with its diff against the published version, or null. The caller checked who may see it. */
export async function loadProductRevision(db: Database, productId: string): Promise<ProductRevisionState | null> {
  const revision = await findRevision(db, 'product', productId);
  if (!revision) return null;
  const published = await publishedProductFields(db, productId);
  const fields = proposedColumns(PRODUCT_FIELD_NAMES, { ...published, ...revision.proposed } as ProductFields);
  return { revision, fields, changes: diffFields(PRODUCT_FIELD_NAMES, published, fields) };
}

/**
 * What unpublishing writes into the product when it has a revision: the
 * proposal's columns and search text, the changes for the audit entry, and
 * the revision's deletion (run only when the move happened).
 */
export async function foldedRevision(db: Database, owned: OwnedProduct, revision: PendingRevision) {
  const proposal = parseInput(productInputSchema, revision.proposed);
  const { provinceName } = await checkProductAgainstStore(db, proposal, owned);
  const [published, search, rename] = await Promise.all([
    publishedProductFields(db, owned.id),
    searchTextFor(db, proposal, owned.cooperativeId, provinceName),
    // A folded rename moves the address too, as an approved one does.
    slugAfterRename(db, 'product', owned, { before: owned.nameVi, after: proposal.nameVi }, new Date()),
  ]);
  return {
    columns: { ...proposedColumns(PRODUCT_FIELD_NAMES, proposal), ...search },
    changes: changeLog(diffFields(PRODUCT_FIELD_NAMES, published, proposal)),
    /** The revision's deletion and a rename's new slug, each written only if `witnessed` holds. */
    statements: (witnessed: SQL): BatchItem<'sqlite'>[] => [
      db.delete(pendingRevisions).where(and(eq(pendingRevisions.id, revision.id), witnessed)),
      ...(rename.set.slug
        ? [
            db
              .update(products)
              .set(rename.set)
              .where(and(eq(products.id, owned.id), witnessed)),
            ...rename.history,
          ]
        : []),
    ],
  };
}

/**
 * Writes an approved revision into the published product: its fields, the
 * search text they give (search_name/search_body, which the full-text
 * triggers copy), the audit entry with the changes and the approved fields
 * (`snapshot`, what the next review of this product diffs against), and the
 * revision's deletion — in one batch, and only if the revision is still
 * pending at the version the officer saw and the product still published.
 * OCOP stars come from the ratings, which a revision does not touch.
 */
export async function applyProductRevision(
  db: Database,
  officer: SessionUser,
  revision: PendingRevision,
  seenVersion: number,
  now: Date,
): Promise<void> {
  // A rename racing another one to the same name is written again with the next free slug.
  return withFreeSlug('product', async () => {
    const proposal = proposalOf(revision);
    const { provinceName } = await storeCheckedAtApply(db, proposal, revision);
    const [published, search, [held]] = await Promise.all([
      publishedProductFields(db, revision.entityId),
      searchTextFor(db, proposal, revision.cooperativeId, provinceName),
      db.select({ slug: products.slug }).from(products).where(eq(products.id, revision.entityId)).limit(1),
    ]);
    // A renamed product's address follows its public name (the old one answers 301).
    const rename = await slugAfterRename(
      db,
      'product',
      { id: revision.entityId, slug: held?.slug ?? '' },
      { before: published.nameVi, after: proposal.nameVi },
      now,
    );
    const snapshot = proposedColumns(PRODUCT_FIELD_NAMES, proposal);
    const auditId = newId();
    await db.batch([
      auditInsertIf(
        db,
        {
          id: auditId,
          actorUserId: officer.id,
          action: PRODUCT_CHANGE_APPROVED,
          entityType: 'product',
          entityId: revision.entityId,
          detail: {
            revision: revision.id,
            version: seenVersion,
            changes: changeLog(diffFields(PRODUCT_FIELD_NAMES, published, proposal)),
            snapshot,
          },
          at: now,
        },
        sql`${revisionStill(revision.id, seenVersion, 'pending')} AND ${stillPublished(revision.entityId)}`,
      ),
      db
        .update(products)
        .set({ ...snapshot, ...search, ...rename.set, updatedAt: now })
        .where(and(eq(products.id, revision.entityId), auditEntryExists(auditId))),
      ...rename.history,
      deleteAppliedRevision(db, revision.id, auditId),
    ]);
    if (!(await auditEntryWritten(db, auditId))) throw new ConflictError('changed since it was reviewed');
  });
}
