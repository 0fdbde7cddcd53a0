/**
 * The public product list: full-text search, filters, sorting and pages, in
 * one query for the rows and one bounded query for the count.
 *
 * Ranking with words: hits in relevance tiers (the words as a phrase in the
 * name, in the name, anywhere: relevanceTiers), each tier best first by its
 * keys (stars, completeness, date: migrations/0051_search_key_order.sql); the
 * first RANKED_CANDIDATES of them ordered by the ranking rules, the rest as
 * the tiers give them, down to the last page the count names (TIERED_WINDOW);
 * deeper pages by FTS5's bm25 with names weighted far above the rest
 * (rankedHits). Without words, the chosen sort (newest by default) walks an
 * index.
 */
import { type SQL, sql } from 'drizzle-orm';
import { certificateCountsOn, verifiedField } from '../claims/public-claims';
import type { Database } from '../db/client';
import { ftsMatchExpression, nearMatchExpression } from '../search/fold';
import { needsOtherFields, rankCandidates, type QueryWords, type RankCandidate } from '../search/ranking';
import {
  cappedTotal,
  countCapped,
  COUNT_CAP,
  countUpToCap,
  fetchListPage,
  firstInTiers,
  type ListPage,
  plainHits,
  relevanceOrder,
  relevanceTiers,
  resolveSlugFilters,
  searchTiers,
  TIER_ORDER,
  TIERED_WINDOW,
} from '../search/list-query';
import { anyOf, byProvinceSlug, type FacetCounts, provinceCodes, scanFacets } from '../search/facets';
import { type AfterResponse, countFromCube, freshCells } from '../search/facet-cube';
import type { Place } from '../search/places';
import { RATED } from '../search/rating-words';
import {
  type FilterFromQuery,
  filterWordsReader,
  readPlaceAndCertification,
  takeRatings,
} from '../search/filter-words';
import { type NearEmptyHelp, nearEmptyHelp } from '../search/near-empty';
import type { CertificationKind } from './vocabulary';
import {
  answerFromProductCube,
  EXPORT_READY_SQL,
  PRODUCT_CUBE,
  productCubeAnswers,
  starFacets,
} from './product-facet-cube';
import { provinceByCode } from '../provinces/reference';
import type { ProvinceRef } from '../provinces/summaries';
import type { ProductCard } from './card';
import { heldOn } from './product-certificates';
import { publicProducts } from '../search/index-tags';
import { PRODUCT_CARD_COLUMNS, productCardsByIds, type ProductCardRow, toProductCard } from './card-queries';
import { effectiveSort, PAGE_SIZE, type ProductFilters, type ProductSort } from './product-filters';

/** A province the query named (see search/places.ts), which the list was narrowed to. */
export interface PlaceSearched {
  province: ProvinceRef;
  /** The pre-2025 province the query named ("Hà Giang"), now part of `province`; null for a current name. */
  formerly: string | null;
}

type ListedPage = ListPage<ProductCard, ProductSort> & {
  place: PlaceSearched | null;
  facets?: ProductFacets;
};

export type ProductListPage = ListedPage & { filtersFromQuery: FilterFromQuery[] };

interface ProductListOptions {
  today?: string;
  count?: boolean;
  facets?: boolean;
  /** Where a stale facet cube's refresh runs after the response (search/facet-cube.ts). */
  later?: AfterResponse;
}

/** The other half of "public", beside `p.status = 'published'`. */
const COOPERATIVE_ACTIVE = sql`+c.status = 'active'`;

const ORDER_BY: Record<Exclude<ProductSort, 'relevance'>, SQL> = {
  newest: sql`p.published_at DESC, p.id`,
  stars: sql`p.ocop_stars DESC NULLS LAST, p.published_at DESC, p.id`,
  price_asc: sql`p.price_vnd ASC NULLS LAST, p.id`,
  price_desc: sql`p.price_vnd DESC NULLS LAST, p.id`,
};

/**
 * The minimum-stars filter, written so that it drives the plan only where
 * that is the cheap way (without table statistics SQLite cannot tell):
 * - with a narrower filter (province, cooperative, group) it is checked per row (unary +);
 * - 5 stars is the top of the scale, so "at least 5" is "exactly 5": one range of
 *   products_status_stars_idx, already in newest-first order (1% of a catalogue);
 * - sorted by stars, the star index is walked from the top anyway, and a count
 *   reads at most COUNT_CAP + 1 entries of its range;
 * - otherwise (3 or 4 stars, sorted by date or price) most products qualify, and the
 *   sort's own index finds a page of them after a few dozen rows, where the star index
 *   would make SQLite sort tens of thousands (340 ms at 200,000 products).
 */
