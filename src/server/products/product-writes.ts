/**
 * A cooperative's writes of its products. Every verb takes the signed-in
 * user and finds the product through findOwnedProduct, so a member of
 * another cooperative (or an officer) cannot reach it. The one exception is
 * a trade officer importing a cooperative's register from the console
 * (src/server/imports/product-import.ts): it writes through createProductFor
 * and saveProductFor as the cooperative's member would, new products as
 * drafts and a published product's change as a revision for review, each
 * with an audit entry naming the officer and the cooperative. Status moves are
 * conditional updates (… WHERE status IN (…)), written with their audit-log
 * row in one `db.batch`, so two tabs or a replayed form cannot skip a step.
 *
 * draft ─submit→ submitted ─approve→ published ─unpublish→ unpublished
 *                     └─reject(reason)→ rejected
 * Drafts, rejected and unpublished products are edited in place and
 * submitted again. A submitted product is not edited. A published product's
 * edit is a pending revision (product-revisions.ts): the public keeps the
 * published version until an officer approves the change.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { requireCooperativeMember } from '../accounts/guards';
import { auditInsertIf } from '../audit/audit-log';
import type { SessionUser } from '../accounts/users';
import type { ProductStatus } from './vocabulary';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { auditEntryExists } from '../audit/audit-log';
import { auditLog, products } from '../db/schema';
import { nameSlugBase, slugAfterRename, unusedSlug, withFreeSlug } from '../slug-history/slug-history';
import { ConflictError, type FieldIssues, ValidationError } from '../errors';
import { productSearchText } from '../search/search-text';
import type { StoredImage } from '../media/stored-image';
import { parseInput } from '../validation';
import { findOwnedProduct, type OwnedProduct } from './owned-product';
import { findRevision, revisionStill } from '../moderation/pending-revisions';
import { productInputSchema } from './product-input';
import { changeLog, diffFields } from '../moderation/revision-diff';
import {
  foldedRevision,
  PRODUCT_FIELD_NAMES,
  proposeProductRevision,
  publishedProductFields,
} from './product-revisions';
import { checkProductAgainstStore, searchTextFor } from './product-store-rules';

/** Statuses in which a cooperative changes its product in place. */
export const EDITABLE_STATUSES: readonly ProductStatus[] = ['draft', 'rejected', 'unpublished'];
/** Statuses in which its form is open: in place, or (published) as a revision for review. */
export const FORM_STATUSES: readonly ProductStatus[] = [...EDITABLE_STATUSES, 'published'];
/** Statuses from which it may be sent for review. */
export const SUBMITTABLE_STATUSES: readonly ProductStatus[] = ['draft', 'rejected', 'unpublished'];

/** Trace-code characters: no 0/O or 1/I, which people misread from a label (as the demo's codes). */
const TRACE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function randomTraceCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  // 256 is a multiple of 32, so every character is equally likely.
  return [...bytes].map((b) => TRACE_ALPHABET[b % TRACE_ALPHABET.length]).join('');
}

async function unusedTraceCode(db: Database): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = randomTraceCode();
    const [taken] = await db.select({ id: products.id }).from(products).where(eq(products.traceCode, code)).limit(1);
    if (!taken) return code;
  }
  throw new ConflictError('no unused trace code found');
}

/** The name's slug, or the first of slug-2, slug-3… that is free. */
const unusedProductSlug = (db: Database, name: string) => unusedSlug(db, 'product', nameSlugBase('product', name));

function audit(
  db: Database,
  actor: SessionUser,
  action: string,
  productId: string,
  detail: Record<string, unknown> | null = null,
) {
  return db
    .insert(auditLog)
    .values({ id: newId(), actorUserId: actor.id, action, entityType: 'product', entityId: productId, detail });
}

/**
 * Who writes a cooperative's product: one of its members, or a trade officer
 * acting for it (the console's import of the cooperative's register).
 */
export interface ProductAuthor {
  actor: SessionUser;
  cooperativeId: string;
}

