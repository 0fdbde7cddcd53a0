/**
 * The filters of the product list, shared by GET /api/v1/products and the
 * /san-pham page so both accept exactly the same URLs.
 */
import { z } from 'zod';
import { COOPERATIVE_KINDS } from '../cooperatives/vocabulary';
import type { FieldIssues } from '../errors';
import { multiParam, optionalParam, slugParam } from '../search/params';
import { PROVINCES } from '../provinces/reference';
import { CERTIFICATION_KINDS, OCOP_GROUPS } from './vocabulary';

export const PRODUCT_SORTS = ['relevance', 'newest', 'stars', 'price_asc', 'price_desc'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

export const PAGE_SIZE = 24;
export const MAX_PAGE_SIZE = 100;
/** Deep pages are a crawler's game; people narrow the filters instead. */
export const MAX_PAGE = 400;
export const MAX_QUERY_LENGTH = 200;
export const MAX_PRICE_VND = 1_000_000_000;

/** Province slugs, several allowed; one per current province at most. */
export const provinceParam = multiParam(slugParam, PROVINCES.length);

/** A checkbox: "true" or "1" on, "false" or "0" off. */
export const booleanParam = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const price = z.coerce.number().int().min(0).max(MAX_PRICE_VND);

export const productFilterShape = {
  q: optionalParam(z.string().trim().max(MAX_QUERY_LENGTH)),
  /** Several values mean any of them (`province=a&province=b`), as for group and certification. */
  province: provinceParam,
  cooperative: optionalParam(slugParam),
  group: multiParam(z.enum(OCOP_GROUPS), OCOP_GROUPS.length),
  /** Only products with an OCOP rating. */
  ocop: optionalParam(booleanParam),
  /** Only export-ready products: markets served, or an HS code with a wholesale minimum (products/wholesale.ts#isExportReady). */
  exportReady: optionalParam(booleanParam),
  /** Minimum OCOP stars: 3 means "3 stars or more". */
  stars: optionalParam(z.coerce.number().int().min(3).max(5)),
  /** Certified for any of the kinds, valid today. */
  certification: multiParam(z.enum(CERTIFICATION_KINDS), CERTIFICATION_KINDS.length),
  cooperativeKind: optionalParam(z.enum(COOPERATIVE_KINDS)),
  minPrice: optionalParam(price),
  maxPrice: optionalParam(price),
  sort: optionalParam(z.enum(PRODUCT_SORTS)),
  page: optionalParam(z.coerce.number().int().min(1).max(MAX_PAGE)),
  limit: optionalParam(z.coerce.number().int().min(1).max(MAX_PAGE_SIZE)),
};

export type ProductFilters = {
  [K in keyof typeof productFilterShape]?: Exclude<z.infer<(typeof productFilterShape)[K]>, undefined>;
};

/** Rules across fields, reported on the field a person would correct. */
export function checkProductFilters(filters: ProductFilters): FieldIssues {
  const issues: FieldIssues = {};
  if (filters.minPrice !== undefined && filters.maxPrice !== undefined && filters.minPrice > filters.maxPrice) {
    issues.maxPrice = { code: 'too_small', params: { min: filters.minPrice } };
  }
  return issues;
}

/** Without words to rank by, "relevance" means newest first. */
export function effectiveSort(filters: Pick<ProductFilters, 'q' | 'sort'>, hasSearchWords: boolean): ProductSort {
  const sort = filters.sort ?? (hasSearchWords ? 'relevance' : 'newest');
  return sort === 'relevance' && !hasSearchWords ? 'newest' : sort;
}
