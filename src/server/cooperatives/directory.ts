/**
 * The public cooperative directory: full-text search (names rank above the
 * rest, as for products: list-query.ts, relevanceTiers), filters, sorting and pages. Product counts and best
 * stars are per-card subqueries on products_cooperative_idx, so they cost a
 * page of lookups, never a scan of the catalogue.
 */
import { type SQL, sql } from 'drizzle-orm';
import { PAGE_SIZE } from '../products/product-filters';
import type { Database } from '../db/client';
import { ftsMatchExpression, searchTokens } from '../search/fold';
import {
  cappedTotal,
  COUNT_CAP,
  countCapped,
  fetchListPage,
  firstInTiers,
  type ListPage,
  plainHits,
  relevanceOrder,
  searchTiers,
  TIER_ORDER,
  TIERED_WINDOW,
} from '../search/list-query';
import { anyOf, byProvinceSlug, type FacetCounts, provinceCodes, scanFacets } from '../search/facets';
import { verifiedField } from '../claims/public-claims';
import { type AfterResponse, countFromCube, freshCells } from '../search/facet-cube';
import {
  answerFromDirectoryCube,
  certificateOfCooperative,
  COOPERATIVE_CUBE,
  directoryCubeAnswers,
  HAS_OCOP_SQL,
} from './directory-facet-cube';
import { vietnamDate } from '../time/vietnam';
import { COOPERATIVE_CARD_COLUMNS, type CooperativeCardRow, MOST_PRODUCTS_FIRST, toCooperativeCard } from './cards';
import type { CooperativeCard } from './card';
import type { DirectoryFilters, DirectorySort } from './directory-filters';
import { type NearEmptyHelp, nearEmptyHelp } from '../search/near-empty';
import {
  type FilterFromQuery,
  filterWordsReader,
  readPlaceAndCertification,
  takeRatings,
} from '../search/filter-words';
import { provinceByCode } from '../provinces/reference';
import { COOPERATIVE_STATUSES } from './vocabulary';

export const DIRECTORY_FACETS = ['province', 'kind', 'sector', 'classification', 'certification'] as const;
export type DirectoryFacet = (typeof DIRECTORY_FACETS)[number];
/**
 * Cooperatives per option of each filter (search/facets.ts); every facet but
 * certification is exclusive (one value per cooperative).
 */
export type DirectoryFacets = Record<DirectoryFacet, FacetCounts>;

export type DirectoryPage = ListPage<CooperativeCard, DirectorySort> & {
  facets: DirectoryFacets;
  filtersFromQuery: FilterFromQuery[];
};

const ORDER_BY: Record<Exclude<DirectorySort, 'relevance'>, SQL> = {
  name: sql`c.search_name, c.id`,
  products: MOST_PRODUCTS_FIRST,
  newest: sql`c.created_at DESC, c.id`,
};

const FACET_KEYS: Record<Exclude<DirectoryFacet, 'certification'>, SQL> = {
  province: sql`c.province_code`,
  kind: sql`c.kind`,
  sector: sql`c.sector`,
  classification: sql`c.classification`,
};

/** `today` (YYYY-MM-DD in Viet Nam) decides which certificates are valid; `later` runs a stale facet cube's refresh. */
export async function listCooperatives(
  db: Database,
  filters: DirectoryFilters,
  today = vietnamDate(new Date()),
  later?: AfterResponse,
): Promise<DirectoryPage> {
  const found = await queryDirectory<CooperativeCardRow>(db, filters, COOPERATIVE_CARD_COLUMNS, {
    count: true,
    facets: true,
    today,
    ...(later ? { later } : {}),
  });
  return { ...found, items: found.items.map(toCooperativeCard), facets: found.facets as DirectoryFacets };
}

/**
 * A province ("hà giang", "lâm đồng": search/places.ts) and a certification ("vietgap", "hữu cơ":
 * search/certification-words.ts) named in the words are filters, as on the product list, and their
 * words are not matched: a cooperative's text names its province as it is now ("hà giang" matched
 * none of Hà Giang's) and no description says "vietgap". A filter chosen wins: the words are then
 * set aside (listed, not applied) unless they name that very value. queryDirectory reads a
 * certification word as words after all when no certified cooperative answers it.
 */