/** The author as a member of their own cooperative, as every dashboard and API write is. */
const memberAuthor = (member: SessionUser & { cooperativeId: string }): ProductAuthor => ({
  actor: member,
  cooperativeId: member.cooperativeId,
});

/** What an entry written for a cooperative by someone outside it says besides: which cooperative. */
export function forCooperative(author: ProductAuthor): Record<string, unknown> | null {
  return author.actor.cooperativeId === author.cooperativeId ? null : { cooperative: author.cooperativeId };
}

/** `images` come checked from the form (src/server/media/image-list.ts: the cooperative's own uploads). */
export async function createProduct(
  db: Database,
  user: SessionUser | null | undefined,
  input: unknown,
  images: StoredImage[] = [],
): Promise<{ id: string; slug: string }> {
  return createProductFor(db, memberAuthor(requireCooperativeMember(user, user?.cooperativeId ?? '')), input, images);
}

/** A new draft of the author's cooperative, with its audit entry. The caller checked who the author may act for. */
export async function createProductFor(
  db: Database,
  author: ProductAuthor,
  input: unknown,
  images: StoredImage[] = [],
): Promise<{ id: string; slug: string }> {
  const { cooperativeId } = author;
  const product = parseInput(productInputSchema, input);
  const { provinceName } = await checkProductAgainstStore(db, product, { id: null, cooperativeId });
  const [slug, traceCode, search] = await Promise.all([
    unusedProductSlug(db, product.nameVi),
    unusedTraceCode(db),
    searchTextFor(db, product, cooperativeId, provinceName),
  ]);
  const id = newId();
  await db.batch([
    db.insert(products).values({
      id,
      slug,
      traceCode,
      cooperativeId,
      status: 'draft',
      ...product,
      ...search,
      images,
    }),
    audit(db, author.actor, 'product.created', id, forCooperative(author)),
  ]);
  return { id, slug };
}

/** Refuses (409) a change to a product whose status does not allow it, e.g. one awaiting review. */
function requireStatus(product: OwnedProduct, allowed: readonly ProductStatus[]) {
  if (!allowed.includes(product.status)) throw new ConflictError(`product is ${product.status}`);
}

/** What a save did: changed the product in place, stored a change for review, or found nothing to change. */
export type ProductSave = 'saved' | 'proposed' | 'unchanged';

/**
 * Saves the product form. In place while the product is a draft, rejected or
 * unpublished; as a pending revision while it is published (the public page
 * keeps the published version); refused (409) while it awaits review.
 * Without `images`, the product's photos stay as they are; a change for
 * review does not carry photos (yet), so they are refused for a published product.
 */
export async function updateProduct(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
  input: unknown,
  now = new Date(),
  images?: StoredImage[],
): Promise<ProductSave> {
  const owned = await findOwnedProduct(db, user, slug);
  const author = memberAuthor(requireCooperativeMember(user, owned.cooperativeId));
  return saveProductFor(db, author, owned, input, now, { images });
}

/**
 * updateProduct's save, by an author the caller checked may act for the
 * product's cooperative. With `audited`, a change in place has its audit
 * entry too (`product.updated`, the changed fields), written in the same
 * batch: what an import needs, where every changed record is accounted for.
 */
