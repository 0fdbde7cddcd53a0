/**
 * GET /products and GET /cooperatives: the public lists with the same filters
 * as the /san-pham and /hop-tac-xa pages (src/server/*-filters.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { CERTIFICATION_KINDS, OCOP_GROUPS } from '../../src/server/products/vocabulary';
import { checkProductFilters, productFilterShape } from '../../src/server/products/product-filters';
import { listProducts } from '../../src/server/products/product-list';
import { listCooperatives } from '../../src/server/cooperatives/directory';
import { directoryFilterShape } from '../../src/server/cooperatives/directory-filters';
import { InvalidFilterError } from '../../src/server/errors';
import { COUNT_CAP } from '../../src/server/search/list-query';
import { vietnamDate } from '../../src/server/time/vietnam';
import { createRouter } from './context';
import { CooperativeCardSchema, errorSchemaResponse, jsonContent, ProductCardSchema } from './schemas';

function pageSchema<T extends z.ZodType>(item: T, sorts: readonly [string, ...string[]]) {
  return z.object({
    items: z.array(item),
    total: z
      .number()
      .int()
      .openapi({ description: `Matching rows, exact up to ${COUNT_CAP}.` }),
    totalIsCapped: z.boolean().openapi({ description: `True when more than ${COUNT_CAP} match.` }),
    page: z.number().int(),
    limit: z.number().int(),
    sort: z.enum(sorts),
  });
}

export const ProductPageSchema = pageSchema(ProductCardSchema, [
  'relevance',
  'newest',
  'stars',
  'price_asc',
  'price_desc',
]).openapi('ProductPage');
export const CooperativePageSchema = pageSchema(CooperativeCardSchema, [
  'relevance',
  'name',
  'products',
  'newest',
]).openapi('CooperativePage');

const badRequest = errorSchemaResponse('A filter value is malformed or names nothing');

const productsRoute = createRoute({
  method: 'get',
  path: '/products',
  operationId: 'listProducts',
  tags: ['Catalogue'],
  summary: 'Published products, searched and filtered',
  description:
    'Full-text search in `q` matches Vietnamese with or without diacritics and partial words; products whose name matches rank first. ' +
    `Filters: province and cooperative (slugs), group (${OCOP_GROUPS.join(', ')}), stars (minimum, 3-5), ` +
    `certification valid today (${CERTIFICATION_KINDS.join(', ')}), cooperativeKind, minPrice/maxPrice (VND).`,
  request: { query: z.object(productFilterShape) },
  responses: {
    200: jsonContent('A page of products', ProductPageSchema),
    400: badRequest,
  },
});

const cooperativesRoute = createRoute({
  method: 'get',
  path: '/cooperatives',
  operationId: 'listCooperatives',
  tags: ['Catalogue'],
  summary: 'Active cooperatives, searched and filtered',
  description: 'Same search as products. Filters: province (slug), kind, sector, classification, hasOcop.',
  request: { query: z.object(directoryFilterShape) },
  responses: {
    200: jsonContent('A page of cooperatives', CooperativePageSchema),
    400: badRequest,
  },
});

// The list read models are already the JSON shape (no dates, nothing internal): returned as they are.
export const catalogueLists = createRouter()
  .openapi(productsRoute, async (c) => {
    const filters = c.req.valid('query');
    const issues = checkProductFilters(filters);
    if (Object.keys(issues).length > 0) throw new InvalidFilterError(issues);
    const page = await listProducts(c.get('db'), filters, { today: vietnamDate(new Date()) });
    return c.json(page, 200);
  })
  .openapi(cooperativesRoute, async (c) => {
    const page = await listCooperatives(c.get('db'), c.req.valid('query'));
    return c.json(page, 200);
  });