function starsCondition(
  stars: number,
  { narrowed, sort, counting }: { narrowed: boolean; sort: ProductSort; counting: boolean },
): SQL {
  if (narrowed) return sql`+p.ocop_stars >= ${stars}`;
  if (stars >= 5) return sql`p.ocop_stars = 5`;
  return counting || sort === 'stars' || sort === 'relevance'
    ? sql`p.ocop_stars >= ${stars}`
    : sql`+p.ocop_stars >= ${stars}`;
}

/** What a query asks for: words to match, and the filters some of its words name. */
interface UnderstoodQuery {
  words: QueryWords;
  /**
   * Whether the last word to match is finished: words followed it in the query (filter words, "chè
   * 5 sao"). Only the last word typed may be unfinished, and match as the start of longer words.
   */
  lastWhole: boolean;
  place: Place | null;
  /** Certifications named in the words, any of them (none when the filter is chosen). */
  certifications: CertificationKind[];
  /** The fewest stars the words ask for ("ocop", "5 sao": search/rating-words.ts). */
  stars: number | null;
  /** The three as the list shows them (FilterFromQuery). */
  read: FilterFromQuery[];
}

/**
 * Reads a province ("ha giang"), a certification ("vietgap") and a rating
 * ("ocop", "5 sao") out of the query: those words are the filter they name,
 * not words to match. A filter
 * the visitor chose wins over the words (a province or a cooperative; a
 * certification), and the words are still not matched: ticking another
 * option of a facet keeps the words the facet counted with (search/facets.ts),
 * so the option gives the number it showed. A cooperative chosen leaves place
 * names as words (it is in one place already); certifications are read only
 * when they can be checked (`withCertification`: a `today`). A second rating
 * ("5 sao 4 sao") repeats or contradicts the first, which holds: neither is
 * matched as words.
 */
function understand(filters: ProductFilters, withCertification: boolean): UnderstoodQuery {
  const reader = filterWordsReader(filters.q ?? '');
  const { place, placeChosen, certifications } = readPlaceAndCertification(reader, filters, {
    place: !filters.cooperative,
    certification: withCertification,
  });
  const rating = takeRatings(reader);
  if (rating) {
    // "OCOP only" chosen is the least of ratings: more stars named in the words still hold.
    const chosen = filters.stars ?? (filters.ocop ? RATED : undefined);
    reader.note(
      'stars',
      String(rating.value),
      rating.taken,
      chosen === rating.value ? 'same' : filters.stars ? 'other' : 'none',
    );
  }
  return {
    ...reader.left(),
    // A province chosen wins, unless it is the one the words name, alone: then the words' order and note hold.
    place:
      !filters.province || (placeChosen === 'same' && filters.province.length === 1) ? (place?.value ?? null) : null,
    certifications: filters.certification ? [] : certifications,
    stars: filters.stars ? null : (rating?.value ?? null),
    read: reader.read,
  };
}

export async function listProducts(
  db: Database,
  filters: ProductFilters,
  /**
   * `today` (YYYY-MM-DD in Viet Nam) decides which certificates are valid; `count: false` skips the count;
   * `facets: true` counts the results per filter option (see productFacets).
   */
  options: ProductListOptions,
): Promise<ProductListPage> {
  const understood = understand(filters, options.today !== undefined);
  const page = await listUnderstood(db, filters, options, understood);
  // A certification word no certified product answers may still be a word of a name ("Gạo ST25 hữu cơ");
  // when the words find nothing either, the list stays the certified one, which says what it filtered by.
  if (understood.certifications.length > 0 && page.total === 0) {
    const asWords = understand(filters, false);
    const found = await listUnderstood(db, filters, options, asWords);
    if (found.total > 0) return { ...found, filtersFromQuery: asWords.read };
  }
  return { ...page, filtersFromQuery: understood.read };
}

/** The list with its facet counts, as the API returns it. */
export async function listProductsWithFacets(
  db: Database,
  filters: ProductFilters,
  today: string,
  later?: AfterResponse,
): Promise<ProductListPage & { facets: ProductFacets }> {
  const page = await listProducts(db, filters, { today, facets: true, ...(later ? { later } : {}) });
  if (!page.facets) throw new Error('listProducts left out the facets it was asked for');
  return { ...page, facets: page.facets };
}

/**
 * What a near-empty list offers instead (search/near-empty.ts); `order` is
 * the request's query keys in the order given.
 */
