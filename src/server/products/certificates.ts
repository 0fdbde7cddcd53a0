/**
 * Certificates other than OCOP (VietGAP, organic, HACCP, geographic
 * indication, …) as the public sees them, with their status on `today`.
 */
import { and, eq, isNull, or, type SQL } from 'drizzle-orm';
import { evidencePath } from '../claims/evidence-access';
import { certificateRevoked, certificateShownPublicly, revokedShownUntil } from '../claims/public-claims';
import type { VerifiedCertificateVersion } from '../claims/verified-version';
import type { Database } from '../db/client';
import { certifications, cooperatives, products, provinces } from '../db/schema';
import { vietnamDate } from '../time/vietnam';
import { type CertificateStatus, certificateStatus } from './validity';
import { CERTIFICATION_KINDS, type CertificationKind } from './vocabulary';

export interface CertificateView {
  id: string;
  kind: CertificationKind;
  number: string;
  issuer: string;
  validFrom: string;
  /** Last valid day, inclusive; null when the certificate has no end. */
  validUntil: string | null;
  status: CertificateStatus;
  /** The product it covers; null when it covers the whole cooperative. */
  product: { id: string; slug: string; nameVi: string; nameEn: string } | null;
  /**
   * Who verified it and when: the trade department of the cooperative's
   * province (whose officers decide its claims), on the officer's decision.
   */
  verified: { at: Date; provinceVi: string; provinceEn: string } | null;
  /** Where the public downloads its evidence file; null when it has none or the cooperative keeps it private. */
  evidenceHref: string | null;
}

/** A verified certificate withdrawn later: what public pages say of it, for a while (revokedShownUntil). */
export interface RevokedCertificateView {
  id: string;
  kind: CertificationKind;
  number: string;
  issuer: string;
  /** The day of the revocation in Viet Nam, and the officer's reason. */
  revokedOn: string;
  reason: string;
}

/** What the public sees of some certificates: those that stand (valid or not today), and those recently revoked. */
export interface PublicCertificates {
  certificates: CertificateView[];
  revokedCertificates: RevokedCertificateView[];
}

const columns = {
  id: certifications.id,
  verification: certifications.verification,
  decidedAt: certifications.decidedAt,
  decisionReason: certifications.decisionReason,
  version: certifications.lastVerified,
  revokedAt: certifications.revokedAt,
  revokedReason: certifications.revokedReason,
  productId: products.id,
  productSlug: products.slug,
  productNameVi: products.nameVi,
  productNameEn: products.nameEn,
  provinceVi: provinces.nameVi,
  provinceEn: provinces.nameEn,
  evidencePublic: certifications.evidencePublic,
};

/** Certificates with a verified version (public-claims.ts), standing or revoked, under `where`. */
function selectCertificates(db: Database, where: SQL | undefined) {
  return db
    .select(columns)
    .from(certifications)
    .leftJoin(products, eq(products.id, certifications.productId))
    .innerJoin(cooperatives, eq(cooperatives.id, certifications.cooperativeId))
    .innerJoin(provinces, eq(provinces.code, cooperatives.provinceCode))
    .where(and(or(certificateShownPublicly(), certificateRevoked()), where));
}

type Row = Awaited<ReturnType<typeof selectCertificates>>[number];

const KIND_ORDER = new Map(CERTIFICATION_KINDS.map((kind, i) => [kind, i]));

/** The public reads the verified version, whatever the cooperative has changed since (verified-version.ts). */
function toView(row: Row, version: VerifiedCertificateVersion, today: string): CertificateView {
  return {
    id: row.id,
    kind: version.kind,
    number: version.number,
    issuer: version.issuer,
    validFrom: version.validFrom,
    validUntil: version.validUntil,
    status: certificateStatus(version.validFrom, version.validUntil, today),
    product:
      row.productId === null || row.productSlug === null
        ? null
        : {
            id: row.productId,
            slug: row.productSlug,
            nameVi: row.productNameVi ?? '',
            nameEn: row.productNameEn ?? '',
          },
    verified:
      version.verifiedAt === null
        ? null
        : { at: new Date(version.verifiedAt), provinceVi: row.provinceVi, provinceEn: row.provinceEn },
    // The verified version's own file, if it has one and the cooperative lets the public download it.
    evidenceHref: version.evidenceKey && row.evidencePublic ? evidencePath('certificate', row.id) : null,
  };
}

function toRevoked(row: Row, version: VerifiedCertificateVersion, today: string): RevokedCertificateView | null {
  const revokedAt = row.revokedAt ?? row.decidedAt;
  if (!revokedAt) return null;
  const revokedOn = vietnamDate(revokedAt);
  if (today > revokedShownUntil(version.validUntil, revokedOn)) return null;
  const { kind, number, issuer } = version;
  return { id: row.id, kind, number, issuer, revokedOn, reason: row.revokedReason ?? row.decisionReason ?? '' };
}

function toViews(rows: Row[], today: string): PublicCertificates {
  const certificates: CertificateView[] = [];
  const revokedCertificates: RevokedCertificateView[] = [];
  for (const row of rows) {
    if (!row.version) continue;
    if (row.revokedAt === null && row.verification !== 'revoked') certificates.push(toView(row, row.version, today));
    else {
      const revoked = toRevoked(row, row.version, today);
      if (revoked) revokedCertificates.push(revoked);
    }
  }
  certificates.sort(
    (a, b) =>
      // Valid ones first, then by kind, newest first within a kind.
      Number(a.status !== 'valid') - Number(b.status !== 'valid') ||
      (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) ||
      b.validFrom.localeCompare(a.validFrom),
  );
  revokedCertificates.sort((a, b) => b.revokedOn.localeCompare(a.revokedOn));
  return { certificates, revokedCertificates };
}

/**
 * A product's own certificates and its cooperative's whole-cooperative ones
 * (certifications_product_idx and certifications_cooperative_idx, OR-ed).
 */
export async function certificatesOfProduct(
  db: Database,
  product: { id: string; cooperativeId: string },
  today: string,
): Promise<PublicCertificates> {
  const rows = await selectCertificates(
    db,
    or(
      eq(certifications.productId, product.id),
      and(eq(certifications.cooperativeId, product.cooperativeId), isNull(certifications.productId)),
    ),
  );
  return toViews(rows, today);
}

/**
 * All certificates of a cooperative: whole-cooperative ones and those of its
 * published products (a draft's certificates are not public yet).
 */
export async function certificatesOfCooperative(
  db: Database,
  cooperativeId: string,
  today: string,
): Promise<PublicCertificates> {
  const rows = await selectCertificates(
    db,
    and(
      eq(certifications.cooperativeId, cooperativeId),
      or(isNull(certifications.productId), eq(products.status, 'published')),
    ),
  );
  return toViews(rows, today);
}
