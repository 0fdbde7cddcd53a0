/**
 * Everything the public product page (and GET /products/{slug}) shows: one
 * query finds the product, then the rest is read concurrently, each part on
 * its own index.
 */
import { type ResponseTime, responseTimeOf } from '../inquiries/response-time';
import { type FairShowingProduct, upcomingFairsShowing } from '../events/showing-product';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { CooperativeCard } from '../cooperatives/card';
import { cooperativeCardsByIds } from '../cooperatives/cards';
import { type PublicContact, publicContact } from '../cooperatives/contact';
import { ratingShownPublicly, revokedShownUntil, verifiedField } from '../claims/public-claims';
import { vietnamDate } from '../time/vietnam';
import type { Database } from '../db/client';
import { batches, cooperatives, ocopRatings, products, provenanceSteps, provinces } from '../db/schema';
import type { ProvenanceStepKind } from '../provenance/vocabulary';
import type { ProvinceRef } from '../provinces/summaries';
import type { ProductCard } from './card';
import { bestProductsInGroup, bestProductsInProvince } from './card-queries';
import { type CertificateView, certificatesOfProduct, type RevokedCertificateView } from './certificates';
import { readStoredImages, type StoredImage } from '../media/stored-image';
import { ocopIssuer, type OcopIssuer } from './ocop-authority';
import { type OcopRatingStatus, ocopRatingStatus, ocopValidUntil, vietnamToday } from './validity';
import type { OcopGroup, OcopLevel } from './vocabulary';
import { found, NotFoundError } from '../errors';
import { isExportReady, wholesaleOf, type WholesaleFields } from './wholesale';

export interface OcopRatingView {
  stars: number;
  level: OcopLevel;
  decisionNumber: string;
  decisionDate: string;
  /** Last valid day, inclusive (see ocopValidUntil). */
  validUntil: string;
  /** Who decided it (ocop-authority.ts). */
  issuer: OcopIssuer;
  status: OcopRatingStatus;
  /** When a trade officer verified it, and the province whose department that is (the cooperative's). */
  verified: { at: Date; provinceVi: string; provinceEn: string } | null;
  /** When revoked: the day in Viet Nam and the officer's reason, which the page shows. */
  revoked: { on: string; reason: string } | null;
}

export interface ProvenanceStepView {
  position: number;
  kind: ProvenanceStepKind;
  occurredAt: Date;
  place: string;
  actorName: string;
}

export interface BatchSummary {
  lotCode: string;
  productionDate: string;
  bestBefore: string | null;
  quantity: number;
  quantityUnit: string;
  steps: ProvenanceStepView[];
}

export interface ProductDetail {
  id: string;
  slug: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  ocopGroup: OcopGroup;
  /** 14 digits, left-padded; null when the product has none. */
  gtin: string | null;
  traceCode: string;
  priceVnd: number | null;
  unitVi: string;
  unitEn: string;
  minOrder: number;
  seasonVi: string | null;
  seasonEn: string | null;
  /** What wholesale and export buyers ask first (wholesale.ts); every field may be empty. */
  wholesale: WholesaleFields;
  /** Markets served, or an HS code with a wholesale minimum: the list's "export-ready" filter (isExportReady). */
  exportReady: boolean;
  /** Photos in order, with their text alternatives (src/server/media/stored-image.ts). */
  images: StoredImage[];
  province: ProvinceRef;
  commune: string | null;
  originFormerly: string | null;
  updatedAt: Date;
  isDemo: boolean;
  /** The day in Viet Nam that the statuses below were judged on. */
  today: string;
  /** The latest OCOP decision, whatever its status; null when never rated. */
  ocop: OcopRatingView | null;
  certificates: CertificateView[];
  /** Verified once, revoked since: shown with the date and reason, never counted. */
  revokedCertificates: RevokedCertificateView[];
  cooperative: CooperativeCard;
  contact: PublicContact;
  latestBatch: BatchSummary | null;
  related: ProductCard[];
  /** Upcoming fairs showing it (src/server/events/showing-product.ts). */
  fairs: FairShowingProduct[];
  /** How quickly its cooperative answers, shown beside the inquiry form before a buyer writes. */
  responseTime: ResponseTime;
}

export const RELATED_LIMIT = 4;

