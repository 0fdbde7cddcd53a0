/**
 * A batch's trace: what the trace page and GET /api/v1/trace/… show. One
 * query finds the public product and the batch, then the timeline,
 * certificates, OCOP rating, verified lab reports, cooperative and the product's other lots are read
 * concurrently, each on its own index.
 */
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { type CertificateView, certificatesOfProduct, type RevokedCertificateView } from '../products/certificates';
import { mediaPath, readStoredImages } from '../media/stored-image';
import { latestOcopRating, type OcopRatingView } from '../products/product-detail';
import { vietnamToday } from '../products/validity';
import type { OcopGroup } from '../products/vocabulary';
import type { CooperativeCard } from '../cooperatives/card';
import { cooperativeCardsByIds } from '../cooperatives/cards';
import type { Database } from '../db/client';
import { auditLog, batches, cooperatives, products, provenanceSteps, provinces } from '../db/schema';
import { APPROVED_ACTION } from '../moderation/moderation';
import type { ProvinceRef } from '../provinces/summaries';
import { batchColumns } from './batches';
import { type LabReportView, publicLabReportsOfBatch, type RevokedLabReportView } from './lab-reports';
import type { ProvenanceActorKind, ProvenanceStepKind } from './vocabulary';

export interface TraceStep {
  position: number;
  kind: ProvenanceStepKind;
  occurredAt: Date;
  place: string;
  province: ProvinceRef | null;
  /** WGS 84 degrees; both null when the place was not located. */
  latitude: number | null;
  longitude: number | null;
  actorName: string;
  actorKind: ProvenanceActorKind;
  evidenceNumber: string | null;
  evidenceUrl: string | null;
  noteVi: string | null;
  noteEn: string | null;
}

export interface TracedProduct {
  id: string;
  slug: string;
  nameVi: string;
  nameEn: string;
  ocopGroup: OcopGroup;
  gtin: string | null;
  traceCode: string;
  image: string | null;
  province: ProvinceRef;
  commune: string | null;
  originFormerly: string | null;
}

export interface TracedBatch {
  lotCode: string;
  productionDate: string;
  bestBefore: string | null;
  quantity: number;
  quantityUnit: string;
}

export interface BatchTrace {
  /** The day in Viet Nam that every status below was judged on. */
  today: string;
  product: TracedProduct;
  cooperative: CooperativeCard;
  batch: TracedBatch;
  /** In the order the cooperative recorded them, which is also chronological (see batch-input.ts). */
  steps: TraceStep[];
  certificates: CertificateView[];
  /** Verified once, revoked since: shown with the date and reason, never counted. */
  revokedCertificates: RevokedCertificateView[];
  ocop: OcopRatingView | null;
  /** The lot's lab reports a trade officer verified, newest first (never a pending or rejected one). */
  labReports: LabReportView[];
  /** The lot's lab reports verified once and revoked since: shown with the date and reason. */
  revokedLabReports: RevokedLabReportView[];
  /** The product's other lots, newest first, for a label that names a neighbour. */
  otherLots: { lotCode: string; productionDate: string }[];
  /**
   * How the listing came to be public: when a trade officer (of the
   * cooperative's province, as for claims) last approved it, from the audit
   * log; null for listings approved before approvals were logged, which
   * still have the day they were first published.
   */
  listing: { approvedAt: Date | null; publishedAt: Date | null };
}

export type ProductKey = { gtin: string } | { traceCode: string };

export type TraceLookup =
  | { kind: 'found'; trace: BatchTrace }
  | { kind: 'unknown_product' }
  | { kind: 'unknown_lot'; product: { slug: string; nameVi: string; nameEn: string; traceCode: string } };

export const OTHER_LOTS_LIMIT = 10;