export function productSearchHelp(
  db: Database,
  filters: ProductFilters,
  found: Pick<ProductListPage, 'total' | 'filtersFromQuery'>,
  { order, today }: { order: readonly string[]; today: string },
): Promise<NearEmptyHelp> {
  return nearEmptyHelp({
    db,
    table: 'products_fts',
    order,
    filters,
    total: found.total,
    fromWords: found.filtersFromQuery.filter((read) => read.applied),
    // One card is the least a rendering asks for; the count is what matters.
    count: (other) => listProducts(db, { ...other, limit: 1 }, { today }),
  });
}

async function listUnderstood(
  db: Database,
  filters: ProductFilters,
  options: ProductListOptions,
  { words, lastWhole, place, certifications: certificationsAsked, stars: starsAsked }: UnderstoodQuery,
): Promise<ListedPage> {
  const tokens = words.folded;
  const sort = effectiveSort(
    filters,
    Boolean(filters.q) &&
      (tokens.length > 0 || place !== null || certificationsAsked.length > 0 || starsAsked !== null),
  );
  // A minimum of stars chosen, or named in the words.
  const stars = filters.stars ?? starsAsked ?? undefined;
  const limit = filters.limit ?? PAGE_SIZE;
  const page = filters.page ?? 1;
  const offset = (page - 1) * limit;
  const slugs = await resolveSlugFilters(db, { cooperative: filters.cooperative });
  const provinces = place ? [place.provinceCode] : provinceCodes(filters.province);
  const cooperativeId = slugs.cooperative;
  const certifications = filters.certification ?? (certificationsAsked.length > 0 ? certificationsAsked : undefined);

  // Planner hints (unary +): without table statistics SQLite may start from the
  // cooperatives or from the broad stars range and scan a national catalogue.
  // Products are walked by their own selective indexes; each row's cooperative
  // is then looked up by key; the stars filter is placed by starsCondition.
  const narrowed = Boolean(provinces || cooperativeId || filters.group);
  // Conditions beyond "public" (published, of an active cooperative: COOPERATIVE_ACTIVE, put by `from`).
  const where: SQL[] = [];
  // The filters that are facets, apart: a facet's counts leave out its own condition. Each is
  // written for a search (`searching`: rows found by a full-text hit, `hit`) or not.
  const faceted: Partial<Record<ProductFacet, (searching: boolean) => SQL>> = {};
  if (provinces) faceted.province = () => anyOf(sql`p.province_code`, provinces);
  if (cooperativeId) where.push(sql`p.cooperative_id = ${cooperativeId}`);
  const groups = filters.group;
  if (groups) faceted.group = () => anyOf(sql`p.ocop_group`, groups);
  // The one cooperative-side filter that may drive the plan: a rare kind is best found from cooperatives_kind_idx.
  if (filters.cooperativeKind) where.push(sql`c.kind = ${filters.cooperativeKind}`);
  if (filters.minPrice !== undefined) where.push(sql`p.price_vnd >= ${filters.minPrice}`);
  if (filters.maxPrice !== undefined) where.push(sql`p.price_vnd <= ${filters.maxPrice}`);
  // The SQL twin of isExportReady (wholesale.ts): export markets served, or an HS code with a wholesale minimum.
  if (filters.exportReady) where.push(EXPORT_READY_SQL);
  if (certifications) {
    const certifiedOn = options.today;
    if (!certifiedOn) throw new Error('listProducts: the certification filter needs options.today');
    faceted.certification = (searching) => certifiedCondition(certifications, certifiedOn, searching);
  }
  // "OCOP only" is "rated", and every rating is 3 stars or more.
  const minStars = stars ?? (filters.ocop ? 3 : undefined);
  // Whether the words are the list's only condition, but for facet `except`'s, which its own count leaves out.
  const onlyWords = (except?: ProductFacet) =>
    where.length === 0 && Object.keys(faceted).every((facet) => facet === except) && (!minStars || except === 'stars');
  const onlySearch = onlyWords();
  const conditions = (counting: boolean, searching: boolean, except?: ProductFacet) => [
    ...where,
    ...Object.entries(faceted)
      .filter(([facet]) => facet !== except)
      .map(([, condition]) => condition(searching)),
    ...(minStars && except !== 'stars' ? [starsCondition(minStars, { narrowed, sort, counting })] : []),
  ];

  const match = ftsMatchExpression(tokens, { lastWhole });
  // What the index keeps of the hits before any row is read (search/index-tags.ts): public products,
  // holding a certificate of a kind asked (except in the certification facet's own count). A search
  // with words alone, or a facet's own count with nothing but its words (onlyWords), is counted in
  // the index alone (a certificate's dates, a province, stars are on the rows).
  const scope = (except?: ProductFacet) => publicProducts(except === 'certification' ? undefined : certifications);
  // Start from the hits and join products by key. CROSS JOIN pins that order: flattened,
  // SQLite may otherwise walk every product and re-run the full-text match for each one.
  // `counting`: a count reads every match, so when a narrower filter exists the status
  // index (which would walk the whole published catalogue) is taken out of the planner's choice.
  // Counting needs no province names: every product has its province (a foreign key), and
  // without that join the unfiltered count reads products_status_cooperative_idx alone. Each
  // counted row's cooperative is checked active from cooperatives_id_status_idx, not its table
  // row (SQLite prefers the unique id index, which is not covering: 22 → 3 ms a facet at scale);
  // a cooperative kind filter may drive the plan from the cooperatives instead, so it is left free.
  // The facets' certificates are joined to the counted rows, not the rows to every certificate
  // (CROSS JOIN: 676 → 38 ms at scale, where SQLite walked the certificates' index whole).
  //
  // A facet scan reads up to FACET_SCAN_CAP products and needs of each only what products_facets_idx
  // holds (led by the id, so no other query seeks on it and is drawn to it): over the whole
  // catalogue, a group or a minimum of stars it scans that index instead of the status index
  // and each row's table page (45 → 6 ms a facet at 200,000 products). A province or a
  // cooperative is still sought through its own index. Search hits are looked up by their key
  // in products_search_key_idx, which holds the same columns: the scan reads no table row.
  //
  // A page of "5 stars" over the whole catalogue (starsCondition) is one range of the star index,
  // in date order: named, since the date index, which holds the whole newest-first order
  // (migration 0047), would otherwise be walked checking each row's stars in its table row, 99
  // rows in 100 in vain.
  const facetScan = !provinces && !cooperativeId && !filters.cooperativeKind;
  const fiveStars = !narrowed && minStars !== undefined && minStars >= 5 && (sort === 'newest' || sort === 'stars');
  const listed = fiveStars ? sql`products p INDEXED BY products_status_stars_idx` : sql`products p`;
  const products = (hits: SQL | null, counting: boolean, facet: boolean) => {
    if (hits !== null) {
      return sql`${hits} hit CROSS JOIN products p INDEXED BY products_search_key_idx ON p.search_key = hit.key`;
    }
    if (facet && facetScan) return sql`products p INDEXED BY products_facets_idx`;
    return counting ? sql`products p` : listed;
  };
  // A search's hits are public products by the index (`NOT 0hidden`: search/index-tags.ts), so where
  // nothing of their cooperative is read (a count, the ranking window) it is not joined: a seek a hit
  // less (1,282 for "ca phe" + VietGAP at 200,000 products). Their status is still read, from the
  // index each hit is found by.
  const from = (hits: SQL | null, counting = false, except?: ProductFacet, facet = false) => {
    const cooperative = hits === null || !counting || filters.cooperativeKind !== undefined;
    const filtered = [...(cooperative ? [COOPERATIVE_ACTIVE] : []), ...conditions(counting, hits !== null, except)];
    return sql`FROM ${products(hits, counting, facet)}
    ${cooperative ? sql`JOIN cooperatives c ${counting && !filters.cooperativeKind ? sql`INDEXED BY cooperatives_id_status_idx ` : sql``}ON c.id = p.cooperative_id` : sql``}
    ${counting ? sql`` : sql`JOIN provinces pr ON pr.code = p.province_code`}
    WHERE ${counting && narrowed ? sql`+p.status = 'published'` : sql`p.status = 'published'`}${
      filtered.length > 0 ? sql` AND ${sql.join(filtered, sql` AND `)}` : sql``
    }`;
  };
  const orderBy = (hits: SQL | null) =>
    sort !== 'relevance'
      ? ORDER_BY[sort]
      : hits === null
        ? placeOrder(place?.formerly ?? null)
        : relevanceOrder(sql`p.id`);
  const rows = (hits: SQL | null) =>
    hits === null && offset > 0
      ? pageByIds()
      : db.all<ProductCardRow>(sql`
      SELECT ${PRODUCT_CARD_COLUMNS}
      ${from(hits)}
      ORDER BY ${orderBy(hits)}
      LIMIT ${limit} OFFSET ${offset}`);
  // A page beyond the first, without words, finds its ids first (a deferred join), reading for
  // the rows it skips only what the order and filters need, from the sort's index and each
  // row's cooperative's status (cooperatives_id_status_idx); only the page's own rows are then
  // read whole, with their cooperative's and province's names. Joined for every row, the OFFSET
  // of page 20 read 456 product, cooperative and province rows to throw away (2.3 → 0.3 ms at
  // 200,000 products, SQLite, warm, with the covering date index of migration 0047). The
  // provinces join is left out of the ids: every product has its province (a foreign key). Both
  // orders are the same expression over the same rows, ending with the unique id: the outer sort
  // (of one page) gives back the inner order exactly.
  const pageByIds = () =>
    db.all<ProductCardRow>(sql`
      SELECT ${PRODUCT_CARD_COLUMNS}
      FROM (SELECT p.id
        FROM ${listed}
        JOIN cooperatives c ${filters.cooperativeKind ? sql`` : sql`INDEXED BY cooperatives_id_status_idx `}ON c.id = p.cooperative_id
        WHERE p.status = 'published' AND ${sql.join([COOPERATIVE_ACTIVE, ...conditions(false, false)], sql` AND `)}
        ORDER BY ${orderBy(null)}
        LIMIT ${limit} OFFSET ${offset}) page
      CROSS JOIN products p ON p.id = page.id
      JOIN cooperatives c ON c.id = p.cooperative_id
      JOIN provinces pr ON pr.code = p.province_code
      ORDER BY ${orderBy(null)}`);

  // A list the facet cube answers gets its total and facets from it, read beside the page's rows;
  // when the cube is not current (or for other lists) both are counted by scanning.
  const { today } = options;
  const fromCube =
    today !== undefined && (options.facets || options.count !== false) && productCubeAnswers(filters)
      ? freshCells(db, PRODUCT_CUBE, today, options.later).then(
          (cells) =>
            cells &&
            answerFromProductCube(cells, {
              provinces,
              groups: filters.group,
              minStars,
              stars,
              cooperativeKind: filters.cooperativeKind,
              exportReady: Boolean(filters.exportReady),
              certification: certifications?.[0],
            }),
        )
      : Promise.resolve(null);
  // Otherwise one scan per MATCH expression counts the total and the facets together (search/facets.ts).
  const scans = new Map<string | null, ReturnType<typeof scanProductFacets>>();
  const scan = (used: string | null) => {
    const hits = (except?: ProductFacet) => (used === null ? null : plainHits('products_fts', used, scope(except)));
    const chosen = [...(Object.keys(faceted) as ProductFacet[]), ...(minStars ? ['stars' as const] : [])];
    // The hits the index keeps, counted without a row read.
    const indexCount = (except?: ProductFacet) =>
      used !== null && onlyWords(except) ? countUpToCap(sql`FROM ${hits(except)} hit`) : undefined;
    const scanned =
      scans.get(used) ??
      scanProductFacets(
        db,
        (except) => from(hits(except), true, except, true),
        chosen,
        today,
        used !== null,
        indexCount,
      );
    scans.set(used, scanned);
    return scanned;
  };
  const count =
    options.count === false
      ? undefined
      : (used: string | null) =>
          countFromCube(fromCube, async () =>
            options.facets
              ? cappedTotal((await scan(used)).read)
              : used !== null && onlySearch
                ? countCapped(db, sql`FROM ${plainHits('products_fts', used, scope())} hit`)
                : countCapped(db, from(used === null ? null : plainHits('products_fts', used, scope()), true)),
          );
  const facets = async (used: string | null) =>
    options.facets ? ((await fromCube)?.facets ?? toProductFacets((await scan(used)).facets, stars)) : undefined;
  if (sort === 'relevance' && tokens.length > 0 && offset + limit <= TIERED_WINDOW) {
    // The index finds the candidates, tier by tier (phrase in the name, words in the name,
    // anywhere: list-query.ts, relevanceTiers), each tier best first by its keys; the ranking
    // rules (search/ranking.ts) order the first `ranked` of them, for every page alike, and the
    // pages past them (page 3 and on) follow the tiers' own order: no hit is shown twice or
    // skipped, down to the last page the count names. When the words find nothing, a second try
    // forgives one wrong letter per long word.
    // The window reads each candidate's card and what the rules weigh in most cases (names,
    // stars, completeness, date): the page's rows are among them, so a search sends no statement
    // for its cards. The descriptions and places of candidates some word is not in the name of
    // come after, in one statement, when there are any. Two pages of cards are 48 rows; a
    // statement costs the worker some 0.4 ms beyond its SQL, in D1 run locally (docs/PERFORMANCE.md).
    // A page past the ranked candidates reads the ids of every hit before it instead, in the
    // tiers' order, and its own cards by id.
    const ranked = Math.max(RANKED_CANDIDATES, limit);
    const withCards = offset < ranked;
    const window = async (expression: string, tiers: readonly string[]) => {
      // Words alone: the first tier statement that finds rows also counts the index's hits, up
      // to the cap (an uncorrelated subquery, run once). Past the cap that count is the total,
      // and the facets have no numbers (search/facets.ts): the search is then one statement.
      const indexCount =
        onlySearch && count ? countUpToCap(sql`FROM ${plainHits('products_fts', expression, scope())} hit`) : undefined;
      let indexed: number | undefined;
      const counting = indexCount ? undefined : count?.(expression);
      const rows = await firstInTiers(
        'products_fts',
        tiers,
        Math.max(ranked, offset + limit),
        async (hits, max) => {
          const counts = indexCount !== undefined && indexed === undefined;
          const read = await db.all<WindowRow>(sql`
            SELECT ${withCards ? WINDOW_COLUMNS : sql`p.id`}${counts ? sql`, ${indexCount} AS indexed` : sql``}
            ${withCards ? from(hits) : from(hits, true)}
            ORDER BY ${TIER_ORDER}
            LIMIT ${max}`);
          if (counts && read[0]) indexed = Number(read[0].indexed);
          return read;
        },
        scope(),
      );
      // That count is the total of a search with words alone, which `count` would ask the index
      // again; only facets under the cap need a scan of their own.
      if (indexed !== undefined && (indexed > COUNT_CAP || !options.facets)) {
        return { rows, past: indexed > COUNT_CAP, ...cappedTotal(indexed) };
      }
      const counted = (await (counting ?? count?.(expression))) ?? { total: rows.length, totalIsCapped: false };
      return { rows, past: false, ...counted };
    };
    let used = match;
    let found = await window(match, searchTiers(tokens, { lastWhole }));
    // None found at all, not merely none this deep.
    if (found.total === 0) {
      used = nearMatchExpression(tokens, { lastWhole });
      found = await window(used, relevanceTiers(used, null));
    }
    const [items, facetCounts] = await Promise.all([
      withCards
        ? (async () => {
            const candidates = found.rows.map(toCandidate);
            const best = rankCandidates(words, await withOtherFields(db, words, candidates.slice(0, ranked)));
            const chosen = [...best, ...candidates.slice(ranked)].slice(offset, offset + limit);
            return chosen.map((candidate) => toProductCard(candidate.card));
          })()
        : productCardsByIds(
            db,
            found.rows.slice(offset).map((row) => row.id),
          ),
      found.past ? pastTheCap(options, stars) : facets(used),
    ]);
    return {
      total: found.total,
      totalIsCapped: found.totalIsCapped,
      facets: facetCounts,
      items,
      page,
      limit,
      sort,
      place: placeSearched(place),
    };
  }

  // A search with nothing but words ranks inside the index and joins only the
  // rows this page needs, plus a margin for hits that are not public.
  const found = await fetchListPage({
    table: 'products_fts',
    match: tokens.length === 0 ? null : match,
    relevance: sort === 'relevance',
    onlySearch,
    offset,
    limit,
    rows,
    count,
    scope: scope(),
  });
  return {
    ...found,
    facets: await facets(tokens.length === 0 ? null : match),
    items: found.items.map(toProductCard),
    page,
    limit,
    sort,
    place: placeSearched(place),
  };
}

