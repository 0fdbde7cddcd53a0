/**
 * The public product list: full-text search, filters, sorting and pages, in
 * one query for the rows and one bounded query for the count.
 *
 * Ranking with words: FTS5's bm25 with names weighted so that products whose
 * *name* matches come before those matching only elsewhere (see rankedHits).
 * Without words, the chosen sort (newest by default) walks an index.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { ftsMatchExpression, searchTokens } from '../search/fold';
import { countCapped, fetchListPage, type ListPage, relevanceOrder, resolveSlugFilters } from '../search/list-query';
import type { ProductCard } from './card';
import { PRODUCT_CARD_COLUMNS, type ProductCardRow, toProductCard } from './card-queries';
import { effectiveSort, PAGE_SIZE, type ProductFilters, type ProductSort } from './product-filters';

export type ProductListPage = ListPage<ProductCard, ProductSort>;

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

export async function listProducts(
  db: Database,
  filters: ProductFilters,
  /** `today` (YYYY-MM-DD in Viet Nam) decides which certificates are valid; `count: false` skips the count. */
  options: { today?: string; count?: boolean },
): Promise<ProductListPage> {
  const tokens = searchTokens(filters.q ?? '');
  const sort = effectiveSort(filters, tokens.length > 0);
  const limit = filters.limit ?? PAGE_SIZE;
  const page = filters.page ?? 1;
  const offset = (page - 1) * limit;
  const { province: provinceCode, cooperative: cooperativeId } = await resolveSlugFilters(db, {
    province: filters.province,
    cooperative: filters.cooperative,
  });

  // Planner hints (unary +): without table statistics SQLite may start from the
  // cooperatives or from the broad stars range and scan a national catalogue.
  // Products are walked by their own selective indexes; each row's cooperative
  // is then looked up by key; the stars filter is placed by starsCondition.
  const narrowed = Boolean(provinceCode || cooperativeId || filters.group);
  const where: SQL[] = [sql`+c.status = 'active'`];
  if (provinceCode) where.push(sql`p.province_code = ${provinceCode}`);
  if (cooperativeId) where.push(sql`p.cooperative_id = ${cooperativeId}`);
  if (filters.group) where.push(sql`p.ocop_group = ${filters.group}`);
  // The one cooperative-side filter that may drive the plan: a rare kind is best found from cooperatives_kind_idx.
  if (filters.cooperativeKind) where.push(sql`c.kind = ${filters.cooperativeKind}`);
  if (filters.minPrice !== undefined) where.push(sql`p.price_vnd >= ${filters.minPrice}`);
  if (filters.maxPrice !== undefined) where.push(sql`p.price_vnd <= ${filters.maxPrice}`);
  if (filters.certification) {
    if (!options.today) throw new Error('listProducts: the certification filter needs options.today');
    // A certificate of the product itself, or of the whole cooperative, valid today. Two
    // EXISTS rather than one OR, so each probes its own index instead of scanning a kind.
    // Only a verified certificate counts (src/server/claims/public-claims.ts).
    const validToday = sql`cert.verification = 'verified' AND cert.valid_from <= ${options.today}
      AND (cert.valid_until IS NULL OR cert.valid_until >= ${options.today})`;
    where.push(sql`(EXISTS (SELECT 1 FROM certifications cert INDEXED BY certifications_product_idx
        WHERE cert.product_id = p.id AND cert.kind = ${filters.certification} AND ${validToday})
      OR EXISTS (SELECT 1 FROM certifications cert INDEXED BY certifications_cooperative_idx
        WHERE cert.cooperative_id = p.cooperative_id AND cert.product_id IS NULL
          AND cert.kind = ${filters.certification} AND ${validToday}))`);
  }
  const onlySearch = where.length === 1 && !filters.stars;
  const withStars = (counting: boolean) =>
    filters.stars ? [...where, starsCondition(filters.stars, { narrowed, sort, counting })] : where;

  const match = ftsMatchExpression(tokens);
  // Start from the hits and join products by key. CROSS JOIN pins that order: flattened,
  // SQLite may otherwise walk every product and re-run the full-text match for each one.
  // `counting`: a count reads every match, so when a narrower filter exists the status
  // index (which would walk the whole published catalogue) is taken out of the planner's choice.
  // Counting needs no province names: every product has its province (a foreign key), and
  // without that join the unfiltered count reads products_status_cooperative_idx alone.
  const from = (
    hits: SQL | null,
    counting = false,
  ) => sql`FROM ${hits === null ? sql`products p` : sql`${hits} hit CROSS JOIN products p ON p.id = hit.id`}
    JOIN cooperatives c ON c.id = p.cooperative_id
    ${counting ? sql`` : sql`JOIN provinces pr ON pr.code = p.province_code`}
    WHERE ${counting && narrowed ? sql`+p.status = 'published'` : sql`p.status = 'published'`}
      AND ${sql.join(withStars(counting), sql` AND `)}`;
  const rows = (hits: SQL | null) =>
    db.all<ProductCardRow>(sql`
      SELECT ${PRODUCT_CARD_COLUMNS}
      ${from(hits)}
      ORDER BY ${sort === 'relevance' ? relevanceOrder(sql`p.id`) : ORDER_BY[sort]}
      LIMIT ${limit} OFFSET ${offset}`);

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
    count: options.count === false ? undefined : (hits) => countCapped(db, from(hits, true)),
  });
  return { ...found, items: found.items.map(toProductCard), page, limit, sort };
}