export async function saveProductFor(
  db: Database,
  author: ProductAuthor,
  owned: OwnedProduct,
  input: unknown,
  now: Date,
  options: { images?: StoredImage[]; audited?: boolean } = {},
): Promise<ProductSave> {
  // A rename racing another one to the same name is written again with the next free slug.
  return withFreeSlug('product', async () => {
    const { images, audited = false } = options;
    if (owned.cooperativeId !== author.cooperativeId) throw new ConflictError('product of another cooperative');
    if (owned.status === 'published') {
      if (images) throw new ConflictError('photos of a published product are not changed through a revision');
      return proposeProductRevision(db, author.actor, owned, input, now, forCooperative(author));
    }
    requireStatus(owned, EDITABLE_STATUSES);
    const product = parseInput(productInputSchema, input);
    const { provinceName } = await checkProductAgainstStore(db, product, owned);
    const [search, rename] = await Promise.all([
      searchTextFor(db, product, owned.cooperativeId, provinceName),
      slugAfterRename(db, 'product', owned, { before: owned.nameVi, after: product.nameVi }, now),
    ]);
    const editable = and(eq(products.id, owned.id), inArray(products.status, [...EDITABLE_STATUSES]));
    const update = db
      .update(products)
      .set({ ...product, ...search, ...rename.set, ...(images ? { images } : {}), updatedAt: now })
      .where(editable)
      .returning({ id: products.id });
    if (!audited) {
      const [saved] = await db.batch([update, ...rename.history]);
      if (saved.length === 0) throw new ConflictError('product changed status meanwhile');
      return 'saved';
    }
    const changes = changeLog(diffFields(PRODUCT_FIELD_NAMES, await publishedProductFields(db, owned.id), product));
    if (Object.keys(changes).length === 0 && !images) return 'unchanged';
    // The entry first, on the update's own condition, so it exists exactly when the product changed.
    const [, updated] = await db.batch([
      auditInsertIf(
        db,
        {
          id: newId(),
          actorUserId: author.actor.id,
          action: 'product.updated',
          entityType: 'product',
          entityId: owned.id,
          detail: { changes, ...forCooperative(author) },
          at: now,
        },
        sql`EXISTS (SELECT 1 FROM ${products} WHERE ${editable})`,
      ),
      update,
      ...rename.history,
    ]);
    if (updated.length === 0) throw new ConflictError('product changed status meanwhile');
    return 'saved';
  });
}

/** A new draft with the product's fields (not its GTIN or own code, which are unique, nor its batches or ratings). */
export async function duplicateProduct(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
  copySuffix: string,
) {
  const owned = await findOwnedProduct(db, user, slug);
  const [source] = await db.select().from(products).where(eq(products.id, owned.id)).limit(1);
  if (!source) throw new ConflictError('product vanished');
  const nameVi = `${source.nameVi} ${copySuffix}`.slice(0, 200);
  const [newSlug, traceCode] = await Promise.all([unusedProductSlug(db, nameVi), unusedTraceCode(db)]);
  const id = newId();
  const {
    id: _id,
    slug: _slug,
    traceCode: _trace,
    gtin: _gtin,
    sku: _sku,
    status: _status,
    rejectionReason: _reason,
    publishedAt: _published,
    ocopStars: _stars,
    isDemo: _demo,
    createdAt: _created,
    updatedAt: _updated,
    ...fields
  } = source;
  await db.batch([
    db.insert(products).values({
      ...fields,
      id,
      slug: newSlug,
      traceCode,
      nameVi,
      status: 'draft',
      searchName: productSearchText({ ...fields, nameVi }).searchName,
    }),
    audit(db, requireCooperativeMember(user, owned.cooperativeId), 'product.duplicated', id, { from: owned.id }),
  ]);
  return { id, slug: newSlug };
}

export interface StatusMove {
  actor: SessionUser;
  productId: string;
  from: readonly ProductStatus[];
  to: ProductStatus;
  /** The audit log's action, e.g. 'product.approved'. */
  action: string;
  detail?: Record<string, unknown>;
  /** Other columns written with the move (a rejection reason, the publication time, a folded revision's fields). */
  set?: Partial<Omit<typeof products.$inferInsert, 'id' | 'slug' | 'cooperativeId' | 'status' | 'traceCode'>>;
  /** Only if the product was not changed since this instant (what a reviewer looked at is what gets published). */
  unchangedSince?: Date;
  /** A further precondition of the move (e.g. its revision is still the version read). */
  condition?: SQL;
  /**
   * Statements that go with the move, run after it; `witnessed` holds exactly when the move happened, and
   * `auditId` is the id of the move's audit entry (what names the event in a notification).
   */
  also?: (witnessed: SQL, auditId: string) => BatchItem<'sqlite'>[];
}

