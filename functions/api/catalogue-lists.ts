/**
 * GET /products and GET /cooperatives: the public lists with the same filters
 * as the /san-pham and /hop-tac-xa pages (src/server/*-filters.ts); GET
 * /cooperatives.geojson: the same cooperatives as map features.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { CERTIFICATION_KINDS, OCOP_GROUPS } from '../../src/server/products/vocabulary';
import { checkProductFilters, productFilterShape } from '../../src/server/products/product-filters';
import { listProductsWithFacets, productSearchHelp } from '../../src/server/products/product-list';
import { directorySearchHelp, listCooperatives } from '../../src/server/cooperatives/directory';
import { directoryFilterShape } from '../../src/server/cooperatives/directory-filters';
import { PLACEMENTS } from '../../src/server/cooperatives/location';
import {
  cooperativeFeatureCollection,
  MAX_MAP_FEATURES,
  mapFilterShape,
} from '../../src/server/cooperatives/map-features';
import { InvalidFilterError } from '../../src/server/errors';
import { resolveOrigin } from '../../src/server/seo/urls';
import { COUNT_CAP } from '../../src/server/search/list-query';
import { FACET_SCAN_CAP } from '../../src/server/search/facets';
import { NEAR_EMPTY } from '../../src/server/search/near-empty';
import { vietnamDate } from '../../src/server/time/vietnam';
import { createRouter } from './context';
import { executionContextOf, laterFor } from '../after-response';
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

const PlaceSearchedSchema = z
  .object({
    province: z.object({ code: z.string(), slug: z.string(), nameVi: z.string(), nameEn: z.string() }),
    formerly: z
      .string()
      .nullable()
      .openapi({ description: 'The pre-2025 province the query named, now part of `province`.' }),
  })
  .nullable()
  .openapi({
    description:
      'The province a place name in `q` was read as (current or pre-1 July 2025); the list is narrowed to it and the name is not matched as words.',
  });

const FiltersFromQuerySchema = z
  .array(
    z.object({
      filter: z.enum(['province', 'certification', 'stars']),
      value: z.string().openapi({
        description:
          'The province slug, the certification kind, or the fewest OCOP stars (3-5); of a cooperative, stars are those of one of its published products.',
        example: 'vietgap',
      }),
      words: z.string().openapi({ description: 'The words of `q` read as this filter.', example: 'vietgap' }),
      q: z.string().openapi({
        description: '`q` without those words: the same search without this filter.',
        example: 'ca phe',
      }),
      applied: z.boolean().openapi({
        description:
          'False when the same filter is given as a parameter with another value, which wins: the words are then neither a filter nor matched as text. Words naming the very value given are not listed.',
      }),
      formerly: z.string().optional().openapi({
        description:
          'Of a province: the pre-1 July 2025 province the words named, as officially written, now part of the one in `value`.',
        example: 'Hà Giang',
      }),
    }),
  )
  .openapi({
    description:
      'Filters some words of `q` were read as ("5 sao", "vietgap", "hà giang"); those words are not matched as text.',
  });

const FacetCountsSchema = z
  .object({
    counts: z.record(z.string(), z.number().int()).openapi({
      description:
        'Results per option value (a province slug, a group, a certification kind…); an option not listed gives none.',
    }),
    isCapped: z.boolean().openapi({
      description:
        `True when more than ${FACET_SCAN_CAP} results match for this facet: its counts are then left out (an empty object), and the total is capped too. ` +
        'A list without search words, with at most one certification kind (and, for products, no cooperative or ' +
        'price filter) is counted from aggregates kept with the catalogue whenever they are current, which they are ' +
        'within seconds of a change: its counts are then exact and never capped.',
    }),
  })
  .openapi('FacetCounts');

const FACETS_DESCRIPTION =
  'For each filter, how many results each of its options would give with the current search and the other filters ' +
  '(a facet ignores its own selection, so it shows what choosing one more value adds).';

export const ProductFacetsSchema = z
  .object({
    province: FacetCountsSchema.openapi({ description: 'By province slug.' }),
    group: FacetCountsSchema,
    certification: FacetCountsSchema.openapi({
      description: 'By certification kind valid today; a product with several certifications counts under each.',
    }),
    stars: FacetCountsSchema.openapi({
      description: 'Products with at least 3, 4 and 5 stars, as the `stars` filter reads.',
    }),
    ocop: FacetCountsSchema.openapi({ description: 'Products with an OCOP rating, under `true`.' }),
  })
  .openapi('ProductFacets', {
    description: FACETS_DESCRIPTION,
    example: {
      province: { counts: { 'son-la': 12, 'tuyen-quang': 4 }, isCapped: false },
      group: { counts: { thuc_pham: 14, do_uong: 2 }, isCapped: false },
      certification: { counts: { vietgap: 5, organic: 1 }, isCapped: false },
      stars: { counts: { '3': 11, '4': 6, '5': 1 }, isCapped: false },
      ocop: { counts: { true: 11 }, isCapped: false },
    },
  });

export const CooperativeFacetsSchema = z
  .object({
    province: FacetCountsSchema.openapi({ description: 'By province slug.' }),
    kind: FacetCountsSchema,
    sector: FacetCountsSchema,
    classification: FacetCountsSchema,
    certification: FacetCountsSchema.openapi({
      description:
        'By certification kind valid today, of the cooperative or of one of its published products; a cooperative with several kinds counts under each.',
    }),
  })
  .openapi('CooperativeFacets', {
    description: FACETS_DESCRIPTION,
    example: {
      province: { counts: { 'dak-lak': 3, 'lam-dong': 2 }, isCapped: false },
      kind: { counts: { hop_tac_xa: 4, to_hop_tac: 1 }, isCapped: false },
      sector: { counts: { nong_nghiep: 5 }, isCapped: false },
      classification: { counts: { tot: 2, kha: 1 }, isCapped: false },
      certification: { counts: { vietgap: 2, organic: 1 }, isCapped: false },
    },
  });

const otherSearch = {
  query: z.string().openapi({ description: 'Its query string for this same operation, without `page`.' }),
  total: z.number().int(),
  totalIsCapped: z.boolean(),
};

/** What a list that found fewer than NEAR_EMPTY results offers instead; both null otherwise. */
const nearEmptyHelpShape = {
  suggestion: z
    .object({ q: z.string(), ...otherSearch })
    .nullable()
    .openapi('SearchSuggestion', {
      description:
        `“Did you mean”: when fewer than ${NEAR_EMPTY} results match, \`q\` with each word replaced by the nearest word the index holds ` +
        '(one slip in a word of 3-5 letters, two from 6 letters; folded, without diacritics), if that gives more results.',
      example: { q: 'mat ong', query: 'q=mat+ong', total: 9, totalIsCapped: false },
    }),
  withoutLastFilter: z
    .object({
      filter: z.string().openapi({
        description:
          'The query parameter left out: the filter named last in the request, or when leaving it out gives no more results, the one named before it, and so on.',
      }),
      ...otherSearch,
    })
    .nullable()
    .openapi('SearchWithoutLastFilter', {
      description: `When fewer than ${NEAR_EMPTY} results match, the same search without one filter (the last named whose removal gives more results), if any does.`,
      example: { filter: 'province', query: 'q=mat+ong&group=thuc_pham', total: 12, totalIsCapped: false },
    }),
};

