/** The filters of the cooperative directory, shared by GET /api/v1/cooperatives and /hop-tac-xa. */
import { z } from 'zod';
import { booleanParam, MAX_PAGE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH, provinceParam } from '../products/product-filters';
import { multiParam, optionalParam } from '../search/params';
import { CERTIFICATION_KINDS } from '../products/vocabulary';
import { COOPERATIVE_CLASSIFICATIONS, COOPERATIVE_KINDS, COOPERATIVE_SECTORS } from './vocabulary';

export const DIRECTORY_SORTS = ['relevance', 'name', 'products', 'newest'] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];

export const directoryFilterShape = {
  q: optionalParam(z.string().trim().max(MAX_QUERY_LENGTH)),
  /** Several values mean any of them (`kind=hop_tac_xa&kind=to_hop_tac`), as for every vocabulary filter here. */
  province: provinceParam,
  kind: multiParam(z.enum(COOPERATIVE_KINDS), COOPERATIVE_KINDS.length),
  sector: multiParam(z.enum(COOPERATIVE_SECTORS), COOPERATIVE_SECTORS.length),
  classification: multiParam(z.enum(COOPERATIVE_CLASSIFICATIONS), COOPERATIVE_CLASSIFICATIONS.length),
  /** Certified for any of the kinds, valid today: the cooperative itself or one of its published products. */
  certification: multiParam(z.enum(CERTIFICATION_KINDS), CERTIFICATION_KINDS.length),
  /** Only cooperatives with at least one published OCOP-rated product. */
  hasOcop: optionalParam(booleanParam),
  sort: optionalParam(z.enum(DIRECTORY_SORTS)),
  page: optionalParam(z.coerce.number().int().min(1).max(MAX_PAGE)),
  limit: optionalParam(z.coerce.number().int().min(1).max(MAX_PAGE_SIZE)),
};

export type DirectoryFilters = {
  [K in keyof typeof directoryFilterShape]?: Exclude<z.infer<(typeof directoryFilterShape)[K]>, undefined>;
};