export function readDirectoryQuery(
  filters: DirectoryFilters,
  { certification: withCertification = true } = {},
): { filters: DirectoryFilters; read: FilterFromQuery[]; minStars?: number } {
  const reader = filterWordsReader(filters.q ?? '');
  const { place, certifications } = readPlaceAndCertification(reader, filters, {
    place: true,
    certification: withCertification,
  });
  // A rating is a product's: "has a published product rated that many stars or more" (hasProductRated).
  const rating = takeRatings(reader);
  if (rating) reader.note('stars', String(rating.value), rating.taken, 'none');
  const stars = rating?.value;
  if (!place && certifications.length === 0 && stars === undefined) return { filters, read: [] };
  const q = reader.words.typed.join(' ');
  return {
    filters: {
      ...filters,
      q: q || undefined,
      ...(place ? { province: filters.province ?? [provinceByCode(place.value.provinceCode).slug] } : {}),
      ...(certifications.length > 0 ? { certification: filters.certification ?? certifications } : {}),
    },
    read: reader.read,
    ...(stars === undefined ? {} : { minStars: stars }),
  };
}

/**
 * A cooperative with a published product rated `stars` or more: a rating named in the directory's
 * words ("chè 4 sao trở lên", "5*") is a product's, which the cards show as their best. Matched as
 * words, "4 sao" found no cooperative at all.
 */
const hasProductRated = (stars: number) => sql`EXISTS (SELECT 1 FROM products p INDEXED BY products_cooperative_idx
  WHERE p.cooperative_id = c.id AND p.status = 'published' AND p.ocop_stars >= ${stars})`;

/** What a near-empty directory offers instead (search/near-empty.ts); `order` is the request's query keys as given. */
export function directorySearchHelp(
  db: Database,
  filters: DirectoryFilters,
  found: Pick<DirectoryPage, 'total' | 'filtersFromQuery'>,
  order: readonly string[],
): Promise<NearEmptyHelp> {
  return nearEmptyHelp({
    db,
    table: 'cooperatives_fts',
    order,
    filters,
    total: found.total,
    fromWords: found.filtersFromQuery.filter((read) => read.applied),
    count: (other) => queryDirectory(db, { ...other, limit: 1 }, sql`c.id`, { count: true }),
  });
}

/**
 * The directory's search and filters with the caller's columns of cooperative
 * `c` and province `pr` (the map wants places, not cards).
 */
export async function queryDirectory<Row>(
  db: Database,
  asked: DirectoryFilters,
  columns: SQL,
  options: DirectoryQueryOptions,
): Promise<ListPage<Row, DirectorySort> & { facets?: DirectoryFacets; filtersFromQuery: FilterFromQuery[] }> {
  const understood = readDirectoryQuery(asked);
  const found = await queryUnderstood<Row>(db, understood, columns, options);
  // A certification word no certified cooperative answers may still be a word of a name ("HTX … hữu cơ").
  const certified = understood.read.some((read) => read.filter === 'certification' && read.applied);
  if (certified && options.count && found.total === 0) {
    const asWords = readDirectoryQuery(asked, { certification: false });
    const again = await queryUnderstood<Row>(db, asWords, columns, options);
    if (again.total > 0) return again;
  }
  return found;
}

interface DirectoryQueryOptions {
  count: boolean;
  facets?: boolean;
  today?: string;
  later?: AfterResponse;
}

