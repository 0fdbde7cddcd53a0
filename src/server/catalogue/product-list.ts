/**
 * The public product list: full-text search, filters, sorting and pages, in
 * one query for the rows and one bounded query for the count.
 *
 * Ranking with words: products whose *name* has every word come first, then
 * the rest; inside each tier, FTS5's bm25 with the name column weighted 10:1.
 * Without words, the chosen sort (newest by default) walks an index.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { ftsMatchExpression, searchTokens } from '../search/fold';
import { countCapped, type ListPage, resolveSlugFilters } from '../search/list-query';
import type { ProductCard } from './card';
import { effectiveSort, PAGE_SIZE, type ProductFilters, type ProductSort } from './product-filters';

/** bm25 weights of (search_name, search_body); product_id is unindexed. */
const BM25_WEIGHTS = sql.raw('0.0, 10.0, 1.0');

export type ProductListPage = ListPage<ProductCard, ProductSort>;

interface ProductCardRow {
  id: string;
  slug: string;
  name_vi: string;
  name_en: string;
  ocop_group: ProductCard['ocopGroup'];
  ocop_stars: number | null;
  price_vnd: number | null;
  unit_vi: string;
  unit_en: string;
  images: string;
  cooperative_name: string;
  cooperative_slug: string;
  province_name_vi: string;
  province_name_en: string;
}

function toProductCard(row: ProductCardRow): ProductCard {
  const images = JSON.parse(row.images) as string[];
  return {
    id: row.id,
    slug: row.slug,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    ocopGroup: row.ocop_group,
    ocopStars: row.ocop_stars === null ? null : Number(row.ocop_stars),
    priceVnd: row.price_vnd === null ? null : Number(row.price_vnd),
    unitVi: row.unit_vi,
    unitEn: row.unit_en,
    image: images[0] ?? null,
    cooperativeName: row.cooperative_name,
    cooperativeSlug: row.cooperative_slug,
    provinceNameVi: row.province_name_vi,
    provinceNameEn: row.province_name_en,
  };
}

const ORDER_BY: Record<Exclude<ProductSort, 'relevance'>, SQL> = {
  newest: sql`p.published_at DESC, p.id`,
  stars: sql`p.ocop_stars DESC NULLS LAST, p.published_at DESC, p.id`,
  price_asc: sql`p.price_vnd ASC NULLS LAST, p.id`,
  price_desc: sql`p.price_vnd DESC NULLS LAST, p.id`,
};

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
  // is then looked up by key, and stars are checked per row when a narrower filter exists.
  const narrowed = Boolean(provinceCode || cooperativeId || filters.group);
  const where: SQL[] = [sql`p.status = 'published'`, sql`+c.status = 'active'`];
  if (provinceCode) where.push(sql`p.province_code = ${provinceCode}`);
  if (cooperativeId) where.push(sql`p.cooperative_id = ${cooperativeId}`);
  if (filters.group) where.push(sql`p.ocop_group = ${filters.group}`);
  if (filters.stars) where.push(narrowed ? sql`+p.ocop_stars >= ${filters.stars}` : sql`p.ocop_stars >= ${filters.stars}`);
  // The one cooperative-side filter that may drive the plan: a rare kind is best found from cooperatives_kind_idx.
  if (filters.cooperativeKind) where.push(sql`c.kind = ${filters.cooperativeKind}`);
  if (filters.minPrice !== undefined) where.push(sql`p.price_vnd >= ${filters.minPrice}`);
  if (filters.maxPrice !== undefined) where.push(sql`p.price_vnd <= ${filters.maxPrice}`);
  if (filters.certification) {
    if (!options.today) throw new Error('listProducts: the certification filter needs options.today');
    // A certificate of the product itself, or of the whole cooperative, valid today. Two
    // EXISTS rather than one OR, so each probes its own index instead of scanning a kind.
    const validToday = sql`cert.valid_from <= ${options.today} AND (cert.valid_until IS NULL OR cert.valid_until >= ${options.today})`;
    where.push(sql`(EXISTS (SELECT 1 FROM certifications cert INDEXED BY certifications_product_idx
        WHERE cert.product_id = p.id AND cert.kind = ${filters.certification} AND ${validToday})
      OR EXISTS (SELECT 1 FROM certifications cert INDEXED BY certifications_cooperative_idx
        WHERE cert.cooperative_id = p.cooperative_id AND cert.product_id IS NULL
          AND cert.kind = ${filters.certification} AND ${validToday}))`);
  }
  const onlySearch = where.length === 2;

  const match = ftsMatchExpression(tokens);
  /** Hits in relevance order: name matches first, then bm25; cut at `cap` rows when given. */
  const rankedHits = (cap?: number) => sql`(
    SELECT product_id,
           product_id IN (SELECT product_id FROM products_fts
                          WHERE products_fts MATCH ${ftsMatchExpression(tokens, 'search_name')}) AS in_name,
           bm25(products_fts, ${BM25_WEIGHTS}) AS score
    FROM products_fts WHERE products_fts MATCH ${match}
    ${cap === undefined ? sql`` : sql`ORDER BY in_name DESC, score LIMIT ${cap}`})`;
  const plainHits = sql`(SELECT product_id FROM products_fts WHERE products_fts MATCH ${match})`;
  // Start from the hits and join products by key. CROSS JOIN pins that order: flattened,
  // SQLite may otherwise walk every product and re-run the full-text match for each one.
  const from = (hits: SQL | null) => sql`FROM ${hits === null ? sql`products p` : sql`${hits} hit CROSS JOIN products p ON p.id = hit.product_id`}
    JOIN cooperatives c ON c.id = p.cooperative_id
    JOIN provinces pr ON pr.code = p.province_code
    WHERE ${sql.join(where, sql` AND `)}`;
  const rows = (hits: SQL | null) =>
    db.all<ProductCardRow>(sql`
      SELECT p.id, p.slug, p.name_vi, p.name_en, p.ocop_group, p.ocop_stars, p.price_vnd,
             p.unit_vi, p.unit_en, p.images,
             c.name AS cooperative_name, c.slug AS cooperative_slug,
             pr.name_vi AS province_name_vi, pr.name_en AS province_name_en
      ${from(hits)}
      ORDER BY ${sort === 'relevance' ? sql`hit.in_name DESC, hit.score, p.id` : ORDER_BY[sort]}
      LIMIT ${limit} OFFSET ${offset}`);

  // A search with nothing but words ranks inside the index and joins only the
  // rows this page needs, plus a margin for hits that are not public.
  const fastCap = offset + limit + 100;
  const rowsHits = tokens.length === 0 ? null : sort !== 'relevance' ? plainHits : rankedHits(onlySearch ? fastCap : undefined);
  const counting = options.count === false ? { total: 0, totalIsCapped: false } : countCapped(db, from(tokens.length === 0 ? null : plainHits));
  let [items, counted] = await Promise.all([rows(rowsHits), counting]);
  if (sort === 'relevance' && onlySearch && items.length < limit && counted.total > offset + items.length) {
    // More than the margin of hits were not public: rank them all after all.
    items = await rows(rankedHits());
  }
  return { items: items.map(toProductCard), ...counted, page, limit, sort };
}
