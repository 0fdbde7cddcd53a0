/**
 * Certificates other than OCOP (VietGAP, organic, HACCP, geographic
 * indication, …) as the public sees them, with their status on `today`.
 */
import { and, eq, isNull, or, type SQL } from 'drizzle-orm';
import { evidencePath } from '../claims/evidence-access';
import { certificateShownPublicly } from '../claims/public-claims';
import type { Database } from '../db/client';
import { certifications, cooperatives, products, provinces } from '../db/schema';
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

const columns = {
  id: certifications.id,
  kind: certifications.kind,
  number: certifications.number,
  issuer: certifications.issuer,
  validFrom: certifications.validFrom,
  validUntil: certifications.validUntil,
  productId: products.id,
  productSlug: products.slug,
  productNameVi: products.nameVi,
  productNameEn: products.nameEn,
  verifiedAt: certifications.verifiedAt,
  provinceVi: provinces.nameVi,
  provinceEn: provinces.nameEn,
  evidenceKey: certifications.evidenceKey,
  evidencePublic: certifications.evidencePublic,
};

function selectCertificates(db: Database, where: SQL | undefined) {
  return db
    .select(columns)
    .from(certifications)
    .leftJoin(products, eq(products.id, certifications.productId))
    .innerJoin(cooperatives, eq(cooperatives.id, certifications.cooperativeId))
    .innerJoin(provinces, eq(provinces.code, cooperatives.provinceCode))
    .where(and(certificateShownPublicly(), where));
}

type Row = Awaited<ReturnType<typeof selectCertificates>>[number];

const KIND_ORDER = new Map(CERTIFICATION_KINDS.map((kind, i) => [kind, i]));

function toViews(rows: Row[], today: string): CertificateView[] {
  return rows
    .map((row) => ({
      id: row.id,
      kind: row.kind,
      number: row.number,
      issuer: row.issuer,
      validFrom: row.validFrom,
      validUntil: row.validUntil,
      status: certificateStatus(row.validFrom, row.validUntil, today),
      product:
        row.productId === null || row.productSlug === null
          ? null
          : {
              id: row.productId,
              slug: row.productSlug,
              nameVi: row.productNameVi ?? '',
              nameEn: row.productNameEn ?? '',
            },
      verified: row.verifiedAt ? { at: row.verifiedAt, provinceVi: row.provinceVi, provinceEn: row.provinceEn } : null,
      // Shown publicly means verified (certificateShownPublicly): the cooperative's consent is what remains.
      evidenceHref: row.evidenceKey && row.evidencePublic ? evidencePath('certificate', row.id) : null,
    }))
    .sort(
      (a, b) =>
        // Valid ones first, then by kind, newest first within a kind.
        Number(a.status !== 'valid') - Number(b.status !== 'valid') ||
        (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) ||
        b.validFrom.localeCompare(a.validFrom),
    );
}

/**
 * A product's own certificates and its cooperative's whole-cooperative ones
 * (certifications_product_idx and certifications_cooperative_idx, OR-ed).
 */
export async function certificatesOfProduct(
  db: Database,
  product: { id: string; cooperativeId: string },
  today: string,
): Promise<CertificateView[]> {
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
): Promise<CertificateView[]> {
  const rows = await selectCertificates(
    db,
    and(
      eq(certifications.cooperativeId, cooperativeId),
      or(isNull(certifications.productId), eq(products.status, 'published')),
    ),
  );
  return toViews(rows, today);
}