export const ProductPageSchema = pageSchema(ProductCardSchema, [
  'relevance',
  'newest',
  'stars',
  'price_asc',
  'price_desc',
])
  .extend({
    place: PlaceSearchedSchema,
    filtersFromQuery: FiltersFromQuerySchema,
    facets: ProductFacetsSchema,
    ...nearEmptyHelpShape,
  })
  .openapi('ProductPage');
export const CooperativePageSchema = pageSchema(CooperativeCardSchema, ['relevance', 'name', 'products', 'newest'])
  .extend({ filtersFromQuery: FiltersFromQuerySchema, facets: CooperativeFacetsSchema, ...nearEmptyHelpShape })
  .openapi('CooperativePage');

const badRequest = errorSchemaResponse('A filter value is malformed or names nothing');

const productsRoute = createRoute({
  method: 'get',
  path: '/products',
  operationId: 'listProducts',
  tags: ['Catalogue'],
  summary: 'Published products, searched and filtered',
  description:
    'Full-text search in `q` matches Vietnamese with or without diacritics, every word whole but the last, which may be unfinished (`mat on` finds "mật ong"), syllables joined or apart (`caphe`), and the common other spellings of a few words (`cafe`, `coffee` find "cà phê"); products whose name matches rank first. ' +
    'Ranking: words as typed (with diacritics) before folded matches, the query as a phrase in the name, name before description before cooperative or place; then OCOP stars, photo and price, recency. ' +
    'Joined syllables match (`caphe`), and when nothing matches one wrong letter per word of 4+ letters is forgiven. ' +
    'A province named in `q`, by its current or pre-2025 name, narrows the list to the province it is part of now (see `place`); ' +
    'a certification named in `q` (vietgap, hữu cơ/organic, haccp…) filters by it when certified products exist; ' +
    'a rating (`ocop`, `5 sao`, `4 sao trở lên`, `4 stars`, `5*`) asks for at least that many stars (see `filtersFromQuery`). ' +
    `Filters: province and cooperative (slugs), group (${OCOP_GROUPS.join(', ')}), stars (minimum, 3-5), ` +
    `certification valid today (${CERTIFICATION_KINDS.join(', ')}), ocop (rated products only), exportReady (export markets served, or an HS code and a wholesale minimum order), cooperativeKind, minPrice/maxPrice (VND). ` +
    'province, group and certification take several values (`province=son-la&province=ha-noi`): any of them. ' +
    '`facets` counts the results per option of each filter; `suggestion` and `withoutLastFilter` offer broader searches when almost nothing matches.',
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
  description:
    'Same search as products; a province named in `q` is the province filter (see `filtersFromQuery`). Filters: province (slugs), kind, sector, classification, ' +
    `certification valid today, of the cooperative or of one of its published products (${CERTIFICATION_KINDS.join(', ')}), hasOcop. ` +
    'province, kind, sector, classification and certification take several values (`kind=hop_tac_xa&kind=to_hop_tac`): any of them. ' +
    '`facets` counts the results per option of each filter; `suggestion` and `withoutLastFilter` offer broader searches when almost nothing matches.',
  request: { query: z.object(directoryFilterShape) },
  responses: {
    200: jsonContent('A page of cooperatives', CooperativePageSchema),
    400: badRequest,
  },
});

