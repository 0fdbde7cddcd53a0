/**
 * Read-only detail endpoints, the same data as the detail pages:
 * GET /products/{slug}, /cooperatives/{slug}, /provinces, /provinces/{slug}.
 * Only public records answer; anything else is a 404, as on the pages.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { mediaPath } from '../../src/server/media/stored-image';
import { type ProductDetail, getPublicProduct } from '../../src/server/products/product-detail';
import { OCOP_GROUPS } from '../../src/server/products/vocabulary';
import { type CooperativeProfile, getPublicCooperative } from '../../src/server/cooperatives/profile';
import {
  COOPERATIVE_CLASSIFICATIONS,
  COOPERATIVE_KINDS,
  COOPERATIVE_SECTORS,
  VALUE_CHAIN_ROLES,
} from '../../src/server/cooperatives/vocabulary';
import type { EventSummary } from '../../src/server/events/upcoming';
import { PROVENANCE_STEP_KINDS } from '../../src/server/provenance/vocabulary';
import { getProvincePage } from '../../src/server/provinces/province-page';
import { listProvinceSummaries } from '../../src/server/provinces/summaries';
import { createRouter } from './context';
import {
  asOf,
  certificateJson,
  CertificateSchema,
  ContactSchema,
  CooperativeCardSchema,
  errorSchemaResponse,
  EventSummarySchema,
  instant,
  isoDate,
  OcopRatingSchema,
  ProductCardSchema,
  ProvinceRefSchema,
} from './schemas';

const BatchSchema = z
  .object({
    lotCode: z.string(),
    productionDate: isoDate,
    bestBefore: isoDate.nullable(),
    quantity: z.number(),
    quantityUnit: z.string(),
    steps: z.array(
      z
        .object({
          position: z.number().int(),
          kind: z.enum(PROVENANCE_STEP_KINDS),
          occurredAt: instant,
          place: z.string(),
          actorName: z.string(),
        })
        .openapi('ProvenanceStep'),
    ),
  })
  .openapi('BatchSummary');



const ProductDetailSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    descriptionVi: z.string(),
    descriptionEn: z.string(),
    ocopGroup: z.enum(OCOP_GROUPS),
    gtin: z.string().nullable().openapi({ description: 'GTIN as 14 digits, left-padded.' }),
    traceCode: z.string(),
    priceVnd: z.number().int().nullable().openapi({ description: 'Whole VND per unit; null when quoted on request.' }),
    unitVi: z.string(),
    unitEn: z.string(),
    minOrder: z.number().int(),
    seasonVi: z.string().nullable(),
    seasonEn: z.string().nullable(),
    images: z.array(z.string()).openapi({ description: 'Photos in order: paths of their largest variant (`/media/{id}/1600.webp`; 160 and 640 exist too).' }),
    province: ProvinceRefSchema,
    commune: z.string().nullable(),
    originFormerly: z.string().nullable().openapi({ description: 'Historic origin name, e.g. of a geographical indication.' }),
    updatedAt: instant,
    asOf,
    ocop: OcopRatingSchema.nullable().openapi({ description: 'The latest OCOP decision, whatever its status.' }),
    certificates: z.array(CertificateSchema),
    cooperative: CooperativeCardSchema,
    contact: ContactSchema,
    latestBatch: BatchSchema.nullable(),
    related: z.array(ProductCardSchema),
  })
  .openapi('ProductDetail');

const CooperativeProfileSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    kind: z.enum(COOPERATIVE_KINDS),
    registrationCode: z.string(),
    foundedYear: z.number().int(),
    members: z.number().int(),
    classification: z.enum(COOPERATIVE_CLASSIFICATIONS).nullable(),
    classificationYear: z.number().int().nullable(),
    sector: z.enum(COOPERATIVE_SECTORS),
    descriptionVi: z.string(),
    descriptionEn: z.string(),
    province: ProvinceRefSchema,
    commune: z.string(),
    address: z.string(),
    verified: z.boolean(),
    logoUrl: z.string().nullable(),
    updatedAt: instant,
    contact: ContactSchema,
    valueChain: z.array(
      z.object({ partnerName: z.string(), role: z.enum(VALUE_CHAIN_ROLES), since: z.number().int().nullable() }).openapi('ValueChainLink'),
    ),
    asOf,
    certificates: z.array(CertificateSchema),
    products: z.object({
      items: z.array(ProductCardSchema).openapi({ description: 'Up to 24 published products, best rated first.' }),
      total: z.number().int().openapi({ description: 'All its published products.' }),
    }),
    upcomingEvents: z.array(EventSummarySchema),
  })
  .openapi('CooperativeProfile');

const ProvinceSummarySchema = z
  .object({
    code: z.string(),
    slug: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    kind: z.enum(['city', 'province']),
    seat: z.string(),
    formedFrom: z.array(z.string()).openapi({ description: 'Pre-2025 provinces merged into this one.' }),
    cooperatives: z.number().int().openapi({ description: 'Active cooperatives.' }),
    products: z.number().int().openapi({ description: 'Published products.' }),
  })
  .openapi('ProvinceSummary');

const ProvinceDetailSchema = z
  .object({
    province: ProvinceSummarySchema,
    cooperatives: z.array(CooperativeCardSchema).openapi({ description: 'Up to 12, most products first.' }),
    products: z.array(ProductCardSchema).openapi({ description: 'Up to 12, best rated first.' }),
    upcomingEvents: z.array(EventSummarySchema).openapi({ description: 'Up to 6 published events that have not ended.' }),
  })
  .openapi('ProvinceDetail');

/** Any slug is looked up; one that names nothing public is a 404, not a 400. */
function slugParams(example: string) {
  return z.object({ slug: z.string().min(1).max(200).openapi({ param: { name: 'slug', in: 'path' }, example }) });
}