async function queryUnderstood<Row>(
  db: Database,
  understood: ReturnType<typeof readDirectoryQuery>,
  columns: SQL,
  { count, facets, today = vietnamDate(new Date()), later }: DirectoryQueryOptions,
): Promise<ListPage<Row, DirectorySort> & { facets?: DirectoryFacets; filtersFromQuery: FilterFromQuery[] }> {
  const filters = understood.filters;
  const tokens = searchTokens(filters.q ?? '');
  const requested = filters.sort ?? (tokens.length > 0 ? 'relevance' : 'name');
  const sort: DirectorySort = requested === 'relevance' && tokens.length === 0 ? 'name' : requested;
  const limit = filters.limit ?? PAGE_SIZE;
  const page = filters.page ?? 1;
  const provinces = provinceCodes(filters.province);

  // Besides being active (see `from`).
  const where: SQL[] = [];
  const offset = (page - 1) * limit;
  // The filters that are facets, apart: a facet's counts leave out its own condition.
  const faceted: Partial<Record<DirectoryFacet, SQL>> = {};
  if (provinces) faceted.province = anyOf(FACET_KEYS.province, provinces);
  if (filters.kind) faceted.kind = anyOf(FACET_KEYS.kind, filters.kind);
  if (filters.sector) faceted.sector = anyOf(FACET_KEYS.sector, filters.sector);
  if (filters.classification) faceted.classification = anyOf(FACET_KEYS.classification, filters.classification);
  if (filters.certification) faceted.certification = certifiedCooperative(filters.certification, today);
  if (filters.hasOcop !== undefined) where.push(filters.hasOcop ? HAS_OCOP_SQL : sql`NOT ${HAS_OCOP_SQL}`);
  if (understood.minStars !== undefined) where.push(hasProductRated(understood.minStars));

  const onlySearch = where.length === 0 && Object.keys(faceted).length === 0;
  const conditions = (except?: DirectoryFacet) => [
    ...where,
    ...Object.entries(faceted)
      .filter(([facet]) => facet !== except)
      .map(([, condition]) => condition),
  ];
  const match = ftsMatchExpression(tokens);
  // CROSS JOIN keeps the hits as the outer loop: flattened, SQLite may otherwise
  // walk every cooperative and re-run the full-text match for each one. With hits, each
  // one's cooperative is found by its key, in an index that also holds what the scan counts,
  // and checked active (unary +): left free, SQLite looked each hit up in
  // cooperatives_stats_idx by status, a walk of every active cooperative per hit (a search
  // for "che" took 150 s at 50,000 cooperatives).
  const from = (hits: SQL | null, except?: DirectoryFacet) => {
    const active = hits === null ? sql`c.status = 'active'` : sql`+c.status = 'active'`;
    const searched = sql`${hits} hit CROSS JOIN cooperatives c INDEXED BY cooperatives_search_key_idx
      ON c.search_key = hit.key`;
    return sql`FROM ${hits === null ? sql`cooperatives c` : searched}
    JOIN provinces pr ON pr.code = c.province_code
    WHERE ${sql.join([active, ...conditions(except)], sql` AND `)}`;
  };
  const rows = (hits: SQL | null) =>
    hits === null && sort !== 'relevance' && offset > 0
      ? pageByIds(ORDER_BY[sort])
      : db.all<Row>(sql`SELECT ${columns} ${from(hits)}
      ORDER BY ${sort === 'relevance' ? relevanceOrder(sql`c.id`) : ORDER_BY[sort]}
      LIMIT ${limit} OFFSET ${offset}`);
  // A page beyond the first, without words, finds its ids first (a deferred join): joined for
  // every row, the OFFSET of page 20 read 456 cooperatives' rows and provinces and, where the
  // name index left ties of name to sort by id, counted each one's products and best stars
  // (4.9 → 0.2 ms at 50,000 cooperatives, SQLite, warm, with the id in the name indexes,
  // migration 0047). The caller's columns are read for the page's ids alone; both orders are
  // the same expression over the same rows, ending with the unique id.
  const pageByIds = (orderBy: SQL) =>
    db.all<Row>(sql`SELECT ${columns}
      FROM (SELECT c.id
        FROM cooperatives c
        WHERE ${sql.join([sql`c.status = 'active'`, ...conditions()], sql` AND `)}
        ORDER BY ${orderBy}
        LIMIT ${limit} OFFSET ${offset}) page
      CROSS JOIN cooperatives c ON c.id = page.id
      JOIN provinces pr ON pr.code = c.province_code
      ORDER BY ${orderBy}`);
  // A directory the facet cube answers gets its total and facets from it, read beside the page's rows.
  const fromCube =
    (count || facets) && directoryCubeAnswers(filters, tokens.length > 0) && understood.minStars === undefined
      ? freshCells(db, COOPERATIVE_CUBE, today, later).then(
          (cells) => cells && answerFromDirectoryCube(cells, filters, provinces),
        )
      : Promise.resolve(null);
  // Otherwise one scan counts the total and the facets together (search/facets.ts), when first asked.
  const hits = tokens.length === 0 ? null : plainHits('cooperatives_fts', match);
  let scanning: Promise<{ read: number; facets: DirectoryFacets } | null> | undefined;
  const scanned = () =>
    (scanning ??= facets
      ? fromCube.then((answer) => (answer ? null : scanDirectoryFacets(db, from, hits, faceted, today)))
      : Promise.resolve(null));
  const counting = () =>
    countFromCube(fromCube, async () =>
      facets ? cappedTotal((await scanned())?.read ?? 0) : countCapped(db, from(hits)),
    );
  // Past the cap a search's total reads "more than 1,000" and its facets have no numbers
  // (search/facets.ts), so nothing is scanned.
  let pastTheCap = false;
  const found =
    sort === 'relevance' && tokens.length > 0 && offset + limit <= TIERED_WINDOW
      ? await firstPagesInTiers()
      : await fetchListPage({
          table: 'cooperatives_fts',
          match: tokens.length === 0 ? null : match,
          relevance: sort === 'relevance',
          onlySearch,
          offset,
          limit,
          rows,
          ...(count ? { count: counting } : {}),
        });
  // The first pages by relevance: names holding the words (as a phrase first) before the rest.
  // Words alone: the first tier statement that finds rows also asks the index whether the active
  // hits are past the cap (activeHitsAtLeast); when they are, that is the whole count, and the
  // search is one statement ("che" at 50,000 cooperatives: 21,553 hits, where the scan read 1,001).
  async function firstPagesInTiers() {
    const atLeast = onlySearch && count ? activeHitsAtLeast(match) : undefined;
    let indexed: number | undefined;
    const counted = atLeast || !count ? undefined : counting();
    const items = await firstInTiers('cooperatives_fts', searchTiers(tokens), offset + limit, async (tier, max) => {
      const asks = atLeast !== undefined && indexed === undefined;
      const rows = await db.all<Row & { indexed?: number }>(
        sql`SELECT ${columns}${asks ? sql`, ${atLeast} AS indexed` : sql``} ${from(tier)} ORDER BY ${TIER_ORDER} LIMIT ${max}`,
      );
      if (asks && rows[0]) indexed = Number(rows[0].indexed);
      return rows.map(({ indexed: _, ...row }) => row as Row);
    });
    pastTheCap = indexed !== undefined && indexed > COUNT_CAP;
    const total = pastTheCap
      ? cappedTotal(indexed ?? 0)
      : count
        ? await (counted ?? counting())
        : { total: 0, totalIsCapped: false };
    return { items: items.slice(offset), ...total };
  }
  const filtersFromQuery = understood.read;
  if (!facets) return { ...found, page, limit, sort, filtersFromQuery };
  if (pastTheCap) return { ...found, page, limit, sort, filtersFromQuery, facets: CAPPED_FACETS };
  const answer = await fromCube;
  if (answer) return { ...found, page, limit, sort, filtersFromQuery, facets: answer.facets };
  const counted = (await scanned())?.facets;
  if (!counted) throw new Error('queryDirectory: the facets were neither summed nor scanned');
  return {
    ...found,
    page,
    limit,
    sort,
    filtersFromQuery,
    facets: { ...counted, province: byProvinceSlug(counted.province) },
  };
}

