/**
 * Everything a cooperative's public profile (and GET /cooperatives/{slug})
 * shows: one query finds the cooperative, the rest is read concurrently.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { ProductCard } from '../products/card';
import { bestProductsOfCooperative } from '../products/card-queries';
import { type CertificateView, certificatesOfCooperative, type RevokedCertificateView } from '../products/certificates';
import { publicImageUrls } from '../products/image-urls';
import { latestOcopRatingsOfCooperative, type ProductRatingView } from '../products/product-detail';
import { vietnamToday } from '../products/validity';
import type { Database } from '../db/client';
import { cooperatives, provinces, valueChainLinks } from '../db/schema';
import { listUpcomingEventsOfCooperative } from '../events/by-cooperative';
import type { EventSummary } from '../events/upcoming';
import type { ProvinceRef } from '../provinces/summaries';
import { type PublicContact, publicContact } from './contact';
import type { CooperativeClassification, CooperativeKind, CooperativeSector, ValueChainRole } from './vocabulary';
import { NotFoundError } from '../errors';
import { type ResponseTime, responseTimeOf } from '../inquiries/response-time';

export interface ValueChainLinkView {
  partnerName: string;
  role: ValueChainRole;
  since: number | null;
}

export interface CooperativeProfile {
  id: string;
  slug: string;
  name: string;
  kind: CooperativeKind;
  registrationCode: string;
  foundedYear: number;
  members: number;
  classification: CooperativeClassification | null;
  classificationYear: number | null;
  sector: CooperativeSector;
  descriptionVi: string;
  descriptionEn: string;
  province: ProvinceRef;
  commune: string;
  address: string;
  verified: boolean;
  logoUrl: string | null;
  updatedAt: Date;
  isDemo: boolean;
  contact: PublicContact;
  valueChain: ValueChainLinkView[];
  /** The day in Viet Nam that certificate statuses were judged on. */
  today: string;
  certificates: CertificateView[];
  /** Verified once, revoked since: shown with the date and reason, never counted. */
  revokedCertificates: RevokedCertificateView[];
  /** Each published product's current OCOP rating (verified; a revoked one as revoked), as its page shows it. */
  ocopRatings: ProductRatingView[];
  /** The best-rated published products, and how many there are in all. */
  products: { items: ProductCard[]; total: number };
  upcomingEvents: EventSummary[];
  /** How quickly it answers inquiries, told to buyers beside the contact form. */
  responseTime: ResponseTime;
}

export const PROFILE_PRODUCT_LIMIT = 24;

/** Suspended and dissolved cooperatives are not public: not found. */
export async function getPublicCooperative(db: Database, slug: string, now: Date): Promise<CooperativeProfile> {
  const [row] = await db
    .select({
      cooperative: cooperatives,
      province: { code: provinces.code, slug: provinces.slug, nameVi: provinces.nameVi, nameEn: provinces.nameEn },
    })
    .from(cooperatives)
    .innerJoin(provinces, eq(provinces.code, cooperatives.provinceCode))
    .where(and(eq(cooperatives.slug, slug), eq(cooperatives.status, 'active')))
    .limit(1);
  if (!row) throw new NotFoundError('cooperative');
  const { cooperative: c, province } = row;
  const today = vietnamToday(now);

  const [valueChain, { certificates, revokedCertificates }, ocopRatings, products, upcomingEvents, responseTime] =
    await Promise.all([
      db
        .select({ partnerName: valueChainLinks.partnerName, role: valueChainLinks.role, since: valueChainLinks.since })
        .from(valueChainLinks)
        .where(eq(valueChainLinks.cooperativeId, c.id))
        .orderBy(asc(valueChainLinks.partnerName)),
      certificatesOfCooperative(db, c.id, today),
      latestOcopRatingsOfCooperative(db, c.id, today),
      bestProductsOfCooperative(db, c.id, PROFILE_PRODUCT_LIMIT),
      listUpcomingEventsOfCooperative(db, c.id, now),
      responseTimeOf(db, c.id, now),
    ]);

  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    kind: c.kind,
    registrationCode: c.registrationCode,
    foundedYear: c.foundedYear,
    members: c.members,
    classification: c.classification,
    classificationYear: c.classificationYear,
    sector: c.sector,
    descriptionVi: c.descriptionVi,
    descriptionEn: c.descriptionEn,
    province,
    commune: c.commune,
    address: c.address,
    verified: c.verified,
    logoUrl: publicImageUrls(c.logoUrl ? [c.logoUrl] : [])[0] ?? null,
    updatedAt: c.updatedAt,
    isDemo: c.isDemo,
    contact: publicContact(c),
    valueChain,
    today,
    certificates,
    revokedCertificates,
    ocopRatings,
    products,
    upcomingEvents,
    responseTime,
  };
}
