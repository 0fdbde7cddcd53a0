/** Schemas shared by every router. */
import { z } from '@hono/zod-openapi';
import { OCOP_AUTHORITIES } from '../../src/server/products/ocop-authority';
import { CERTIFICATION_KINDS, OCOP_GROUPS, OCOP_LEVELS } from '../../src/server/products/vocabulary';
import { COOPERATIVE_KINDS, COOPERATIVE_SECTORS } from '../../src/server/cooperatives/vocabulary';
import { EVENT_KINDS, EVENT_STATUSES } from '../../src/server/events/vocabulary';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'bad_request' }),
      message: z.string().openapi({ example: 'Yêu cầu không hợp lệ.' }),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .openapi({ example: { stars: 'Giá trị không được vượt quá 5.' } }),
    }),
  })
  .openapi('Error');

/** An OpenAPI response with our error body, described for the route it belongs to. */
export function errorSchemaResponse(description: string) {
  return { description, content: { 'application/json': { schema: ErrorSchema } } };
}

/** Error responses for `statuses`, each described by `descriptions` (a router's own words for them). */
export function errorSchemaResponses(descriptions: Readonly<Record<number, string>>, ...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, errorSchemaResponse(descriptions[status] ?? 'Error')]));
}

/** A product as lists show it (src/server/products/card.ts). */
export const ProductCardSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    ocopGroup: z.enum(OCOP_GROUPS),
    ocopStars: z.number().int().min(3).max(5).nullable(),
    priceVnd: z.number().int().nullable().openapi({ description: 'Whole VND per unit; null when quoted on request.' }),
    unitVi: z.string(),
    unitEn: z.string(),
    image: z
      .string()
      .nullable()
      .openapi({ description: 'The first photo, card size (`/media/{id}/640.webp`), or null.' }),
    imageWidth: z.number().int().nullable().openapi({ description: 'Width of `image` in pixels.' }),
    imageHeight: z.number().int().nullable().openapi({ description: 'Height of `image` in pixels.' }),
    cooperativeName: z.string(),
    cooperativeSlug: z.string(),
    provinceNameVi: z.string(),
    provinceNameEn: z.string(),
  })
  .openapi('ProductCard');

/** A cooperative as lists show it (src/server/cooperatives/card.ts). */
export const CooperativeCardSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    kind: z.enum(COOPERATIVE_KINDS),
    sector: z.enum(COOPERATIVE_SECTORS),
    provinceNameVi: z.string(),
    provinceNameEn: z.string(),
    logoUrl: z.string().nullable(),
    verified: z.boolean(),
    productCount: z.number().int(),
    bestStars: z.number().int().nullable(),
  })
  .openapi('CooperativeCard');

export const isoDate = z.string().openapi({ format: 'date', description: 'Calendar date in Viet Nam (YYYY-MM-DD).' });

/**
 * An instant: a `Date` in the read models, ISO 8601 in UTC in the JSON. A
 * codec, so `Schema.encode(readModel)` writes a response (dropping whatever
 * the schema does not declare) and `Schema.parse(json)` reads one back.
 */
export const instant = z
  .codec(z.iso.datetime({ offset: true }), z.date(), {
    decode: (text) => new Date(text),
    encode: (date) => date.toISOString(),
  })
  .openapi({ format: 'date-time' });

/** A response with a JSON body of `schema`. */
export function jsonContent<T extends z.ZodType>(description: string, schema: T) {
  return { description, content: { 'application/json': { schema } } };
}

export const ProvinceRefSchema = z
  .object({
    code: z.string().openapi({ description: 'GSO code' }),
    slug: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
  })
  .openapi('ProvinceRef');

export const ContactSchema = z
  .object({
    phone: z.string().nullable().openapi({ description: 'E.164, e.g. +84912345678' }),
    email: z.string().nullable(),
    website: z.string().nullable().openapi({ format: 'uri' }),
    zaloUrl: z.string().nullable().openapi({ format: 'uri' }),
  })
  .openapi('Contact');