/**
 * A verified certificate of one of `kinds`, valid `today`, of the product itself or of its whole
 * cooperative. In a search (`searching`), one seek by the hit's key in product_certificates
 * (kept by triggers: migrations/0049_product_certificates.sql), which holds each product's
 * certificates whose verified version stands, with that version's kind and dates: a hit without
 * one is dropped before its row is read (of the 9,276 hits of "ca phe" at 200,000 products, 881
 * hold a VietGAP certificate valid today). Otherwise the product's certificates and its
 * cooperative's are probed by the row's ids, which products_facets_idx holds and search_key not.
 * Both are certificateCountsOn (claims/public-claims.ts): only the verified version counts, so an
 * edit waiting for an officer leaves the filter on what the officer verified.
 */
function certifiedCondition(kinds: readonly string[], today: string, searching: boolean): SQL {
  if (searching) {
    return sql`EXISTS (SELECT 1 FROM product_certificates held
      WHERE held.search_key = hit.key AND ${anyOf(sql`held.kind`, kinds)} AND ${heldOn(today)})`;
  }
  // Two EXISTS rather than one OR, so each probes its own index instead of scanning a kind.
  const kind = anyOf(verifiedField('cert', 'kind'), kinds);
  // The indexes hold the verified kind: a probe reads only certificates of the kinds asked.
  return sql`(EXISTS (SELECT 1 FROM certifications cert INDEXED BY certifications_product_verified_kind_idx
      WHERE cert.product_id = p.id AND ${kind} AND ${validToday(today)})
    OR EXISTS (SELECT 1 FROM certifications cert INDEXED BY certifications_cooperative_verified_kind_idx
      WHERE cert.cooperative_id = p.cooperative_id AND cert.product_id IS NULL
        AND ${kind} AND ${validToday(today)}))`;
}

