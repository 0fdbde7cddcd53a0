/**
 * A cooperative's OCOP ratings of its products, as declared claims: each with
 * the decision's scan or PDF as evidence (src/server/claims/evidence-file.ts),
 * `pending` until a trade officer verifies it (claim-decisions.ts), and
 * counted as stars only then. Every write is checked whole (fields, file and
 * the cooperative's standing, reported together), the file is stored only
 * once everything else passed, and the rating goes to the database with its
 * audit entry in one `db.batch`.
 */
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { SessionUser } from '../accounts/users';
import { auditInsertIf, auditEntryExists } from '../audit/audit-log';
import { claimantIssues } from '../claims/claimant';
import { atRevision, claimChanged, nextRevision, splitVersion } from '../claims/claim-version';
import { dropReplacedEvidence, requeueOnChange } from '../claims/claim-edit';
import { checkClaimInput, type EvidenceUpload, withStoredEvidence } from '../claims/evidence-file';
import type { ClaimState, EvidenceType } from '../claims/vocabulary';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { auditLog, cooperatives, ocopRatings, products, provinces } from '../db/schema';
import { ConflictError, NotFoundError } from '../errors';
import { vietnamDate } from '../time/vietnam';
import { parseInput } from '../validation';
import { ocopIssuer, type OcopIssuer } from './ocop-authority';
import { refreshProductStars } from './ocop-stars';
import { findOwnedProduct } from './owned-product';
import { ocopRatingInputSchema, type OcopRatingInput } from './product-input';
import { ocopValidUntil } from './validity';
import type { OcopLevel } from './vocabulary';
import { requireCooperativeMember } from '../accounts/guards';

/** What a write of a rating answers: its id and where it stands with the officers. */
export interface WrittenRating {
  id: string;
  verification: ClaimState;
}

/**
 * The product (its cooperative's members only), the member, and the rating's
 * fields, file and the cooperative's standing checked together, before
 * anything is written or stored.
 */
async function checkRatingWrite(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
  input: unknown,
  now: Date,
  upload: EvidenceUpload | null,
  isNew: boolean,
) {
  const owned = await findOwnedProduct(db, user, slug);
  const member = requireCooperativeMember(user, owned.cooperativeId);
  const { seen, fields } = splitVersion(input);
  const checked = await checkClaimInput(
    () => parseInput(ocopRatingInputSchema(now, { isNew }), fields),
    upload,
    await claimantIssues(db, owned.cooperativeId),
  );
  return { owned, member, checked, seen };
}

/**
 * Records an OCOP rating as declared by the cooperative, whatever the
 * product's status (the rating is not public before an officer verifies it),
 * with its evidence file when one is posted.
 */
export async function addOcopRating(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
  input: unknown,
  now: Date,
  upload: EvidenceUpload | null = null,
): Promise<WrittenRating> {
  const { owned, member, checked } = await checkRatingWrite(db, user, slug, input, now, upload, true);
  const id = newId();
  await withStoredEvidence(upload, owned.cooperativeId, checked.evidence, (stored) =>
    db.batch([
      db
        .insert(ocopRatings)
        .values({ id, productId: owned.id, ...checked.input, ...stored, verification: 'pending', submittedAt: now }),
      db.insert(auditLog).values({
        id: newId(),
        actorUserId: member.id,
        action: 'product.ocop_rating_added',
        entityType: 'product',
        entityId: owned.id,
        detail: { ratingId: id },
      }),
    ]),
  );
  return { id, verification: 'pending' };
}

/** What an officer checked of a rating: changing any of it (or its file) needs a new check. */
const VERIFIED_FIELDS = [
  'stars',
  'level',
  'decisionNumber',
  'decisionDate',
] as const satisfies readonly (keyof OcopRatingInput)[];

/**
 * Changes a rating of the product under the rules of a new one, except that
 * a decision older than 36 months may be corrected. A change of what the
 * officers verified (stars, level, number, date, evidence) sends it back to
 * their queue whatever its state, and the product's stars are counted again
 * in the same batch (from the verified versions: the public keeps the last
 * verified rating until an officer decides the change); only saying whether
 * the public may download the evidence leaves its state as it is. A revoked
 * rating stays revoked (409): the cooperative declares its new decision as a
 * new rating. The change is made only at the revision the member saw
 * (`input.version`, else the one read here; claim-version.ts): a rating an
 * officer decided meanwhile is not sent back unseen (409), and an officer
 * deciding on the version from before the change is refused likewise.
 */