/**
 * Moves a product from one of `from` to `to` if it still is in one of them,
 * with its audit row, atomically; ConflictError when it is not (any more).
 */
export async function moveStatus(db: Database, move: StatusMove): Promise<void> {
  const where = and(
    eq(products.id, move.productId),
    inArray(products.status, [...move.from]),
    move.unchangedSince ? eq(products.updatedAt, move.unchangedSince) : undefined,
    move.condition,
  );
  const auditId = newId();
  const detail = JSON.stringify({ to: move.to, ...move.detail });
  const [, moved] = await db.batch([
    // The audit row first, on the same condition, so it exists exactly when the move happens.
    db.insert(auditLog).select(
      db
        .select({
          id: sql<string>`${auditId}`.as('id'),
          actorUserId: sql<string>`${move.actor.id}`.as('actor_user_id'),
          action: sql<string>`${move.action}`.as('action'),
          entityType: sql<string>`'product'`.as('entity_type'),
          entityId: products.id,
          detail: sql<string>`${detail}`.as('detail'),
          createdAt: sql<number>`${Date.now()}`.as('created_at'),
        })
        .from(products)
        .where(where),
    ),
    db
      .update(products)
      .set({ status: move.to, ...move.set, updatedAt: new Date() })
      .where(where)
      .returning({ id: products.id }),
    ...(move.also?.(auditEntryExists(auditId), auditId) ?? []),
  ]);
  if (moved.length === 0) throw new ConflictError(`product is not ${move.from.join('/')}`);
}

/**
 * What stops a product from going to review, by field: it needs at least one
 * photo, since buyers decide by looking and the officer checks that the
 * photo shows the product named.
 */
export function submissionIssues(product: { images: readonly unknown[] }): FieldIssues {
  return product.images.length === 0 ? { images: { code: 'photo_required' } } : {};
}

/** Sends the product to review; ValidationError (field `images`) while it has no photo. */
export async function submitProduct(db: Database, user: SessionUser | null | undefined, slug: string): Promise<void> {
  const owned = await findOwnedProduct(db, user, slug);
  const actor = requireCooperativeMember(user, owned.cooperativeId);
  const [row] = await db.select({ images: products.images }).from(products).where(eq(products.id, owned.id));
  const issues = submissionIssues({ images: row?.images ?? [] });
  if (Object.keys(issues).length > 0) throw new ValidationError(issues);
  await moveStatus(db, {
    actor,
    productId: owned.id,
    from: SUBMITTABLE_STATUSES,
    to: 'submitted',
    action: 'product.submitted',
    // Photos removed by another tab since the read above: refused (409) rather than reviewed without any.
    condition: sql`json_array_length(${products.images}) > 0`,
  });
}

/**
 * Takes a published product offline. A change waiting for review (or sent
 * back) is folded into it in the same batch: offline, the product is edited
 * in place again, and it is reviewed whole when submitted next, so the
 * member's proposal is neither lost nor left behind as a revision of a
 * product that is no longer public.
 */
export async function unpublishProduct(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
): Promise<void> {
  // A rename racing another one to the same name is written again with the next free slug.
  return withFreeSlug('product', async () => {
    const owned = await findOwnedProduct(db, user, slug);
    const actor = requireCooperativeMember(user, owned.cooperativeId);
    const revision = await findRevision(db, 'product', owned.id);
    const folded = revision ? await foldedRevision(db, owned, revision) : null;
    await moveStatus(db, {
      actor,
      productId: owned.id,
      from: ['published'],
      to: 'unpublished',
      action: 'product.unpublished',
      ...(revision && folded
        ? {
            detail: { revision: revision.id, folded: folded.changes },
            set: folded.columns,
            condition: revisionStill(revision.id, revision.version),
            also: (witnessed: SQL) => folded.statements(witnessed),
          }
        : {}),
    });
  });
}