const validToday = (today: string) => certificateCountsOn('cert', today);

export const PRODUCT_FACETS = ['province', 'group', 'certification', 'stars'] as const;
export type ProductFacet = (typeof PRODUCT_FACETS)[number];

/**
 * Counts per option of each filter (search/facets.ts). `stars` counts "at
 * least n stars" for 3, 4 and 5, as the filter reads, and `ocop` the rated
 * products ("true"), both from one query that leaves out the stars and OCOP
 * filters. Provinces, groups and stars are exclusive (each product has one),
 * certifications are not (a product may have several).
 */
export type ProductFacets = Record<ProductFacet | 'ocop', FacetCounts>;

/**
 * The total and facet counts of a list the cube cannot answer, from one scan
 * of its rows (search/facets.ts). `from` leaves out a facet's own condition.
 * Certifications count those valid `today` (none without it), of the product
 * or of its whole cooperative; a product certified both ways counts once. A
 * search's rows (`searching`) find theirs in product_certificates by their key
 * (held in products_search_key_idx, which the scan reads), one seek a row; other
 * lists' in certifications by the product's and the cooperative's ids. `indexCount`
 * (FacetScan) when the full-text index alone counts the rows.
 */
function scanProductFacets(
  db: Database,
  from: (except?: ProductFacet) => SQL,
  chosen: readonly ProductFacet[],
  today: string | undefined,
  searching: boolean,
  indexCount?: (except?: ProductFacet) => SQL | undefined,
) {
  const kind = verifiedField('cert', 'kind');
  const certified = (on: string) =>
    searching
      ? sql`SELECT held.kind AS value, x.id FROM x
          CROSS JOIN product_certificates held ON held.search_key = x.search_key
        WHERE ${heldOn(on)}`
      : sql`SELECT ${kind} AS value, x.id FROM x
          CROSS JOIN certifications cert INDEXED BY certifications_product_idx ON cert.product_id = x.id
        WHERE ${validToday(on)}
        UNION ALL
        SELECT ${kind} AS value, x.id FROM x
          CROSS JOIN certifications cert INDEXED BY certifications_cooperative_verified_kind_idx
          ON cert.cooperative_id = x.cooperative_id AND cert.product_id IS NULL
        WHERE ${validToday(on)}`;
  return scanFacets<ProductFacet>(db, {
    columns: sql`p.id AS id, p.cooperative_id AS cooperative_id, p.province_code AS province,
      p.ocop_group AS ocop_group, p.ocop_stars AS stars${searching ? sql`, p.search_key AS search_key` : sql``}`,
    from,
    single: { province: sql`province`, group: sql`ocop_group`, stars: sql`stars` },
    ...(today === undefined ? {} : { many: { facet: 'certification', values: certified(today) } }),
    chosen,
    ...(indexCount ? { indexCount } : {}),
  });
}

