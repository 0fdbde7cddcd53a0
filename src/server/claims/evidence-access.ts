/**
 * Who may download a claim's evidence file: the members of the cooperative
 * that declared it and the trade officers always; anyone else only once an
 * officer verified the claim and the cooperative chose to let the public see
 * its evidence. Everyone else is told there is no such file (a 404 that does
 * not say whether a claim exists).
 */
import { eq } from 'drizzle-orm';
import { isOfficer } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import type { Database } from '../db/client';
import { certifications, labReports, ocopRatings, products } from '../db/schema';
import { NotFoundError } from '../errors';
import type { ClaimKind, ClaimState, EvidenceType } from './vocabulary';

/** The path a claim's evidence is served at (functions/evidence-files.ts); in a page, a link, not a place in R2. */
export const evidencePath = (kind: ClaimKind, id: string) => `/media/evidence/${kind}/${encodeURIComponent(id)}`;

export interface EvidenceOfClaim {
  key: string;
  type: EvidenceType;
  /** Whether anyone may download it (so it may be cached as public). */
  public: boolean;
}

interface ClaimEvidenceRow {
  cooperativeId: string;
  /** Set once its verified version was revoked: the public no longer downloads its file. */
  revokedAt: Date | null;
  verification: ClaimState;
  evidenceKey: string | null;
  evidenceType: EvidenceType | null;
  evidencePublic: boolean;
  /** The verified version, whose file is the one the public downloads (verified-version.ts). */
  lastVerified: { evidenceKey: string | null; evidenceType: EvidenceType | null } | null;
}

async function claimEvidenceRow(db: Database, kind: ClaimKind, id: string): Promise<ClaimEvidenceRow | undefined> {
  if (kind === 'certificate') {
    const [row] = await db
      .select({
        cooperativeId: certifications.cooperativeId,
        revokedAt: certifications.revokedAt,
        verification: certifications.verification,
        evidenceKey: certifications.evidenceKey,
        evidenceType: certifications.evidenceType,
        evidencePublic: certifications.evidencePublic,
        lastVerified: certifications.lastVerified,
      })
      .from(certifications)
      .where(eq(certifications.id, id))
      .limit(1);
    return row;
  }
  if (kind === 'lab_report') {
    const [row] = await db
      .select({
        cooperativeId: labReports.cooperativeId,
        revokedAt: labReports.revokedAt,
        verification: labReports.verification,
        evidenceKey: labReports.evidenceKey,
        evidenceType: labReports.evidenceType,
        evidencePublic: labReports.evidencePublic,
        lastVerified: labReports.lastVerified,
      })
      .from(labReports)
      .where(eq(labReports.id, id))
      .limit(1);
    return row;
  }
  const [row] = await db
    .select({
      cooperativeId: products.cooperativeId,
      revokedAt: ocopRatings.revokedAt,
      verification: ocopRatings.verification,
      evidenceKey: ocopRatings.evidenceKey,
      evidenceType: ocopRatings.evidenceType,
      evidencePublic: ocopRatings.evidencePublic,
      lastVerified: ocopRatings.lastVerified,
    })
    .from(ocopRatings)
    .innerJoin(products, eq(products.id, ocopRatings.productId))
    .where(eq(ocopRatings.id, id))
    .limit(1);
  return row;
}

/** The evidence of claim `kind`/`id` if `user` (null: a visitor) may download it; a NotFoundError otherwise. */
export async function evidenceForViewer(
  db: Database,
  user: SessionUser | null,
  kind: ClaimKind,
  id: string,
): Promise<EvidenceOfClaim> {
  const row = await claimEvidenceRow(db, kind, id);
  if (!row) throw new NotFoundError('evidence');
  const owner = user?.role === 'member' && user.cooperativeId === row.cooperativeId;
  // The owner and officers see the file as declared last; the public, the verified version's file.
  if (owner || isOfficer(user)) {
    if (!row.evidenceKey || !row.evidenceType) throw new NotFoundError('evidence');
    return { key: row.evidenceKey, type: row.evidenceType, public: false };
  }
  const verified = row.lastVerified;
  if (
    row.revokedAt !== null ||
    row.verification === 'revoked' ||
    !row.evidencePublic ||
    !verified?.evidenceKey ||
    !verified.evidenceType
  )
    throw new NotFoundError('evidence');
  return { key: verified.evidenceKey, type: verified.evidenceType, public: true };
}