/** Only published products of active cooperatives are public; anything else is not found. */
export async function getPublicProduct(db: Database, slug: string, now: Date): Promise<ProductDetail> {
  const [row] = await db
    .select({
      product: products,
      province: { code: provinces.code, slug: provinces.slug, nameVi: provinces.nameVi, nameEn: provinces.nameEn },
      contact: {
        phone: cooperatives.phone,
        email: cooperatives.email,
        website: cooperatives.website,
        zalo: cooperatives.zalo,
      },
    })
    .from(products)
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .innerJoin(provinces, eq(provinces.code, products.provinceCode))
    .where(and(eq(products.slug, slug), eq(products.status, 'published'), eq(cooperatives.status, 'active')))
    .limit(1);
  if (!row) throw new NotFoundError('product');
  const { product, province } = row;
  const today = vietnamToday(now);

  const [ocop, { certificates, revokedCertificates }, cards, latestBatch, related, fairs, responseTime] =
    await Promise.all([
      latestOcopRating(db, product.id, today),
      certificatesOfProduct(db, product, today),
      cooperativeCardsByIds(db, [product.cooperativeId]),
      latestBatchSummary(db, product.id),
      relatedProducts(db, product),
      upcomingFairsShowing(db, product.id, now),
      responseTimeOf(db, product.cooperativeId, now),
    ]);
  const cooperative = found(cards[0], 'product');

  return {
    id: product.id,
    slug: product.slug,
    nameVi: product.nameVi,
    nameEn: product.nameEn,
    descriptionVi: product.descriptionVi,
    descriptionEn: product.descriptionEn,
    ocopGroup: product.ocopGroup,
    gtin: product.gtin,
    traceCode: product.traceCode,
    priceVnd: product.priceVnd,
    unitVi: product.unitVi,
    unitEn: product.unitEn,
    minOrder: product.minOrder,
    seasonVi: product.seasonVi,
    seasonEn: product.seasonEn,
    wholesale: wholesaleOf(product),
    exportReady: isExportReady(product),
    images: readStoredImages(product.images),
    province,
    commune: product.commune,
    originFormerly: product.originFormerly,
    updatedAt: product.updatedAt,
    isDemo: product.isDemo,
    today,
    ocop,
    certificates,
    revokedCertificates,
    cooperative,
    contact: publicContact(row.contact),
    latestBatch,
    related,
    fairs,
    responseTime,
  };
}

/** A product's rating as the public reads it, with its cooperative's province (whose department verifies). */
function selectPublicRatings(db: Database) {
  return db
    .select({
      rating: ocopRatings,
      product: { slug: products.slug, nameVi: products.nameVi, nameEn: products.nameEn },
      provinceVi: provinces.nameVi,
      provinceEn: provinces.nameEn,
    })
    .from(ocopRatings)
    .innerJoin(products, eq(products.id, ocopRatings.productId))
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .innerJoin(provinces, eq(provinces.code, cooperatives.provinceCode));
}

type PublicRatingRow = Awaited<ReturnType<ReturnType<typeof selectPublicRatings>['where']>>[number];

/** Newest decision first (of the verified versions), as the public reads which rating holds. */
const NEWEST_DECISION_FIRST = [desc(verifiedField('ocop_ratings', 'decisionDate')), desc(ocopRatings.createdAt)];

/** The verified version (src/server/claims/verified-version.ts) of a rating, whatever the cooperative changed since. */
function publicRatingView({ rating, provinceVi, provinceEn }: PublicRatingRow, today: string): OcopRatingView | null {
  const version = rating.lastVerified;
  if (!version) return null;
  const validUntil = ocopValidUntil(version.decisionDate);
  const revokedAt = rating.revokedAt ?? (rating.status === 'revoked' ? rating.decidedAt : null);
  const revokedOn = revokedAt ? vietnamDate(revokedAt) : null;
  // A revocation is news for as long as the rating would have held (public-claims.ts), then the rating goes.
  if (revokedOn && today > revokedShownUntil(validUntil, revokedOn)) return null;
  return {
    stars: version.stars,
    level: version.level,
    decisionNumber: version.decisionNumber,
    decisionDate: version.decisionDate,
    validUntil,
    issuer: ocopIssuer(version, { provinceVi, provinceEn }),
    status: ocopRatingStatus({ decisionDate: version.decisionDate, status: rating.status }, today),
    verified: version.verifiedAt === null ? null : { at: new Date(version.verifiedAt), provinceVi, provinceEn },
    revoked: revokedOn ? { on: revokedOn, reason: rating.revokedReason ?? rating.decisionReason ?? '' } : null,
  };
}