/** The scanned counts as the list shows them: provinces by slug, stars as "at least n" and OCOP. */
function toProductFacets(
  counted: Partial<Record<ProductFacet, FacetCounts>>,
  stars: number | undefined,
): ProductFacets {
  const none: FacetCounts = { counts: {}, isCapped: false };
  return {
    province: byProvinceSlug(counted.province ?? none),
    group: counted.group ?? none,
    certification: counted.certification ?? none,
    ...starFacets(counted.stars ?? none, stars),
  };
}

/**
 * How many of a search's first hits the ranking rules order: two pages. A tier's hits come best
 * first by their keys, which sort as the rules break ties (stars, completeness, date), so the
 * rules only have the text to weigh among them (a phrase at the start of a name, words typed with
 * their marks). Ranking 200 was most of "mat ong"'s time at 200,000 products (docs/PERFORMANCE.md).
 */
const RANKED_CANDIDATES = 2 * PAGE_SIZE;

/**
 * What a search's window reads of every candidate: its card, the page's rows being some of the
 * candidates, and what the ranking rules read (ranking.ts, RankCandidate) beyond it: no
 * description, no place, and whether it has a photo. A stored image is an object, written through
 * the upload path (media/stored-image.ts); CASE keeps a malformed value from failing the statement.
 */
