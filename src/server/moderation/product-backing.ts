/**
 * What backs a product under review: its OCOP ratings, the certificates that
 * cover it (its own and its cooperative's whole-cooperative ones) and its
 * batches with their lab reports, each claim in whatever state it is
 * (pending, verified, rejected…), so an officer judges the listing with what
 * stands behind it. Read-only: claims are decided in the verification queue
 * (claim-queue.ts), which the review page links to for those that wait.
 *
 * Five statements whatever the product holds: the lab reports of the shown
 * batches are read in one, and at most REVIEW_BATCH_LIMIT batches are shown
 * (the newest), which keeps that statement's bound parameters under D1's 100.
 */
import { asc, count, desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { batches } from '../db/schema';
import { listProductRatings, type StoredRating } from '../products/ocop-ratings';
import { vietnamToday } from '../products/validity';
import {
  batchColumns,
  type BatchSummary,
  listCertificatesBackingProduct,
  type StoredCertificate,
} from '../provenance/batches';
import { listLabReportsOfBatches, type StoredLabReport } from '../provenance/lab-reports';

/** The newest batches shown on a review; a product with more says how many it has. */
export const REVIEW_BATCH_LIMIT = 20;

export interface BackingCertificate extends StoredCertificate {
  /** A certificate of the whole cooperative (no product of its own). */
  wholeCooperative: boolean;
}

export interface BackingBatch extends Omit<BatchSummary, 'stepCount'> {
  labReports: StoredLabReport[];
}

export interface ProductBacking {
  ratings: StoredRating[];
  certificates: BackingCertificate[];
  /** The newest REVIEW_BATCH_LIMIT batches, newest production first. */
  batches: BackingBatch[];
  /** How many batches the product has in all. */
  batchCount: number;
  /** Today in Viet Nam, against which a rating's or certificate's last valid day tells it has expired. */
  today: string;
  /** The cooperative's slug: a waiting claim is linked to in its cooperative's list of the verification queue. */
  cooperativeSlug: string;
}

export async function loadProductBacking(
  db: Database,
  product: { id: string; cooperativeId: string; cooperativeSlug: string },
  now: Date = new Date(),
): Promise<ProductBacking> {
  const [ratings, certificates, shown, [counted]] = await Promise.all([
    listProductRatings(db, product.id),
    listCertificatesBackingProduct(db, product),
    db
      .select(batchColumns)
      .from(batches)
      .where(eq(batches.productId, product.id))
      .orderBy(desc(batches.productionDate), asc(batches.lotCode))
      .limit(REVIEW_BATCH_LIMIT),
    db.select({ n: count() }).from(batches).where(eq(batches.productId, product.id)),
  ]);
  const reports = await listLabReportsOfBatches(
    db,
    shown.map((batch) => batch.id),
  );
  return {
    ratings,
    certificates: certificates.map(({ productId, ...certificate }) => ({
      ...certificate,
      wholeCooperative: productId === null,
    })),
    batches: shown.map((batch) => ({
      ...batch,
      labReports: reports
        .filter((report) => report.batchId === batch.id)
        .map(({ batchId: _batch, ...report }) => report),
    })),
    batchCount: counted?.n ?? shown.length,
    today: vietnamToday(now),
    cooperativeSlug: product.cooperativeSlug,
  };
}