/**
 * The most recent decision the public may see (ocop_ratings_product_idx): a newer revocation or
 * verified re-rating replaces older ones; a rating still in review does not.
 */
export async function latestOcopRating(db: Database, productId: string, today: string): Promise<OcopRatingView | null> {
  const [found] = await selectPublicRatings(db)
    .where(and(eq(ocopRatings.productId, productId), ratingShownPublicly()))
    .orderBy(...NEWEST_DECISION_FIRST)
    .limit(1);
  return found ? publicRatingView(found, today) : null;
}

/** A published product's current OCOP rating, on its cooperative's page. */
export interface ProductRatingView extends OcopRatingView {
  product: { slug: string; nameVi: string; nameEn: string };
}

/**
 * The rating each published product of the cooperative shows on its own page
 * (latestOcopRating's rule), products with none left out; best stars first.
 * Every public rating of those products is read (products_cooperative_idx,
 * then ocop_ratings_product_idx): a handful per product.
 */
export async function latestOcopRatingsOfCooperative(
  db: Database,
  cooperativeId: string,
  today: string,
): Promise<ProductRatingView[]> {
  const rows = await selectPublicRatings(db)
    .where(and(eq(products.cooperativeId, cooperativeId), eq(products.status, 'published'), ratingShownPublicly()))
    .orderBy(asc(products.id), ...NEWEST_DECISION_FIRST);
  const views: ProductRatingView[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.rating.productId)) continue;
    seen.add(row.rating.productId);
    const view = publicRatingView(row, today);
    if (view) views.push({ ...view, product: row.product });
  }
  return views.sort((a, b) => Number(a.status !== 'valid') - Number(b.status !== 'valid') || b.stars - a.stars);
}

/** The newest batch with its steps in order, in one round trip (batches_product_date_idx). */
async function latestBatchSummary(db: Database, productId: string): Promise<BatchSummary | null> {
  const latest = db
    .select({ id: batches.id })
    .from(batches)
    .where(eq(batches.productId, productId))
    .orderBy(desc(batches.productionDate), desc(batches.id))
    .limit(1);
  const rows = await db
    .select({
      lotCode: batches.lotCode,
      productionDate: batches.productionDate,
      bestBefore: batches.bestBefore,
      quantity: batches.quantity,
      quantityUnit: batches.quantityUnit,
      step: {
        position: provenanceSteps.position,
        kind: provenanceSteps.kind,
        occurredAt: provenanceSteps.occurredAt,
        place: provenanceSteps.place,
        actorName: provenanceSteps.actorName,
      },
    })
    .from(batches)
    .leftJoin(provenanceSteps, eq(provenanceSteps.batchId, batches.id))
    .where(inArray(batches.id, latest))
    .orderBy(asc(provenanceSteps.position));
  const [first] = rows;
  if (!first) return null;
  const { step: _step, ...batch } = first;
  return { ...batch, steps: rows.flatMap((row) => (row.step ? [row.step] : [])) };
}

/**
 * Up to four published products of the same OCOP group, from the same
 * province first, then from anywhere, best rated first.
 */
async function relatedProducts(
  db: Database,
  product: { id: string; ocopGroup: OcopGroup; provinceCode: string },
): Promise<ProductCard[]> {
  const others = (cards: ProductCard[], exclude: ReadonlySet<string>) => cards.filter((card) => !exclude.has(card.id));
  const near = others(
    await bestProductsInProvince(db, product.provinceCode, RELATED_LIMIT + 1, product.ocopGroup),
    new Set([product.id]),
  );
  if (near.length >= RELATED_LIMIT) return near.slice(0, RELATED_LIMIT);
  // Enough to fill up even if this product and every one already picked come back again.
  const wider = await bestProductsInGroup(db, product.ocopGroup, 2 * RELATED_LIMIT + 1);
  const seen = new Set([product.id, ...near.map((card) => card.id)]);
  return [...near, ...others(wider, seen)].slice(0, RELATED_LIMIT);
}
