/**
 * Read-only detail endpoints, the same data as the detail pages:
 * GET /products/{slug}, /cooperatives/{slug}, /provinces, /provinces/{slug}. A product's or
 * cooperative's slug from before a rename answers 301 to its current one.
 * Only public records answer; anything else is a 404, as on the pages.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { mediaPath } from '../../src/server/media/stored-image';
import { type ProductDetail, getPublicProduct } from '../../src/server/products/product-detail';
import { OCOP_GROUPS } from '../../src/server/products/vocabulary';
import { getPublicCooperative } from '../../src/server/cooperatives/profile';
import { MIN_ANSWERED } from '../../src/server/inquiries/response-time';
import {
  COOPERATIVE_CLASSIFICATIONS,
  COOPERATIVE_KINDS,
  COOPERATIVE_SECTORS,
  VALUE_CHAIN_ROLES,
} from '../../src/server/cooperatives/vocabulary';
import { PROVENANCE_STEP_KINDS } from '../../src/server/provenance/vocabulary';
import { getProvincePage } from '../../src/server/provinces/province-page';
import { listProvinceSummaries } from '../../src/server/provinces/summaries';
import { createRouter } from './context';
import { readRenamable, renamedResponse } from './renamed-records';
import {
  asOf,
  CertificateSchema,
  ContactSchema,
  CooperativeCardSchema,
  errorSchemaResponse,
  EventSummarySchema,
  instant,
  isoDate,
  jsonContent,
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

const WholesaleSchema = z
  .object({
    wholesaleMinOrder: z.number().int().nullable().openapi({ description: "In the product's unit." }),
    priceTiers: z
      .array(
        z
          .object({
            minQuantity: z.number().int().openapi({ description: "From this many units (the product's) up…" }),
            priceVnd: z.number().int().openapi({ description: '…this price per unit, whole VND.' }),
          })
          .openapi('PriceTier'),
      )
      .openapi({ description: 'Ascending quantity, prices never rising; empty when none.' }),
    leadTimeDays: z.number().int().nullable(),
    monthlyCapacity: z.number().int().nullable().openapi({ description: "Units (the product's) a month." }),
    packagingVi: z.string().nullable(),
    packagingEn: z.string().nullable(),
    shelfLifeDays: z.number().int().nullable(),
    storageVi: z.string().nullable(),
    storageEn: z.string().nullable(),
    exportMarkets: z.array(z.string()).openapi({ description: 'ISO 3166-1 alpha-2 codes of markets already served.' }),
    hsCode: z.string().nullable().openapi({ description: 'Digits only: 4, 6, 8 or 10.' }),
  })
  .openapi('WholesaleTerms', { description: 'What wholesale and export buyers ask first; every field optional.' });

export const ProductDetailSchema = z
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
    wholesale: WholesaleSchema,
    exportReady: z.boolean().openapi({
      description: 'Export markets served, or an HS code and a wholesale minimum order: what `exportReady=true` lists.',
    }),
    images: z.array(z.string()).openapi({
      description: 'Photos in order: paths of their largest variant (`/media/{id}/1600.webp`; 160 and 640 exist too).',
    }),
    province: ProvinceRefSchema,
    commune: z.string().nullable(),
    originFormerly: z
      .string()
      .nullable()
      .openapi({ description: 'Historic origin name, e.g. of a geographical indication.' }),
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

export const CooperativeProfileSchema = z
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
      z
        .object({ partnerName: z.string(), role: z.enum(VALUE_CHAIN_ROLES), since: z.number().int().nullable() })
        .openapi('ValueChainLink'),
    ),
    asOf,
    certificates: z.array(CertificateSchema),
    products: z.object({
      items: z.array(ProductCardSchema).openapi({ description: 'Up to 24 published products, best rated first.' }),
      total: z.number().int().openapi({ description: 'All its published products.' }),
    }),
    upcomingEvents: z.array(EventSummarySchema),
    responseTime: z
      .object({
        medianHours: z
          .number()
          .nullable()
          .openapi({
            description: `Median hours from an inquiry's arrival to the first reply; null under ${MIN_ANSWERED} answered.`,
          }),
        answered: z.number().int(),
        received: z.number().int(),
      })
      .openapi('ResponseTime', { description: 'Inquiries of the last 12 months, spam left out.' }),
  })
  .openapi('CooperativeProfile');

export const ProvinceSummarySchema = z
  .object({
    code: z.string(),
    slug: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    kind: z.enum(['city', 'province']),
    seat: z.string(),
    formedFrom: z.array(z.string()).openapi({ description: 'Pre-2025 provinces merged into this one.' }),
    cooperatives: z.number().int().openapi({ description: 'Active cooperatives.' }),
    products: z.number().int().openapi({
      description:
        'Published products of active cooperatives, as the product list filtered by the province counts them.',
    }),
  })
  .openapi('ProvinceSummary');

export const ProvinceListSchema = z.object({ items: z.array(ProvinceSummarySchema) }).openapi('ProvinceList');

export const ProvinceDetailSchema = z
  .object({
    province: ProvinceSummarySchema,
    cooperatives: z.array(CooperativeCardSchema).openapi({ description: 'Up to 12, most products first.' }),
    products: z.array(ProductCardSchema).openapi({ description: 'Up to 12, best rated first.' }),
    upcomingEvents: z
      .array(EventSummarySchema)
      .openapi({ description: 'Up to 6 published events that have not ended.' }),
  })
  .openapi('ProvinceDetail');

/** Any slug is looked up; one that names nothing public is a 404, not a 400. */
function slugParams(example: string) {
  return z.object({
    slug: z
      .string()
      .min(1)
      .max(200)
      .openapi({ param: { name: 'slug', in: 'path' }, example }),
  });
}

