/**
 * One product with its OCOP ratings, certificates, batches and provenance,
 * shared by the demo and the scale generator.
 */
import type { CertificationKind, ProductStatus } from '../../products/vocabulary';
import { CERTIFICATION_BODIES } from './content/cooperatives';
import type { ProductType, Variant } from './content/products';
import { type CooperativeContext, fill, type NextId } from './cooperative';
import { buildBatches } from './provenance';
import { revokedReview, verifiedReview } from './claims';
import { hashSeed, type Rng } from './random';
import { addDays, addDaysIso, addYearsIso, isoDate, isoDay, localDay } from './time';
import type { BatchRow, CertificationRow, OcopRatingRow, ProductRow, ProvenanceStepRow } from './types';

export interface ProductSpec {
  coop: CooperativeContext;
  type: ProductType;
  variant: Variant;
  id: string;
  slug: string;
  traceCode: string;
  gtin: string | null;
  status: ProductStatus;
}

/** How much history each product gets: the demo is rich, the scale set lean. */
export interface BundleShape {
  batches: readonly [number, number];
  steps: readonly [number, number];
  ratedShare: number;
  extraCertChance: number;
}

export interface ProductBundle {
  product: ProductRow;
  ratings: OcopRatingRow[];
  certifications: CertificationRow[];
  batches: BatchRow[];
  steps: ProvenanceStepRow[];
}

export function productNames(
  variant: Variant,
  coop: Pick<CooperativeContext, 'place' | 'placeEn'>,
): { vi: string; en: string } {
  const vi = fill(variant.vi, { p: coop.place });
  const en = fill(variant.en, { p: coop.placeEn });
  // Lower-case place words ("làng Vòng", "da xanh Bến Tre") should not start an English name in lower case.
  return { vi, en: en.charAt(0).toUpperCase() + en.slice(1) };
}

/** Whether the product's name is protected where it is made: the reason it may earn more stars. */
export function protectedName(type: ProductType, place: string): 'gi' | 'trademark' | null {
  if (type.gi?.includes(place)) return 'gi';
  if (type.trademark?.includes(place)) return 'trademark';
  return null;
}

/** Validity in years of each certificate kind that expires. */
const VALIDITY_YEARS: Partial<Record<CertificationKind, number>> = {
  vietgap: 3,
  globalgap: 1,
  organic: 2,
  haccp: 3,
  iso22000: 3,
};

function certificateNumber(rng: Rng, kind: CertificationKind, provinceCode: string, validFrom: string): string {
  const year = validFrom.slice(0, 4);
  switch (kind) {
    case 'vietgap':
      return `VietGAP-TT-${rng.int(10, 48)}-${provinceCode}-${year.slice(2)}-${rng.digits(4)}`;
    case 'globalgap':
      return `GGN 40${rng.digits(11)}`;
    case 'organic':
      return `TCVN 11041-2:2017/${rng.digits(4)}/${year}`;
    case 'haccp':
      return `HACCP ${rng.digits(4)}/${year}`;
    case 'iso22000':
      return `ISO 22000:2018 – VN${rng.digits(5)}`;
    case 'geographic_indication':
      return rng.digits(5);
    case 'collective_trademark':
      return `4-0${rng.digits(6)}-000`;
  }
}

function ratings(
  rng: Rng,
  spec: ProductSpec,
  now: Date,
  shape: BundleShape,
  nextId: NextId,
): { rows: OcopRatingRow[]; stars: number | null } {
  const rated = rng.chance(shape.ratedShare);
  const premium = protectedName(spec.type, spec.coop.place) !== null;
  const starWeights = premium
    ? ([
        [3, 30],
        [4, 60],
        [5, 10],
      ] as const)
    : ([
        [3, 64],
        [4, 35],
        [5, 1],
      ] as const);
  const stars = rng.weighted(starWeights);
  // Decisions fall in the 70 months up to the month before `now`, a quarter of
  // them more than 36 months back, so some ratings have run out by date.
  const monthsBack = rng.chance(0.75) ? rng.int(0, 33) : rng.int(36, 69);
  const hasPrevious = monthsBack <= 30 && rng.chance(0.35);
  const previousGap = rng.int(36, 38);
  const previousStars = Math.min(stars, rng.pick([3, 4, 5] as const));
  const revoked = rng.chance(0.015);
  const days = [rng.int(1, 28), rng.int(1, 28)] as const;
  const numbers = [rng.int(100, 4999), rng.int(100, 4999)] as const;
  if (!rated) return { rows: [], stars: null };

  const { year, month } = localDay(now);
  const rating = (starsGiven: number, back: number, day: number, number: number): OcopRatingRow => {
    const decisionDate = isoDay(year, month - 1 - back, day);
    return {
      id: nextId('ocopRatings'),
      productId: spec.id,
      stars: starsGiven,
      level: starsGiven === 5 ? 'national' : 'province',
      decisionNumber: starsGiven === 5 ? `${number % 2000}/QĐ-BNN-KTHT` : `${number}/QĐ-UBND`,
      decisionDate,
      status: 'active',
      ...verifiedReview(decisionDate, now),
    };
  };
  const rows: OcopRatingRow[] = [];
  if (hasPrevious) rows.push(rating(previousStars, monthsBack + previousGap, days[1], numbers[1]));
  const latest = rating(stars, monthsBack, days[0], numbers[0]);
  if (revoked) {
    const reason = 'Sản phẩm không duy trì được tiêu chuẩn OCOP qua kiểm tra định kỳ.';
    Object.assign(latest, { status: 'revoked' }, revokedReview(latest.decisionDate, now, reason));
  }
  rows.push(latest);
  const active = rows.filter((r) => r.status !== 'revoked').at(-1);
  return { rows, stars: active ? active.stars : null };
}