/** Every facet of a directory search past the cap: no numbers (search/facets.ts). */
const CAPPED_FACETS = Object.fromEntries(
  DIRECTORY_FACETS.map((facet) => [facet, { counts: {}, isCapped: true }]),
) as DirectoryFacets;

/** The statuses a directory leaves out: every one but active. */
const NOT_LISTED = COOPERATIVE_STATUSES.filter((status) => status !== 'active');

/**
 * At least how many active cooperatives the words find, from the index alone: its hits, less
 * every cooperative not active (the index holds them too, for the officers' search), read up to
 * what can tell COUNT_CAP + 1. Past the cap it says so exactly; under it, the rows decide (a scan).
 * The statuses are named (IN), so SQLite counts them in cooperatives_status_verified_idx.
 */
function activeHitsAtLeast(match: string): SQL {
  const hidden = sql`(SELECT count(*) FROM cooperatives WHERE ${anyOf(sql`status`, NOT_LISTED)})`;
  return sql`((SELECT count(*) FROM (SELECT 1 ${sql`FROM ${plainHits('cooperatives_fts', match)} hit`} LIMIT ${COUNT_CAP + 1} + ${hidden})) - ${hidden})`;
}

/**
 * The total and facet counts of a directory the cube cannot answer, from one
 * scan of its rows (search/facets.ts); `from` leaves out a facet's own
 * condition.
 */
function scanDirectoryFacets(
  db: Database,
  from: (hits: SQL | null, except?: DirectoryFacet) => SQL,
  hits: SQL | null,
  faceted: Partial<Record<DirectoryFacet, SQL>>,
  today: string,
) {
  return scanFacets<DirectoryFacet>(db, {
    columns: sql`c.id AS id, ${FACET_KEYS.province} AS province, ${FACET_KEYS.kind} AS kind,
      ${FACET_KEYS.sector} AS sector, ${FACET_KEYS.classification} AS classification`,
    from: (except) => from(hits, except),
    single: { province: sql`province`, kind: sql`kind`, sector: sql`sector`, classification: sql`classification` },
    many: {
      facet: 'certification',
      values: sql`SELECT ${verifiedField('cert', 'kind')} AS value, x.id FROM x
        CROSS JOIN certifications cert INDEXED BY certifications_cooperative_idx ON cert.cooperative_id = x.id
        WHERE ${certificateOfCooperative(today)}`,
    },
    chosen: Object.keys(faceted) as DirectoryFacet[],
  }) as Promise<{ read: number; facets: DirectoryFacets }>;
}

/** A cooperative with a certificate of any of `kinds` (certificateOfCooperative), probed by its own index. */
function certifiedCooperative(kinds: readonly string[], today: string): SQL {
  return sql`EXISTS (SELECT 1 FROM certifications cert INDEXED BY certifications_cooperative_idx
    WHERE cert.cooperative_id = c.id AND ${anyOf(verifiedField('cert', 'kind'), kinds)}
      AND ${certificateOfCooperative(today)})`;
}