const WINDOW_COLUMNS = sql`${PRODUCT_CARD_COLUMNS},
  CASE WHEN json_valid(p.images) THEN coalesce(json_type(p.images, '$[0]') = 'object', 0) ELSE 0 END AS has_photo,
  p.published_at`;

/** A row of a search's window; past the ranked candidates, `id` alone (listUnderstood). */
interface WindowRow extends ProductCardRow {
  has_photo: number;
  published_at: number | null;
  /** The index's hits up to COUNT_CAP + 1, on the first rows a search reads (listUnderstood). */
  indexed?: number;
}

type WindowCandidate = RankCandidate & { card: ProductCardRow };

function toCandidate({ has_photo, published_at, indexed: _, ...card }: WindowRow): WindowCandidate {
  return {
    id: card.id,
    nameVi: card.name_vi,
    nameEn: card.name_en,
    description: '',
    other: '',
    ocopStars: card.ocop_stars === null ? null : Number(card.ocop_stars),
    hasPhoto: Number(has_photo) === 1,
    hasPrice: card.price_vnd !== null,
    publishedAt: Number(published_at ?? 0),
    card,
  };
}

/**
 * The facets of a search whose hits are more than the cap: no numbers, as a scan past the cap
 * gives them (search/facets.ts, countScan); certifications only when they can be checked (`today`).
 */