const notFound = errorSchemaResponse('No public record has this slug');

const productRoute = createRoute({
  method: 'get',
  path: '/products/{slug}',
  operationId: 'getProduct',
  tags: ['Catalogue'],
  summary: 'A published product with its OCOP rating, certificates, latest batch and cooperative',
  description: 'Validity statuses are judged on the current day in Viet Nam (`asOf`). Unpublished products are 404.',
  request: { params: slugParams('vai-thieu-luc-ngan') },
  responses: { 200: jsonContent('The product', ProductDetailSchema), 301: renamedResponse, 404: notFound },
});

const cooperativeRoute = createRoute({
  method: 'get',
  path: '/cooperatives/{slug}',
  operationId: 'getCooperative',
  tags: ['Catalogue'],
  summary: 'An active cooperative’s public profile',
  description: 'Suspended and dissolved cooperatives are 404.',
  request: { params: slugParams('htx-che-tan-cuong') },
  responses: { 200: jsonContent('The cooperative', CooperativeProfileSchema), 301: renamedResponse, 404: notFound },
});

const provincesRoute = createRoute({
  method: 'get',
  path: '/provinces',
  operationId: 'listProvinces',
  tags: ['Catalogue'],
  summary: 'The 34 provincial units with their counts of cooperatives and products',
  responses: {
    200: jsonContent('All provincial units, in GSO code order', ProvinceListSchema),
  },
});

const provinceRoute = createRoute({
  method: 'get',
  path: '/provinces/{slug}',
  operationId: 'getProvince',
  tags: ['Catalogue'],
  summary: 'A province or city with its leading cooperatives, products and upcoming events',
  request: { params: slugParams('thai-nguyen') },
  responses: { 200: jsonContent('The province', ProvinceDetailSchema), 404: notFound },
});

/**
 * The one difference between the product read model and its JSON: photos are
 * the paths of their largest variant, and `today` is named `asOf`. Everything
 * else, dates included, follows from the schema, which also drops what it does
 * not declare (isDemo, ids of child rows).
 */
function productJson(product: ProductDetail) {
  return ProductDetailSchema.encode({
    ...product,
    asOf: product.today,
    images: product.images.map((image) => mediaPath(image.id, 1600)),
  });
}

export const catalogueDetails = createRouter()
  .openapi(productRoute, async (c) => {
    const product = await readRenamable(c, 'product', c.req.valid('param').slug, (db, slug) =>
      getPublicProduct(db, slug, new Date()),
    );
    if (product instanceof Response) return product;
    return c.json(productJson(product), 200);
  })
  .openapi(cooperativeRoute, async (c) => {
    const cooperative = await readRenamable(c, 'cooperative', c.req.valid('param').slug, (db, slug) =>
      getPublicCooperative(db, slug, new Date()),
    );
    if (cooperative instanceof Response) return cooperative;
    return c.json(CooperativeProfileSchema.encode({ ...cooperative, asOf: cooperative.today }), 200);
  })
  .openapi(provincesRoute, async (c) => {
    return c.json({ items: await listProvinceSummaries(c.get('db')) }, 200);
  })
  .openapi(provinceRoute, async (c) => {
    const page = await getProvincePage(c.get('db'), c.req.valid('param').slug, new Date());

    return c.json(ProvinceDetailSchema.encode(page), 200);
  });