const GEOJSON = 'application/geo+json';

const CooperativeFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: z.object({
    type: z.literal('Point'),
    coordinates: z
      .tuple([z.number(), z.number()])
      .openapi({ description: '[longitude, latitude], WGS 84 degrees (RFC 7946 order).' }),
  }),
  properties: z.object({
    name: z.string(),
    slug: z.string(),
    kind: z.enum(CooperativeCardSchema.shape.kind.options),
    province: z.string().openapi({ description: 'Province name in Vietnamese.' }),
    provinceEn: z.string(),
    url: z.string().openapi({ description: 'The cooperative’s page (Vietnamese).' }),
    urlEn: z.string(),
    approximate: z.boolean().openapi({
      description:
        'True when the cooperative has not given its place: the point is its commune’s centre or its province’s seat (`placedAt`).',
    }),
    placedAt: z.enum(PLACEMENTS).openapi({
      description:
        'How the point was found: `own` (the place the cooperative gave), `commune_centre` (a point inside its commune, from the reference of the communes since 1 July 2025), `province_seat` (its commune is unknown or has no centre).',
    }),
  }),
});

export const CooperativeFeatureCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(CooperativeFeatureSchema),
    truncated: z.boolean().openapi({
      description: `True when more than ${MAX_MAP_FEATURES} cooperatives match: narrow by province or kind.`,
    }),
  })
  .openapi('CooperativeFeatureCollection', {
    example: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'c8n2k4d1x7',
          geometry: { type: 'Point', coordinates: [105.8482, 21.5942] },
          properties: {
            name: 'HTX Chè Tân Cương',
            slug: 'htx-che-tan-cuong',
            kind: 'hop_tac_xa',
            province: 'Thái Nguyên',
            provinceEn: 'Thai Nguyen',
            url: 'https://cho-htx.example/hop-tac-xa/htx-che-tan-cuong',
            urlEn: 'https://cho-htx.example/en/cooperatives/htx-che-tan-cuong',
            approximate: false,
            placedAt: 'own',
          },
        },
      ],
      truncated: false,
    },
  });

const cooperativeMapRoute = createRoute({
  method: 'get',
  path: '/cooperatives.geojson',
  operationId: 'mapCooperatives',
  tags: ['Catalogue', 'Open data'],
  summary: 'Active cooperatives as GeoJSON',
  description:
    'An RFC 7946 FeatureCollection of Points, [longitude, latitude], for maps and GIS tools, with the same search and filters as `listCooperatives` (no pages: ' +
    `up to ${MAX_MAP_FEATURES} features in name order, \`truncated\` when more match). A cooperative that has not given its place is at its commune’s centre, or else at its province’s seat, with \`approximate: true\` and \`placedAt\` saying which. ` +
    'Licence CC BY 4.0, attribution “Chợ HTX”.',
  request: { query: z.object(mapFilterShape) },
  responses: {
    200: {
      description: 'The cooperatives as map features',
      content: { [GEOJSON]: { schema: CooperativeFeatureCollectionSchema } },
    },
    400: badRequest,
  },
});

/** The request's query keys in the order given (which filter came last). */
const queryOrder = (url: string) => [...new URL(url).searchParams.keys()];

// The list read models are already the JSON shape (no dates, nothing internal): returned as they are.
export const catalogueLists = createRouter()
  .openapi(productsRoute, async (c) => {
    const filters = c.req.valid('query');
    const issues = checkProductFilters(filters);
    if (Object.keys(issues).length > 0) throw new InvalidFilterError(issues);
    const today = vietnamDate(new Date());
    const page = await listProductsWithFacets(c.get('db'), filters, today, laterFor(executionContextOf(c)));
    const help = await productSearchHelp(c.get('db'), filters, page, { order: queryOrder(c.req.url), today });
    return c.json({ ...page, ...help }, 200);
  })
  .openapi(cooperativesRoute, async (c) => {
    const filters = c.req.valid('query');
    const page = await listCooperatives(c.get('db'), filters, vietnamDate(new Date()), laterFor(executionContextOf(c)));
    const help = await directorySearchHelp(c.get('db'), filters, page, queryOrder(c.req.url));
    return c.json({ ...page, ...help }, 200);
  })
  .openapi(cooperativeMapRoute, async (c) => {
    const origin = resolveOrigin(c.env?.PUBLIC_ORIGIN, new URL(c.req.url));
    const collection = await cooperativeFeatureCollection(c.get('db'), c.req.valid('query'), origin);
    // c.json keeps a Content-Type it is given: GeoJSON's own media type, as RFC 7946 §12 registers it.
    return c.json(collection, 200, {
      'Content-Type': `${GEOJSON}; charset=utf-8`,
      'Cache-Control': 'public, max-age=300',
    });
  });