/**
 * Who verified a public claim and when: the trade department (Sở Công Thương)
 * of the cooperative's province, whose officers decide its claims. Only
 * verified claims (and revoked OCOP ratings) are public at all.
 */
export const VerifiedBySchema = z
  .object({
    at: instant.openapi({ example: '2026-11-20T03:15:00.000Z' }),
    provinceVi: z.string().openapi({ example: 'Bắc Ninh' }),
    provinceEn: z.string().openapi({ example: 'Bac Ninh' }),
  })
  .nullable()
  .openapi('VerifiedBy', {
    description:
      "The decision of the cooperative's provincial trade department; null for a claim verified before who was recorded.",
    example: { at: '2026-11-20T03:15:00.000Z', provinceVi: 'Bắc Ninh', provinceEn: 'Bac Ninh' },
  });

export const CertificateSchema = z
  .object({
    kind: z.enum(CERTIFICATION_KINDS),
    number: z.string(),
    issuer: z.string(),
    validFrom: isoDate,
    validUntil: isoDate.nullable().openapi({ description: 'Last valid day, inclusive; null when it has no end.' }),
    status: z.enum(['valid', 'expired', 'not_yet_valid']),
    product: z
      .object({ slug: z.string(), nameVi: z.string(), nameEn: z.string() })
      .nullable()
      .openapi({ description: 'The product it covers; null for the whole cooperative.' }),
    verified: VerifiedBySchema,
  })
  .openapi('Certificate');

export const OcopAuthoritySchema = z.enum(OCOP_AUTHORITIES).openapi('OcopAuthority', {
  description:
    'Who decided an OCOP rating (Decision 148/QĐ-TTg, 2023): `province_committee`, the provincial People’s Committee ' +
    '(3 and 4 stars); for 5 stars the Minister of Agriculture: `agriculture_ministry` (Agriculture and Rural ' +
    'Development, decisions before 2025-03-01) or `agriculture_environment_ministry` (Agriculture and Environment).',
  example: 'province_committee',
});

export const OcopIssuerSchema = z
  .object({
    authority: OcopAuthoritySchema,
    provinceVi: z.string().openapi({ example: 'Bắc Ninh' }),
    provinceEn: z.string().openapi({ example: 'Bac Ninh' }),
  })
  .openapi('OcopIssuer', {
    description:
      "Who decided the rating, from its level and decision date; the province is the cooperative's (today's), named " +
      'for a provincial committee.',
  });

export const OcopRatingSchema = z
  .object({
    stars: z.number().int().min(3).max(5),
    level: z.enum(OCOP_LEVELS),
    decisionNumber: z.string(),
    decisionDate: isoDate,
    validUntil: isoDate.openapi({
      description: 'Last valid day: the same calendar day 36 months after the decision, inclusive.',
    }),
    status: z.enum(['valid', 'expired', 'revoked']),
    issuer: OcopIssuerSchema,
    verified: VerifiedBySchema,
  })
  .openapi('OcopRating');

export const asOf = isoDate.openapi({ description: 'The day in Viet Nam that validity statuses were judged on.' });

/** An event as lists show it (src/server/events/upcoming.ts). */
export const EventSummarySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    kind: z.enum(EVENT_KINDS),
    titleVi: z.string(),
    titleEn: z.string(),
    startsAt: instant,
    endsAt: instant.openapi({ description: 'Exclusive: for all-day events, midnight in Viet Nam after the last day.' }),
    allDay: z.boolean(),
    online: z.boolean(),
    status: z.enum(EVENT_STATUSES).openapi({ description: 'published or cancelled; cancelled events stay listed.' }),
    provinceNameVi: z.string().nullable(),
    provinceNameEn: z.string().nullable(),
  })
  .openapi('EventSummary');