const notFound = errorSchemaResponse('No public record has this slug');

function json<T extends z.ZodType>(description: string, schema: T) {
  return { description, content: { 'application/json': { schema } } };
}

const productRoute = createRoute({
  method: 'get',
  path: '/products/{slug}',
  tags: ['Catalogue'],
  summary: 'A published product with its OCOP rating, certificates, latest batch and cooperative',
  description: 'Validity statuses are judged on the current day in Viet Nam (`asOf`). Unpublished products are 404.',
  request: { params: slugParams('vai-thieu-luc-ngan') },
  responses: { 200: json('The product', ProductDetailSchema), 404: notFound },
});

const cooperativeRoute = createRoute({
  method: 'get',
  path: '/cooperatives/{slug}',
  tags: ['Catalogue'],
  summary: 'An active cooperative’s public profile',
  description: 'Suspended and dissolved cooperatives are 404.',
  request: { params: slugParams('htx-che-tan-cuong') },
  responses: { 200: json('The cooperative', CooperativeProfileSchema), 404: notFound },
});

const provincesRoute = createRoute({
  method: 'get',
  path: '/provinces',
  tags: ['Catalogue'],
  summary: 'The 34 provincial units with their counts of cooperatives and products',
  responses: {
    200: json('All provincial units, in GSO code order', z.object({ items: z.array(ProvinceSummarySchema) }).openapi('ProvinceList')),
  },
});

const provinceRoute = createRoute({
  method: 'get',
  path: '/provinces/{slug}',
  tags: ['Catalogue'],
  summary: 'A province or city with its leading cooperatives, products and upcoming events',
  request: { params: slugParams('thai-nguyen') },
  responses: { 200: json('The province', ProvinceDetailSchema), 404: notFound },
});

function eventJson(event: EventSummary) {
  return { ...event, startsAt: event.startsAt.toISOString(), endsAt: event.endsAt.toISOString() };
}


/** Field by field, so nothing internal (isDemo, ids of child rows) leaves by accident. */
function productJson(p: ProductDetail): z.infer<typeof ProductDetailSchema> {
  return {
    id: p.id,
    slug: p.slug,
    nameVi: p.nameVi,
    nameEn: p.nameEn,
    descriptionVi: p.descriptionVi,
    descriptionEn: p.descriptionEn,
    ocopGroup: p.ocopGroup,
    gtin: p.gtin,
    traceCode: p.traceCode,
    priceVnd: p.priceVnd,
    unitVi: p.unitVi,
    unitEn: p.unitEn,
    minOrder: p.minOrder,
    seasonVi: p.seasonVi,
    seasonEn: p.seasonEn,
    images: p.images.map((image) => mediaPath(image.id, 1600)),
    province: p.province,
    commune: p.commune,
    originFormerly: p.originFormerly,
    updatedAt: p.updatedAt.toISOString(),
    asOf: p.today,
    ocop: p.ocop,
    certificates: p.certificates.map(certificateJson),
    cooperative: p.cooperative,
    contact: p.contact,
    latestBatch: p.latestBatch && {
      ...p.latestBatch,
      steps: p.latestBatch.steps.map((step) => ({ ...step, occurredAt: step.occurredAt.toISOString() })),
    },
    related: p.related,
  };
}

function cooperativeJson(c: CooperativeProfile): z.infer<typeof CooperativeProfileSchema> {
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
    province: c.province,
    commune: c.commune,
    address: c.address,
    verified: c.verified,
    logoUrl: c.logoUrl,
    updatedAt: c.updatedAt.toISOString(),
    contact: c.contact,
    valueChain: c.valueChain,
    asOf: c.today,
    certificates: c.certificates.map(certificateJson),
    products: c.products,
    upcomingEvents: c.upcomingEvents.map(eventJson),
  };
}

export const catalogueDetails = createRouter()
  .openapi(productRoute, async (c) => {
    const product = await getPublicProduct(c.get('db'), c.req.valid('param').slug, new Date());
    return c.json(productJson(product), 200);
  })
  .openapi(cooperativeRoute, async (c) => {
    const cooperative = await getPublicCooperative(c.get('db'), c.req.valid('param').slug, new Date());
    return c.json(cooperativeJson(cooperative), 200);
  })
  .openapi(provincesRoute, async (c) => {
    return c.json({ items: await listProvinceSummaries(c.get('db')) }, 200);
  })
  .openapi(provinceRoute, async (c) => {
    const page = await getProvincePage(c.get('db'), c.req.valid('param').slug, new Date());
    return c.json({ ...page, upcomingEvents: page.upcomingEvents.map(eventJson) }, 200);
  });