function pastTheCap(options: ProductListOptions, stars: number | undefined): ProductFacets | undefined {
  if (!options.facets) return undefined;
  const capped: FacetCounts = { counts: {}, isCapped: true };
  return toProductFacets(
    {
      province: capped,
      group: capped,
      stars: capped,
      ...(options.today === undefined ? {} : { certification: capped }),
    },
    stars,
  );
}

/**
 * The candidates with the description and the rest (cooperative, commune,
 * former and current province, named from the reference list) of those a query
 * word is not in the name of (needsOtherFields), read in one statement;
 * descriptions cut, as the words that matter come early.
 */
async function withOtherFields<T extends RankCandidate>(
  db: Database,
  words: QueryWords,
  candidates: T[],
): Promise<T[]> {
  const ids = candidates.filter((candidate) => needsOtherFields(words, candidate)).map((candidate) => candidate.id);
  if (ids.length === 0) return candidates;
  const rows = await db.all<OtherFieldsRow>(sql`
    SELECT p.id, substr(coalesce(p.description_vi, ''), 1, 800) AS description_vi,
      substr(coalesce(p.description_en, ''), 1, 800) AS description_en,
      p.commune, p.origin_formerly, c.name AS cooperative_name, p.province_code
    FROM json_each(${JSON.stringify(ids)}) wanted
    CROSS JOIN products p ON p.id = wanted.value
    JOIN cooperatives c ON c.id = p.cooperative_id`);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return candidates.map((candidate) => {
    const row = byId.get(candidate.id);
    if (!row) return candidate;
    const province = provinceByCode(row.province_code);
    return {
      ...candidate,
      description: `${row.description_vi} ${row.description_en}`,
      other: [row.cooperative_name, row.commune, row.origin_formerly, province.nameVi, province.nameEn]
        .filter(Boolean)
        .join(' '),
    };
  });
}

interface OtherFieldsRow {
  id: string;
  description_vi: string;
  description_en: string;
  commune: string | null;
  origin_formerly: string | null;
  cooperative_name: string;
  province_code: string;
}

/**
 * A query that was only a place name: products whose origin carries the
 * former province's name first (a "Hà Giang" search wants Hà Giang's own),
 * then the best rated, then the newest.
 */
function placeOrder(formerly: string | null): SQL {
  const origin = formerly === null ? sql`` : sql`(instr(coalesce(p.origin_formerly, ''), ${formerly}) > 0) DESC, `;
  return sql`${origin}${ORDER_BY.stars}`;
}

function placeSearched(place: Place | null): PlaceSearched | null {
  if (!place) return null;
  const { code, slug, nameVi, nameEn } = provinceByCode(place.provinceCode);
  return { province: { code, slug, nameVi, nameEn }, formerly: place.formerly };
}