/** Only published products of active cooperatives are public, and so are only their batches. */
export async function getBatchTrace(db: Database, key: ProductKey, lotCode: string, now: Date): Promise<TraceLookup> {
  const [row] = await db
    .select({
      product: {
        id: products.id,
        slug: products.slug,
        nameVi: products.nameVi,
        nameEn: products.nameEn,
        ocopGroup: products.ocopGroup,
        gtin: products.gtin,
        traceCode: products.traceCode,
        images: products.images,
        commune: products.commune,
        originFormerly: products.originFormerly,
        cooperativeId: products.cooperativeId,
        publishedAt: products.publishedAt,
      },
      province: { code: provinces.code, slug: provinces.slug, nameVi: provinces.nameVi, nameEn: provinces.nameEn },
      batch: batchColumns,
    })
    .from(products)
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .innerJoin(provinces, eq(provinces.code, products.provinceCode))
    // Left join, so an unknown lot of a known product still finds the product and can say which part was wrong.
    .leftJoin(batches, and(eq(batches.productId, products.id), eq(batches.lotCode, lotCode)))
    .where(
      and(
        'gtin' in key ? eq(products.gtin, key.gtin) : eq(products.traceCode, key.traceCode),
        eq(products.status, 'published'),
        eq(cooperatives.status, 'active'),
      ),
    )
    .limit(1);
  if (!row) return { kind: 'unknown_product' };
  const { product, province, batch } = row;
  if (!batch) {
    return {
      kind: 'unknown_lot',
      product: { slug: product.slug, nameVi: product.nameVi, nameEn: product.nameEn, traceCode: product.traceCode },
    };
  }
  const today = vietnamToday(now);
  const [
    steps,
    { certificates, revokedCertificates },
    ocop,
    cards,
    otherLots,
    approvedAt,
    { labReports, revokedLabReports },
  ] = await Promise.all([
    stepsOfBatch(db, batch.id),
    certificatesOfProduct(db, { id: product.id, cooperativeId: product.cooperativeId }, today),
    latestOcopRating(db, product.id, today),
    cooperativeCardsByIds(db, [product.cooperativeId]),
    db
      .select({ lotCode: batches.lotCode, productionDate: batches.productionDate })
      .from(batches)
      .where(and(eq(batches.productId, product.id), ne(batches.id, batch.id)))
      .orderBy(desc(batches.productionDate), desc(batches.id))
      .limit(OTHER_LOTS_LIMIT),
    lastApproval(db, product.id),
    publicLabReportsOfBatch(db, batch.id, today),
  ]);
  const [cooperative] = cards;
  if (!cooperative) return { kind: 'unknown_product' };
  const { images, cooperativeId: _cooperativeId, publishedAt, ...rest } = product;
  const { id: _batchId, ...batchFields } = batch;
  return {
    kind: 'found',
    trace: {
      today,
      product: { ...rest, image: imageOf(images), province },
      cooperative,
      batch: batchFields,
      steps,
      certificates,
      revokedCertificates,
      ocop,
      labReports,
      revokedLabReports,
      otherLots,
      listing: { approvedAt, publishedAt },
    },
  };
}

/** When an officer last approved the product for publication (audit_log_entity_idx). */
async function lastApproval(db: Database, productId: string): Promise<Date | null> {
  const [entry] = await db
    .select({ at: auditLog.createdAt })
    .from(auditLog)
    .where(
      and(eq(auditLog.entityType, 'product'), eq(auditLog.entityId, productId), eq(auditLog.action, APPROVED_ACTION)),
    )
    .orderBy(desc(auditLog.createdAt))
    .limit(1);
  return entry?.at ?? null;
}

async function stepsOfBatch(db: Database, batchId: string): Promise<TraceStep[]> {
  const rows = await db
    .select({
      step: provenanceSteps,
      province: { code: provinces.code, slug: provinces.slug, nameVi: provinces.nameVi, nameEn: provinces.nameEn },
    })
    .from(provenanceSteps)
    .leftJoin(provinces, eq(provinces.code, provenanceSteps.provinceCode))
    .where(eq(provenanceSteps.batchId, batchId))
    .orderBy(asc(provenanceSteps.position));
  return rows.map(({ step, province }) => ({
    position: step.position,
    kind: step.kind,
    occurredAt: step.occurredAt,
    place: step.place,
    province: province?.code ? province : null,
    latitude: step.latitude,
    longitude: step.longitude,
    actorName: step.actorName,
    actorKind: step.actorKind,
    evidenceNumber: step.evidenceNumber,
    evidenceUrl: step.evidenceUrl,
    noteVi: step.noteVi,
    noteEn: step.noteEn,
  }));
}

/** The first photo's card-sized variant, or null. */
function imageOf(images: unknown): string | null {
  const [first] = readStoredImages(images);
  return first ? mediaPath(first.id, 640) : null;
}
