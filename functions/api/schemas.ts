/** Schemas shared by every router. */
import { z } from '@hono/zod-openapi';
import { OCOP_GROUPS } from '../../src/server/catalogue/vocabulary';
import { COOPERATIVE_KINDS, COOPERATIVE_SECTORS } from '../../src/server/cooperatives/vocabulary';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'bad_request' }),
      message: z.string().openapi({ example: 'Yêu cầu không hợp lệ.' }),
      fields: z.record(z.string(), z.string()).optional().openapi({ example: { stars: 'Giá trị không được vượt quá 5.' } }),
    }),
  })
  .openapi('Error');

/** A product as lists show it (src/server/catalogue/card.ts). */
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
    image: z.string().nullable(),
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