export async function updateOcopRating(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
  ratingId: string,
  input: unknown,
  now: Date,
  upload: EvidenceUpload | null = null,
): Promise<WrittenRating> {
  const { owned, member, checked, seen } = await checkRatingWrite(db, user, slug, input, now, upload, false);
  const mine = and(eq(ocopRatings.id, ratingId), eq(ocopRatings.productId, owned.id));
  const [current] = await db.select().from(ocopRatings).where(mine).limit(1);
  if (!current) throw new NotFoundError('ocop_rating');
  if (current.verification === 'revoked') throw new ConflictError('rating revoked');
  const revision = seen ?? current.revision;
  if (revision !== current.revision) throw claimChanged();
  const { changed, requeued } = requeueOnChange(current, checked.input, VERIFIED_FIELDS, checked.evidence, now);
  const entryId = newId();
  // Still as the member saw it (a revocation or any decision meanwhile stands); the audit entry is written exactly when the change is.
  const still = and(mine, ne(ocopRatings.verification, 'revoked'), atRevision(ocopRatings, revision));
  const written = await withStoredEvidence(upload, owned.cooperativeId, checked.evidence, async (stored) => {
    const [, rows] = await db.batch([
      auditInsertIf(
        db,
        {
          id: entryId,
          actorUserId: member.id,
          action: 'product.ocop_rating_changed',
          entityType: 'product',
          entityId: owned.id,
          detail: { ratingId, requeued: changed },
          at: now,
        },
        sql`EXISTS (SELECT 1 FROM ${ocopRatings} WHERE ${still})`,
      ),
      db
        .update(ocopRatings)
        .set({ ...checked.input, ...stored, ...requeued, revision: nextRevision(ocopRatings) })
        .where(and(still, auditEntryExists(entryId)))
        .returning({ verification: ocopRatings.verification }),
      refreshProductStars(db, owned.id, vietnamDate(now)),
    ]);
    // Decided, revoked or deleted meanwhile: the new file goes again with this error.
    if (rows.length === 0) throw claimChanged();
    return rows[0];
  });
  await dropReplacedEvidence(upload, current, checked.evidence);
  return { id: ratingId, verification: written?.verification ?? current.verification };
}

/** A rating as its cooperative sees it: with its state, the officer's reason and who verified it. */
export interface StoredRating {
  id: string;
  stars: number;
  level: OcopLevel;
  decisionNumber: string;
  decisionDate: string;
  evidencePublic: boolean;
  verification: ClaimState;
  /** Why it was rejected, sent back or revoked; shown with those states. */
  decisionReason: string | null;
  decidedAt: Date | null;
  verifiedAt: Date | null;
  /** The type of its evidence file, null when it has none (the file is at evidencePath). */
  evidenceType: EvidenceType | null;
  /** Its revision, which an edit sends back as `version` (src/server/claims/claim-version.ts). */
  revision: number;
  /** Who decided it, as the decision's level and date say (ocop-authority.ts). */
  issuer: OcopIssuer;
  /** Its last valid day, inclusive (the decision date + 36 months, validity.ts). */
  validUntil: string;
}

/** A product's ratings, newest decision first, whatever their state (ocop_ratings_product_idx). */
export async function listProductRatings(db: Database, productId: string): Promise<StoredRating[]> {
  const rows = await db
    .select({
      id: ocopRatings.id,
      stars: ocopRatings.stars,
      level: ocopRatings.level,
      decisionNumber: ocopRatings.decisionNumber,
      decisionDate: ocopRatings.decisionDate,
      evidencePublic: ocopRatings.evidencePublic,
      verification: ocopRatings.verification,
      decisionReason: ocopRatings.decisionReason,
      decidedAt: ocopRatings.decidedAt,
      verifiedAt: ocopRatings.verifiedAt,
      evidenceType: ocopRatings.evidenceType,
      revision: ocopRatings.revision,
      provinceVi: provinces.nameVi,
      provinceEn: provinces.nameEn,
    })
    .from(ocopRatings)
    .innerJoin(products, eq(products.id, ocopRatings.productId))
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .innerJoin(provinces, eq(provinces.code, cooperatives.provinceCode))
    .where(eq(ocopRatings.productId, productId))
    .orderBy(desc(ocopRatings.decisionDate), desc(ocopRatings.id));
  return rows.map(({ provinceVi, provinceEn, ...rating }) => ({
    ...rating,
    issuer: ocopIssuer(rating, { provinceVi, provinceEn }),
    validUntil: ocopValidUntil(rating.decisionDate),
  }));
}