function certificates(rng: Rng, spec: ProductSpec, now: Date, shape: BundleShape, nextId: NextId): CertificationRow[] {
  const { type, coop } = spec;
  const out: CertificationRow[] = [];
  const protection = protectedName(type, coop.place);
  if (protection !== null) {
    // One registration per product name and place, so every producer shows the same number and date.
    const h = hashSeed(type.key, coop.place);
    const validFrom = isoDay(
      protection === 'gi' ? 2007 + (h % 15) : 2012 + (h % 10),
      1 + ((h >>> 4) % 12),
      1 + ((h >>> 8) % 28),
    );
    const gi = protection === 'gi';
    out.push({
      id: nextId('certifications'),
      productId: spec.id,
      cooperativeId: coop.id,
      kind: gi ? 'geographic_indication' : 'collective_trademark',
      number: gi ? String(1 + (h % 280)).padStart(5, '0') : `4-0${String(h % 1_000_000).padStart(6, '0')}-000`,
      issuer: 'Cục Sở hữu trí tuệ',
      validFrom,
      // A geographic indication has no end date; a trademark runs ten years from filing.
      validUntil: gi ? null : addDaysIso(addYearsIso(validFrom, 10), -1),
      evidenceUrl: null,
      ...verifiedReview(validFrom, now),
    });
  }
  for (const kind of type.certs) {
    const held = rng.chance(shape.extraCertChance);
    const daysAgo = rng.int(30, 1500);
    const issuer = rng.pick(CERTIFICATION_BODIES);
    const years = VALIDITY_YEARS[kind] ?? 3;
    const validFrom = isoDate(addDays(now, -daysAgo));
    const number = certificateNumber(rng, kind, coop.provinceCode, validFrom);
    if (!held || out.length >= 3) continue;
    out.push({
      id: nextId('certifications'),
      productId: spec.id,
      cooperativeId: coop.id,
      kind,
      number,
      issuer,
      validFrom,
      validUntil: addDaysIso(addYearsIso(validFrom, years), -1),
      evidenceUrl: null,
      ...verifiedReview(validFrom, now),
    });
  }
  return out;
}

export function buildProductBundle(
  rng: Rng,
  spec: ProductSpec,
  now: Date,
  shape: BundleShape,
  nextId: NextId,
): ProductBundle {
  const { coop, type, variant } = spec;
  const names = productNames(variant, coop);
  const jitter = 0.9 + rng.next() * 0.25;
  const priceVnd = variant.price === null ? null : Math.round((variant.price * jitter) / 1000) * 1000;
  const createdDaysAgo = rng.int(
    10,
    Math.max(11, Math.floor((now.getTime() - coop.createdAt.getTime()) / 86_400_000) - 1),
  );
  const createdAt = addDays(now, -createdDaysAgo);
  const publishDelay = rng.int(1, 9);
  const published = spec.status === 'published';
  const publishedAt = published ? addDays(createdAt, Math.min(publishDelay, createdDaysAgo - 1)) : null;
  // A listing sent for review was sent lately (the last two weeks, never before it was made):
  // an officer's queue of demo listings waiting 800 days would show a department that never works.
  const submittedDaysAgo = Math.min(createdDaysAgo, 1 + (createdDaysAgo % 14));
  const updatedAt = publishedAt ?? (spec.status === 'submitted' ? addDays(now, -submittedDaysAgo) : createdAt);

  const rated = ratings(rng, spec, now, shape, nextId);
  const certs = certificates(rng, spec, now, shape, nextId);
  const { batches, steps } =
    type.process === 'service'
      ? { batches: [], steps: [] }
      : buildBatches(rng, { coop, type, variant, productId: spec.id, certificates: certs }, now, shape, nextId);

  const product: ProductRow = {
    id: spec.id,
    slug: spec.slug,
    cooperativeId: coop.id,
    nameVi: names.vi,
    nameEn: names.en,
    descriptionVi: fill(type.descVi, { p: coop.place }),
    descriptionEn: fill(type.descEn, { p: coop.placeEn }),
    ocopGroup: type.group,
    ocopStars: rated.stars,
    provinceCode: coop.provinceCode,
    commune: coop.commune,
    originFormerly: coop.originFormerly,
    gtin: spec.gtin,
    traceCode: spec.traceCode,
    priceVnd,
    unitVi: variant.unitVi,
    unitEn: variant.unitEn,
    minOrder: variant.minOrder,
    seasonVi: type.season?.[0] ?? null,
    seasonEn: type.season?.[1] ?? null,
    images: [],
    status: spec.status,
    rejectionReason: null,
    publishedAt,
    isDemo: true,
    createdAt,
    updatedAt,
  };
  return { product, ratings: rated.rows, certifications: certs, batches, steps };
}
