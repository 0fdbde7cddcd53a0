/**
 * The one Drizzle schema of Chợ HTX. Every change here is followed by
 * `npm run db:generate`, which writes a new SQL migration into migrations/.
 *
 * Conventions (docs/ARCHITECTURE.md):
 * - public IDs are opaque random strings (see ./ids.ts), never row numbers;
 * - instants are UTC epoch milliseconds (`timestamp_ms`); calendar dates that
 *   have no time of day (a decision date, a best-before) are 'YYYY-MM-DD' text
 *   read as dates in Asia/Ho_Chi_Minh;
 * - money is whole VND in an integer column.
 */
import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { USER_ROLES } from '../accounts/vocabulary';
import {
  CERTIFICATION_KINDS,
  OCOP_GROUPS,
  OCOP_LEVELS,
  OCOP_RATING_STATUSES,
  PRODUCT_STATUSES,
} from '../products/vocabulary';
import {
  COOPERATIVE_CLASSIFICATIONS,
  COOPERATIVE_KINDS,
  COOPERATIVE_SECTORS,
  COOPERATIVE_STATUSES,
  VALUE_CHAIN_ROLES,
} from '../cooperatives/vocabulary';
import { REVISION_ENTITY_TYPES, REVISION_STATUSES } from '../moderation/vocabulary';
import { EVENT_KINDS, EVENT_STATUSES, REGISTRATION_STATUSES } from '../events/vocabulary';
import {
  INQUIRY_MESSAGE_AUTHORS,
  INQUIRY_NOTIFICATION_KINDS,
  INQUIRY_NOTIFICATION_STATUSES,
  INQUIRY_SOURCE_KINDS,
  INQUIRY_STATUSES,
} from '../inquiries/vocabulary';
import { LAB_RESULTS, type LabTestKind, PROVENANCE_ACTOR_KINDS, PROVENANCE_STEP_KINDS } from '../provenance/vocabulary';
import type { StoredImage } from '../media/stored-image';
import type { PriceTier } from '../products/wholesale';
import type { SnapshotFigures } from '../stats/snapshots';
import { TARGET_METRICS } from '../targets/vocabulary';
import { CLAIM_KINDS, CLAIM_STATES, EVIDENCE_TYPES } from '../claims/vocabulary';
import type {
  VerifiedCertificateVersion,
  VerifiedLabReportVersion,
  VerifiedRatingVersion,
} from '../claims/verified-version';
import { DELIVERY_MODES, NOTIFICATION_KINDS, NOTIFICATION_STATUSES, OUTBOX_KINDS } from '../notifications/vocabulary';
import { PRIVACY_REQUEST_STATUSES, PRIVACY_REQUEST_SUBJECTS } from '../privacy/vocabulary';
import { IMPORT_KINDS, IMPORT_STATUSES } from '../imports/vocabulary';
import { RENAMABLE_KINDS } from '../slug-history/vocabulary';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
const updatedAt = () =>
  integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/** The trailing columns of the searchable catalogue records (cooperatives, products). */
const searchableRecordColumns = () => ({
  /** Folded text for the full-text index (src/server/search/search-text.ts); written with the row. */
  searchName: text('search_name').notNull().default(''),
  searchBody: text('search_body').notNull().default(''),
  /** Marks rows created by the demo seed, so the UI can say so and a re-seed can find them. */
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  /**
   * The row's rowid in the full-text index (products_fts, cooperatives_fts), set by the
   * index's insert trigger (migrations/0045_search_keys.sql): search hits find their row by it,
   * and a rewrite or a delete finds the row's entry in the index by it. A cooperative's never
   * changes; a product's sorts as the ranking rules break ties (stars, completeness, date) and
   * moves when those do (migrations/0051_search_key_order.sql).
   */
  searchKey: integer('search_key'),
});

/** The 34 provincial units in force since 1 July 2025 (Resolution 202/2025/QH15). */
export const provinces = sqliteTable(
  'provinces',
  {
    /** Two-digit code of the General Statistics Office. */
    code: text('code').primaryKey(),
    slug: text('slug').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: ['city', 'province'] }).notNull(),
    region: text('region').notNull(),
    /** Pre-2025 provinces merged into this one, JSON array of names: search and "formerly" labels. */
    formedFrom: text('formed_from', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    /** Administrative centre (seat of the provincial people's committee). */
    seat: text('seat').notNull(),
  },
  (t) => [uniqueIndex('provinces_slug_unique').on(t.slug)],
);

export const cooperatives = sqliteTable(
  'cooperatives',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    kind: text('kind', { enum: COOPERATIVE_KINDS }).notNull(),
    name: text('name').notNull(),
    /** Registration number (mã số HTX), also the tax code for most cooperatives. */
    registrationCode: text('registration_code').notNull(),
    foundedYear: integer('founded_year').notNull(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    commune: text('commune').notNull(),
    address: text('address').notNull(),
    /**
     * Where the cooperative is (WGS 84 degrees), both or neither; inside Viet Nam
     * (src/server/cooperatives/location.ts). Without one, the map places it at its
     * province's seat and says the place is approximate.
     */
    latitude: real('latitude'),
    longitude: real('longitude'),
    sector: text('sector', { enum: COOPERATIVE_SECTORS }).notNull(),
    members: integer('members').notNull(),
    classification: text('classification', { enum: COOPERATIVE_CLASSIFICATIONS }),
    classificationYear: integer('classification_year'),
    descriptionVi: text('description_vi').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    zalo: text('zalo'),
    logoUrl: text('logo_url'),
    images: text('images', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    verified: integer('verified', { mode: 'boolean' }).notNull().default(false),
    verifiedAt: integer('verified_at', { mode: 'timestamp_ms' }),
    verificationEvidence: text('verification_evidence'),
    status: text('status', { enum: COOPERATIVE_STATUSES }).notNull().default('active'),
    statusReason: text('status_reason'),
    /**
     * How many of its products are published: kept by triggers on products (migration 0048, one
     * added or taken away on every write that changes it), so the orders by it ("most products
     * first": a province page, the directory's "products" sort) walk an index instead of counting
     * each cooperative's products.
     */
    publishedProducts: integer('published_products').notNull().default(0),
    ...searchableRecordColumns(),
  },
  (t) => [
    uniqueIndex('cooperatives_slug_unique').on(t.slug),
    // "Most products first", then by name, in a province and nationally: a page of it is a range of
    // these indexes (a province page ranked Bắc Ninh's 1,470 cooperatives by counting, 10,000 rows).
    index('cooperatives_province_products_idx').on(
      t.provinceCode,
      t.status,
      sql`${t.publishedProducts} DESC`,
      t.searchName,
      t.id,
    ),
    index('cooperatives_status_products_idx').on(t.status, sql`${t.publishedProducts} DESC`, t.searchName, t.id),
    uniqueIndex('cooperatives_registration_code_unique').on(t.registrationCode),
    // Name last: a province's directory (the API's default, by name) reads one page of it in order, not
    // every active cooperative through cooperatives_status_name_idx (1,371 rows for a page at 50,000).
    // With the id, the tiebreak of that order: a page's ids are found in this index alone (no sort,
    // no table row for the rows an OFFSET skips; migration 0047).
    index('cooperatives_province_idx').on(t.provinceCode, t.status, t.searchName, t.id),
    index('cooperatives_kind_idx').on(t.kind, t.status),
    index('cooperatives_sector_idx').on(t.sector, t.status),
    index('cooperatives_classification_idx').on(t.classification, t.status),
    // The directory's default order (by folded name, then id) without a sort per request; with the
    // id, a page's ids come from this index alone (the deferred join of directory.ts, migration 0047).
    index('cooperatives_status_name_idx').on(t.status, t.searchName, t.id),
    // Covers the statistics' one pass over active cooperatives (src/server/stats), nationally or per
    // province; with the id, the per-cooperative EXISTS probes need not read the table either.
    index('cooperatives_stats_idx').on(t.status, t.provinceCode, t.kind, t.sector, t.classification, t.id),
    // The console's count of active cooperatives not yet verified: a range of this index, not a
    // walk of every active cooperative's row (about 250 ms at 50,000; src/server/stats/console-statistics.ts).
    index('cooperatives_status_verified_idx').on(t.status, t.verified),
    // A cooperative's status by its id from the index alone: the list's counts and facets check each
    // product's cooperative is active, up to FACET_SCAN_CAP times a scan (src/server/products/product-list.ts).
    index('cooperatives_id_status_idx').on(t.id, t.status),
    // Search hits by their full-text rowid, with what the directory's scan counts (its total and
    // facets) from the index alone (src/server/cooperatives/directory.ts).
    index('cooperatives_search_key_idx').on(
      t.searchKey,
      t.status,
      t.provinceCode,
      t.kind,
      t.sector,
      t.classification,
      t.id,
    ),
    // Partial: answers "is there demo data?" without scanning a real catalogue.
    index('cooperatives_demo_idx')
      .on(t.isDemo)
      .where(sql`${t.isDemo} = 1`),
    check('cooperatives_members_nonnegative', sql`${t.members} >= 0`),
  ],
);

/** Links in a value chain (liên kết chuỗi): who the cooperative buys from, sells to, processes for. */
export const valueChainLinks = sqliteTable(
  'value_chain_links',
  {
    id: text('id').primaryKey(),
    cooperativeId: text('cooperative_id')
      .notNull()
      .references(() => cooperatives.id, { onDelete: 'cascade' }),
    partnerName: text('partner_name').notNull(),
    role: text('role', { enum: VALUE_CHAIN_ROLES }).notNull(),
    since: integer('since_year'),
  },
  (t) => [index('value_chain_links_cooperative_idx').on(t.cooperativeId)],
);

export const products = sqliteTable(
  'products',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    cooperativeId: text('cooperative_id')
      .notNull()
      .references(() => cooperatives.id),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull().default(''),
    descriptionVi: text('description_vi').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    ocopGroup: text('ocop_group', { enum: OCOP_GROUPS }).notNull(),
    /**
     * Stars of the product's current valid, unrevoked OCOP rating (null when
     * none), so lists can filter and sort on an index. Recomputed from
     * ocop_ratings by refreshOcopStars after writes and daily (src/server/products/ocop-stars.ts).
     */
    ocopStars: integer('ocop_stars'),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    commune: text('commune'),
    /** Historic origin name kept by geographic indications, e.g. "Lục Ngạn, Bắc Giang". */
    originFormerly: text('origin_formerly'),
    /** GTIN-8/12/13/14 stored as 14 digits (left-padded), null when the product has none. */
    gtin: text('gtin'),
    /** Short trace code for the /truy-xuat/{code} path, for products without a GTIN. */
    traceCode: text('trace_code').notNull(),
    /**
     * The cooperative's own product code (its SKU, as in its books), unique within the
     * cooperative, null when it keeps none; what its registers match products on besides GTIN.
     */
    sku: text('sku'),
    priceVnd: integer('price_vnd'),
    unitVi: text('unit_vi').notNull(),
    unitEn: text('unit_en').notNull(),
    minOrder: integer('min_order').notNull().default(1),
    seasonVi: text('season_vi'),
    seasonEn: text('season_en'),
    /*
     * Wholesale and export terms, all optional (src/server/products/wholesale.ts): quantities in the
     * product's own unit, so tiers compare with price_vnd and across products.
     */
    wholesaleMinOrder: integer('wholesale_min_order'),
    /** Ascending quantity, non-increasing price: [{ minQuantity, priceVnd }]. */
    priceTiers: text('price_tiers', { mode: 'json' })
      .$type<PriceTier[]>()
      .notNull()
      .default(sql`'[]'`),
    leadTimeDays: integer('lead_time_days'),
    monthlyCapacity: integer('monthly_capacity'),
    packagingVi: text('packaging_vi'),
    packagingEn: text('packaging_en'),
    shelfLifeDays: integer('shelf_life_days'),
    storageVi: text('storage_vi'),
    storageEn: text('storage_en'),
    /** ISO 3166-1 alpha-2 codes, sorted; '[]' when none. */
    exportMarkets: text('export_markets', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    /** Digits only (4, 6, 8 or 10), dots are put back when shown. */
    hsCode: text('hs_code'),
    /** Uploaded photos in display order, the first on cards (src/server/media/stored-image.ts). */
    images: text('images', { mode: 'json' })
      .$type<StoredImage[]>()
      .notNull()
      .default(sql`'[]'`),
    status: text('status', { enum: PRODUCT_STATUSES }).notNull().default('draft'),
    rejectionReason: text('rejection_reason'),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    ...searchableRecordColumns(),
  },
  (t) => [
    uniqueIndex('products_slug_unique').on(t.slug),
    uniqueIndex('products_gtin_unique').on(t.gtin),
    uniqueIndex('products_trace_code_unique').on(t.traceCode),
    uniqueIndex('products_cooperative_sku_unique').on(t.cooperativeId, t.sku),
    index('products_cooperative_idx').on(t.cooperativeId, t.status),
    // The list's newest-first order exactly (date descending, then id): a page's ids and each one's
    // cooperative come from this index alone, without a sort of each date's ties (the deferred join
    // of product-list.ts, migration 0047).
    index('products_status_published_idx').on(t.status, sql`${t.publishedAt} DESC`, t.id, t.cooperativeId),
    // Stars then date: the "best rated" order (stars, newest first) and "only 5 stars, newest first" read in index order.
    index('products_status_stars_idx').on(t.status, t.ocopStars, t.publishedAt),
    // Covers the capped count of the unfiltered list: each published product's cooperative without reading the product.
    index('products_status_cooperative_idx').on(t.status, t.cooperativeId),
    // Stars then date: a province's best products (its page) read in index order, not sorted
    // from the whole province; its counts still read only the (province, status) range, and with
    // each product's cooperative, count only public products without a table row (migration 0047).
    index('products_province_idx').on(t.provinceCode, t.status, t.ocopStars, t.publishedAt, t.cooperativeId),
    index('products_group_idx').on(t.ocopGroup, t.status),
    // Province and group together is the most common filter pair; without statistics SQLite
    // cannot tell which single-column index is narrower, with this one it needs not guess.
    // Price last: that pair sorted by price reads one page of its range in order, where it
    // walked products_price_idx over every published product (issue 23, "product filter").
    index('products_province_group_idx').on(t.provinceCode, t.ocopGroup, t.status, t.priceVnd),
    index('products_price_idx').on(t.status, t.priceVnd),
    // Covers OCOP counts by group and stars without reading 200,000 rows (src/server/stats). Not the
    // cooperative too: SQLite (with no statistics) then preferred this covering index over
    // products_status_cooperative_idx for "this cooperative's published products", scanning every
    // published product per cooperative (a former unit's figures: 25 ms → 5 s at 200,000).
    index('products_stats_idx').on(t.status, t.provinceCode, t.ocopGroup, t.ocopStars),
    // Everything a facet count reads of a product (src/server/products/product-list.ts, INDEXED BY
    // there), led by the id: no query seeks on a product's id for more than one row, so none is
    // drawn to this index the way a covering (status, …, cooperative) index drew "a cooperative's
    // published products" (see products_stats_idx).
    index('products_facets_idx').on(t.id, t.status, t.provinceCode, t.ocopGroup, t.ocopStars, t.cooperativeId),
    // Search hits by their full-text rowid: what a search's scan counts (its total and facets)
    // from the index alone, and the way to the table row for its page (src/server/products/product-list.ts).
    index('products_search_key_idx').on(
      t.searchKey,
      t.status,
      t.provinceCode,
      t.ocopGroup,
      t.ocopStars,
      t.cooperativeId,
      t.id,
    ),
    check('products_price_nonnegative', sql`${t.priceVnd} IS NULL OR ${t.priceVnd} >= 0`),
    check('products_min_order_positive', sql`${t.minOrder} >= 1`),
    check('products_stars_range', sql`${t.ocopStars} IS NULL OR ${t.ocopStars} BETWEEN 3 AND 5`),
  ],
);

/**
 * The trade department's review of a claim (an OCOP rating, a certificate, a lab report),
 * src/server/claims. The verifier and decider are user ids without a foreign
 * key: the demo seed writes claims before the accounts exist, and the audit
 * entry of each decision (which has one) is the record of who decided.
 */
const claimReviewColumns = <Version>() => ({
  /** src/server/claims/vocabulary.ts#CLAIM_STATES; new rows wait for an officer. */
  verification: text('verification', { enum: CLAIM_STATES }).notNull().default('pending'),
  /** When the claim last entered the queue (declared or changed); the queue is oldest first. */
  submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
  /** The officer who last verified it and when: what the public reads as "verified by … on …". */
  verifiedBy: text('verified_by'),
  verifiedAt: integer('verified_at', { mode: 'timestamp_ms' }),
  /** The last decision (verify, reject, ask for evidence, revoke): who, when, and the reason given. */
  decidedBy: text('decided_by'),
  decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
  decisionReason: text('decision_reason'),
  /**
   * The evidence file in the MEDIA bucket (src/server/claims/evidence.ts): its key, the type
   * recognised from its bytes, and whether the cooperative lets the public download it once the
   * claim is verified (owner members and officers always may).
   */
  evidenceKey: text('evidence_key'),
  evidenceType: text('evidence_type', { enum: EVIDENCE_TYPES }),
  evidencePublic: integer('evidence_public', { mode: 'boolean' }).notNull().default(false),
  /**
   * The last version an officer verified, what public pages, filters and stars read
   * (src/server/claims/verified-version.ts); null until the claim is first verified. It
   * outlives an edit (which sends the claim back to `pending`) until an officer decides it.
   */
  lastVerified: text('last_verified', { mode: 'json' }).$type<Version>(),
  /**
   * When an officer revoked the verified version, and why: what public pages show of it
   * ("thu hồi ngày …: lý do"; src/server/claims/public-claims.ts). Set whether the claim itself
   * was verified (it becomes `revoked`) or had an edit waiting (which stays in the queue; verifying
   * that edit later makes it the public version and clears these). Kept apart from the last
   * decision's columns, which a later decision on the edit overwrites.
   */
  revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  revokedReason: text('revoked_reason'),
  /**
   * Counts every write to the claim, the cooperative's edits and the officers' decisions alike
   * (src/server/claims/claim-version.ts): each write is made only at the revision its author saw,
   * so an edit and a decision racing each other cannot both land.
   */
  revision: integer('revision').notNull().default(0),
});

/** OCOP ratings, history kept: a product is re-rated every 36 months. */
export const ocopRatings = sqliteTable(
  'ocop_ratings',
  {
    id: text('id').primaryKey(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    stars: integer('stars').notNull(),
    level: text('level', { enum: OCOP_LEVELS }).notNull(),
    decisionNumber: text('decision_number').notNull(),
    /** Date of the recognition decision; the rating is valid for 36 months from it. */
    decisionDate: text('decision_date').notNull(),
    status: text('status', { enum: OCOP_RATING_STATUSES }).notNull().default('active'),
    createdAt: createdAt(),
    ...claimReviewColumns<VerifiedRatingVersion>(),
  },
  (t) => [
    index('ocop_ratings_product_idx').on(t.productId, t.decisionDate),
    index('ocop_ratings_verification_idx').on(t.verification, t.submittedAt),
    check('ocop_ratings_stars_range', sql`${t.stars} BETWEEN 3 AND 5`),
  ],
);

/** VietGAP, GlobalGAP, organic, HACCP, ISO 22000, geographic indication, collective trademark. */
export const certifications = sqliteTable(
  'certifications',
  {
    id: text('id').primaryKey(),
    /** A certificate belongs to a product, or to the whole cooperative when productId is null. */
    productId: text('product_id').references(() => products.id, { onDelete: 'cascade' }),
    cooperativeId: text('cooperative_id')
      .notNull()
      .references(() => cooperatives.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CERTIFICATION_KINDS }).notNull(),
    number: text('number').notNull(),
    issuer: text('issuer').notNull(),
    validFrom: text('valid_from').notNull(),
    /** Null for certificates without an end date (a geographic indication is indefinite). */
    validUntil: text('valid_until'),
    evidenceUrl: text('evidence_url'),
    createdAt: createdAt(),
    ...claimReviewColumns<VerifiedCertificateVersion>(),
  },
  (t) => [
    index('certifications_verification_idx').on(t.verification, t.submittedAt),
    index('certifications_product_idx').on(t.productId, t.kind),
    index('certifications_cooperative_idx').on(t.cooperativeId),
    index('certifications_kind_idx').on(t.kind, t.productId),
    // The product list's certification filter probes a product's, then its cooperative's own,
    // certificates of the verified kind (src/server/products/product-list.ts, certifiedCondition):
    // with the kind in the index, only a certificate of that kind is read, not every one of the
    // product's or cooperative's. The expression is verifiedField's, which SQLite matches exactly.
    index('certifications_product_verified_kind_idx').on(t.productId, sql`json_extract(${t.lastVerified}, '$.kind')`),
    index('certifications_cooperative_verified_kind_idx')
      .on(t.cooperativeId, sql`json_extract(${t.lastVerified}, '$.kind')`)
      .where(sql`${t.productId} IS NULL`),
    check('certifications_validity_order', sql`${t.validUntil} IS NULL OR ${t.validUntil} >= ${t.validFrom}`),
  ],
);

/**
 * Derived, never written by the app: the certificates each product holds, its own or its whole
 * cooperative's, whose verified version is not revoked, with that version's kind and dates (what
 * certificateCountsOn reads, src/server/claims/public-claims.ts). Kept by triggers on
 * certifications and products (migrations/0049_product_certificates.sql); rebuilt once after a
 * bulk load (rebuildProductCertificates). Keyed by the product's search_key, a full-text hit's
 * rowid: a search filtered by certification tests each hit with one seek in
 * product_certificates_held_idx (kind and dates in the index), before reading its row
 * (src/server/products/product-list.ts, certifiedCondition).
 */
export const productCertificates = sqliteTable(
  'product_certificates',
  {
    certificationId: text('certification_id').notNull(),
    searchKey: integer('search_key').notNull(),
    kind: text('kind', { enum: CERTIFICATION_KINDS }).notNull(),
    validFrom: text('valid_from').notNull(),
    validUntil: text('valid_until'),
  },
  (t) => [
    primaryKey({ columns: [t.certificationId, t.searchKey] }),
    index('product_certificates_held_idx').on(t.searchKey, t.kind, t.validFrom, t.validUntil),
  ],
);

export const batches = sqliteTable(
  'batches',
  {
    id: text('id').primaryKey(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    /** GS1 AI (10) batch/lot: up to 20 characters of the GS1 AI encodable set. */
    lotCode: text('lot_code').notNull(),
    productionDate: text('production_date').notNull(),
    bestBefore: text('best_before'),
    quantity: real('quantity').notNull(),
    quantityUnit: text('quantity_unit').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('batches_product_lot_unique').on(t.productId, t.lotCode),
    index('batches_product_date_idx').on(t.productId, t.productionDate),
    check('batches_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

/**
 * A lab report of one batch (a "phiếu kết quả thử nghiệm"): a claim like a
 * certificate (src/server/claims), declared by the batch's cooperative with
 * its evidence file and public on the batch's trace page once an officer
 * verified it. The cooperative is kept beside the batch so evidence access
 * and the queue need not walk batch -> product -> cooperative.
 */
export const labReports = sqliteTable(
  'lab_reports',
  {
    id: text('id').primaryKey(),
    batchId: text('batch_id')
      .notNull()
      .references(() => batches.id, { onDelete: 'cascade' }),
    cooperativeId: text('cooperative_id')
      .notNull()
      .references(() => cooperatives.id, { onDelete: 'cascade' }),
    /** The testing laboratory, as its report names it. */
    lab: text('lab').notNull(),
    reportNumber: text('report_number').notNull(),
    /** The day the lab issued its results (not in the future). */
    reportedOn: text('reported_on').notNull(),
    /** What was tested (src/server/provenance/vocabulary.ts#LAB_TEST_KINDS), at least one. */
    tests: text('tests', { mode: 'json' }).notNull().$type<LabTestKind[]>(),
    result: text('result', { enum: LAB_RESULTS }).notNull(),
    /** The findings in the cooperative's words ("không phát hiện dư lượng trong 52 hoạt chất"). */
    summary: text('summary').notNull(),
    createdAt: createdAt(),
    ...claimReviewColumns<VerifiedLabReportVersion>(),
  },
  (t) => [
    index('lab_reports_batch_idx').on(t.batchId, t.reportedOn),
    index('lab_reports_verification_idx').on(t.verification, t.submittedAt),
  ],
);

/** The ordered provenance timeline of a batch. */
export const provenanceSteps = sqliteTable(
  'provenance_steps',
  {
    id: text('id').primaryKey(),
    batchId: text('batch_id')
      .notNull()
      .references(() => batches.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: PROVENANCE_STEP_KINDS }).notNull(),
    occurredAt: integer('occurred_at', { mode: 'timestamp_ms' }).notNull(),
    provinceCode: text('province_code').references(() => provinces.code),
    place: text('place').notNull(),
    latitude: real('latitude'),
    longitude: real('longitude'),
    actorName: text('actor_name').notNull(),
    actorKind: text('actor_kind', { enum: PROVENANCE_ACTOR_KINDS }).notNull(),
    evidenceNumber: text('evidence_number'),
    evidenceUrl: text('evidence_url'),
    noteVi: text('note_vi'),
    noteEn: text('note_en'),
  },
  (t) => [uniqueIndex('provenance_steps_batch_position_unique').on(t.batchId, t.position)],
);

export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull().default(''),
    descriptionVi: text('description_vi').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
    /** All-day events span whole days in Asia/Ho_Chi_Minh; starts/ends are that zone's midnights. */
    allDay: integer('all_day', { mode: 'boolean' }).notNull().default(false),
    venue: text('venue'),
    address: text('address'),
    provinceCode: text('province_code').references(() => provinces.code),
    onlineUrl: text('online_url'),
    organiser: text('organiser').notNull(),
    registrationOpensAt: integer('registration_opens_at', { mode: 'timestamp_ms' }),
    registrationClosesAt: integer('registration_closes_at', { mode: 'timestamp_ms' }),
    boothCapacity: integer('booth_capacity'),
    /**
     * Booths held by confirmed and pending registrations, changed only by a
     * conditional UPDATE (… WHERE booths_taken + ? <= booth_capacity) so two
     * cooperatives racing for the last booth cannot both get it.
     */
    boothsTaken: integer('booths_taken').notNull().default(0),
    status: text('status', { enum: EVENT_STATUSES }).notNull().default('draft'),
    cancelReason: text('cancel_reason'),
    /** iCalendar SEQUENCE: bumped on every published change. */
    revision: integer('revision').notNull().default(0),
    /** Events made from one recurrence rule share a series id. */
    seriesId: text('series_id'),
    /** The cover officers uploaded (an image owned by the event in media_images), with its text alternatives. */
    cover: text('cover', { mode: 'json' }).$type<StoredImage>(),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('events_slug_unique').on(t.slug),
    index('events_status_starts_idx').on(t.status, t.startsAt),
    index('events_kind_starts_idx').on(t.kind, t.startsAt),
    index('events_province_starts_idx').on(t.provinceCode, t.startsAt),
    index('events_series_idx').on(t.seriesId),
    check('events_ends_after_start', sql`${t.endsAt} >= ${t.startsAt}`),
    check(
      'events_capacity',
      sql`${t.boothCapacity} IS NULL OR (${t.boothCapacity} > 0 AND ${t.boothsTaken} <= ${t.boothCapacity})`,
    ),
  ],
);

export const eventRegistrations = sqliteTable(
  'event_registrations',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    cooperativeId: text('cooperative_id')
      .notNull()
      .references(() => cooperatives.id, { onDelete: 'cascade' }),
    booths: integer('booths').notNull(),
    note: text('note'),
    status: text('status', { enum: REGISTRATION_STATUSES }).notNull().default('pending'),
    /** Where the cooperative stands at the fair ("A12", "Khu B – 3"), set by trade officers once confirmed. */
    boothLabel: text('booth_label'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('event_registrations_event_cooperative_unique').on(t.eventId, t.cooperativeId),
    index('event_registrations_cooperative_idx').on(t.cooperativeId, t.status),
    check('event_registrations_booths_positive', sql`${t.booths} >= 1`),
  ],
);

/** Products a cooperative brings to an event. */
export const eventRegistrationProducts = sqliteTable(
  'event_registration_products',
  {
    registrationId: text('registration_id')
      .notNull()
      .references(() => eventRegistrations.id, { onDelete: 'cascade' }),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.productId] })],
);

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    /** Stored lower-cased and trimmed, so lookups are exact. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** Versioned PBKDF2 string, see src/server/accounts. */
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    cooperativeId: text('cooperative_id').references(() => cooperatives.id),
    /** The member who may invite other members of the same cooperative. */
    isManager: integer('is_manager', { mode: 'boolean' }).notNull().default(false),
    /** The language the person last signed in with; their mail is written in it. */
    locale: text('locale', { enum: ['vi', 'en'] })
      .notNull()
      .default('vi'),
    /** A trade officer's province: the claims (and their expiry) the officer oversees. Null for members and admins. */
    provinceCode: text('province_code').references(() => provinces.code),
    disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    index('users_cooperative_idx').on(t.cooperativeId),
    check('users_member_has_cooperative', sql`${t.role} <> 'member' OR ${t.cooperativeId} IS NOT NULL`),
  ],
);

/**
 * Sessions after the Lucia guide: the token is "id.secret"; only SHA-256(secret) is stored.
 * A session ends when it has not been verified for the idle timeout or has
 * reached its absolute lifetime, both counted from these two instants
 * (src/server/accounts/sessions.ts).
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastVerifiedAt: integer('last_verified_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_last_verified_idx').on(t.lastVerifiedAt)],
);

/** One-time password reset links: only SHA-256 of the token is kept, and the row is deleted when used. */
export const passwordResetTokens = sqliteTable(
  'password_reset_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('password_reset_tokens_user_idx').on(t.userId),
    index('password_reset_tokens_expires_idx').on(t.expiresAt),
  ],
);

/**
 * Invitations to join a cooperative: sent by its manager (or, for a
 * cooperative's first manager, by a trade officer or admin). Accepting one is
 * the only way to sign up; only SHA-256 of the link's token is kept.
 */
export const invitations = sqliteTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    cooperativeId: text('cooperative_id')
      .notNull()
      .references(() => cooperatives.id, { onDelete: 'cascade' }),
    /** Stored lower-cased and trimmed, like users.email. */
    email: text('email').notNull(),
    asManager: integer('as_manager', { mode: 'boolean' }).notNull().default(false),
    invitedByUserId: text('invited_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
    acceptedUserId: text('accepted_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('invitations_token_hash_unique').on(t.tokenHash),
    index('invitations_cooperative_idx').on(t.cooperativeId, t.createdAt),
  ],
);

/**
 * Invitations' mail (an invitee has no account yet, so not `notifications`),
 * written in the same batch as the invitation and sent after the response
 * and by the cron, claimed before sending like inquiry_notifications
 * (src/server/accounts/invitation-mail.ts).
 */
export const invitationMail = sqliteTable(
  'invitation_mail',
  {
    id: text('id').primaryKey(),
    invitationId: text('invitation_id')
      .notNull()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    ...queuedMailColumns(['pending', 'sent', 'failed'] as const),
  },
  (t) => [
    uniqueIndex('invitation_mail_invitation_unique').on(t.invitationId),
    index('invitation_mail_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

/**
 * Mail written by the development mailer instead of sending it, readable at
 * /dev/outbox when DEV_OUTBOX is set, with both parts and any extra header
 * fields. Production sends through the EMAIL binding and writes nothing here.
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: text('id').primaryKey(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    headers: text('headers', { mode: 'json' }).$type<Record<string, string>>(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    /** Where a reply goes (an inquiry thread's reply address), shown at /dev/outbox. */
    replyTo: text('reply_to'),
  },
  (t) => [index('mail_outbox_created_idx').on(t.createdAt)],
);

export const inquiries = sqliteTable(
  'inquiries',
  {
    id: text('id').primaryKey(),
    /** Public reference the buyer quotes, e.g. "HTX-7K3M-Q9PD". */
    reference: text('reference').notNull(),
    /**
     * The buyer's one reference for a request sent to several cooperatives at once (src/server/inquiries/request.ts):
     * shared by each cooperative's thread, of the same shape as a thread's reference; null for an inquiry sent alone.
     */
    requestReference: text('request_reference'),
    cooperativeId: text('cooperative_id')
      .notNull()
      .references(() => cooperatives.id),
    /** The one product the inquiry is about; a request's thread naming several lists them in inquiry_products. */
    productId: text('product_id').references(() => products.id),
    buyerName: text('buyer_name').notNull(),
    buyerOrganisation: text('buyer_organisation'),
    email: text('email'),
    /** E.164, e.g. +84912345678. */
    phone: text('phone'),
    /** ISO 3166-1 alpha-2. */
    country: text('country').notNull(),
    quantity: real('quantity'),
    quantityUnit: text('quantity_unit'),
    wantedBy: text('wanted_by'),
    message: text('message').notNull(),
    locale: text('locale', { enum: ['vi', 'en'] }).notNull(),
    consentToContact: integer('consent_to_contact', { mode: 'boolean' }).notNull(),
    /** The privacy notice's version (PRIVACY_NOTICE_VERSION) the buyer consented under; null before the notice existed. */
    consentNoticeVersion: text('consent_notice_version'),
    /**
     * When the buyer's personal data was erased (retention or their request, src/server/privacy/erasure.ts); the
     * contact check then holds on ERASED_EMAIL, a fixed address that identifies nobody.
     */
    anonymisedAt: integer('anonymised_at', { mode: 'timestamp_ms' }),
    status: text('status', { enum: INQUIRY_STATUSES }).notNull().default('new'),
    spamScore: integer('spam_score').notNull().default(0),
    /** Client-chosen Idempotency-Key: the same key returns the same inquiry, never a second one. */
    idempotencyKey: text('idempotency_key'),
    /** SHA-256 of the submitted fields, so a key reused for a different inquiry is refused, not answered with another's. */
    requestFingerprint: text('request_fingerprint'),
    firstRepliedAt: integer('first_replied_at', { mode: 'timestamp_ms' }),
    /** How a fair led the buyer here (src/server/inquiries/source.ts); both null for any other way. */
    sourceKind: text('source_kind', { enum: INQUIRY_SOURCE_KINDS }),
    sourceEventId: text('source_event_id').references((): AnySQLiteColumn => events.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('inquiries_reference_unique').on(t.reference),
    index('inquiries_request_reference_idx').on(t.requestReference),
    index('inquiries_source_event_idx').on(t.sourceEventId),
    uniqueIndex('inquiries_idempotency_key_unique').on(t.idempotencyKey),
    index('inquiries_cooperative_status_idx').on(t.cooperativeId, t.status, t.createdAt),
    index('inquiries_created_idx').on(t.createdAt),
    check('inquiries_has_contact', sql`${t.email} IS NOT NULL OR ${t.phone} IS NOT NULL`),
  ],
);

/** The products a request's thread names (a request from the shortlist: one thread per cooperative), in the buyer's order. */
export const inquiryProducts = sqliteTable(
  'inquiry_products',
  {
    inquiryId: text('inquiry_id')
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.inquiryId, t.productId] })],
);

export const inquiryReplies = sqliteTable(
  'inquiry_replies',
  {
    id: text('id').primaryKey(),
    inquiryId: text('inquiry_id')
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    /** Who wrote it: the cooperative (a member, authorUserId) or the buyer (through the thread's private link). */
    author: text('author', { enum: INQUIRY_MESSAGE_AUTHORS }).notNull().default('cooperative'),
    authorUserId: text('author_user_id').references((): AnySQLiteColumn => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('inquiry_replies_inquiry_idx').on(t.inquiryId, t.createdAt)],
);

/**
 * The buyer's private links to an inquiry's thread: only the SHA-256 of each
 * random token is kept, so the table cannot be turned back into links. Each
 * mail to the buyer carries a fresh token (the earlier ones keep working);
 * the buyer revokes them all at once from the page (revoked_at).
 */
export const inquiryThreadTokens = sqliteTable(
  'inquiry_thread_tokens',
  {
    id: text('id').primaryKey(),
    inquiryId: text('inquiry_id')
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    /**
     * Whose token it is: the buyer's (the private link, and the reply address of mail to the buyer) or the
     * cooperative's (only the reply address of mail to the cooperative: never a link to the buyer's page).
     */
    party: text('party', { enum: INQUIRY_MESSAGE_AUTHORS }).notNull().default('buyer'),
  },
  (t) => [
    uniqueIndex('inquiry_thread_tokens_hash_unique').on(t.tokenHash),
    index('inquiry_thread_tokens_inquiry_idx').on(t.inquiryId),
  ],
);

/**
 * A mail in one of the durable outboxes (inquiry_notifications, notifications):
 * its words as written when it was queued, so every retry sends the same words
 * to the same place, and where its delivery stands.
 */
function queuedMailColumns<Statuses extends readonly [string, ...string[]]>(statuses: Statuses) {
  return {
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    status: text('status', { enum: statuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    /** While in the future, one sender holds the row; others leave it alone. */
    claimedUntil: integer('claimed_until', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    /** The HTML part (null for mail queued before there was one: it goes out as text only). Last: see queueNotificationIf. */
    htmlBody: text('html_body'),
  };
}

/**
 * Mail an inquiry causes (to the cooperative on arrival, to the buyer on a
 * reply), written in the same batch as what caused it and delivered after the
 * response. A row is claimed before sending (claimed_until), so the request's
 * background task and the cron retry never send it twice; a failure keeps the
 * row pending with its error until the next attempt, and after the last
 * attempt it is 'failed' for the trade department to see.
 */
export const inquiryNotifications = sqliteTable(
  'inquiry_notifications',
  {
    id: text('id').primaryKey(),
    inquiryId: text('inquiry_id')
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: INQUIRY_NOTIFICATION_KINDS }).notNull(),
    /** The message this mail carries (kinds 'buyer_reply' and 'cooperative_buyer_reply'). */
    replyId: text('reply_id').references(() => inquiryReplies.id, { onDelete: 'cascade' }),
    ...queuedMailColumns(INQUIRY_NOTIFICATION_STATUSES),
    /** The thread's reply address (reply+<token>@…, src/server/inquiries/inbound-mail.ts), when mail can answer it. */
    replyTo: text('reply_to'),
  },
  (t) => [
    index('inquiry_notifications_due_idx').on(t.status, t.nextAttemptAt),
    index('inquiry_notifications_inquiry_idx').on(t.inquiryId),
  ],
);

/**
 * Mail to a signed-in person (a member, an officer) about something that
 * concerns them, stored in the same batch as what caused it and sent after
 * the response and by the cron, like inquiry_notifications
 * (src/server/notifications/outbox.ts). `idempotency_key` names the event and
 * the person: a second insert for the same event is ignored, so each is sent
 * once whatever the retries.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: OUTBOX_KINDS }).notNull(),
    ...queuedMailColumns(NOTIFICATION_STATUSES),
  },
  (t) => [
    uniqueIndex('notifications_idempotency_unique').on(t.idempotencyKey),
    index('notifications_due_idx').on(t.status, t.nextAttemptAt),
    index('notifications_user_idx').on(t.userId),
    // The daily digest's look-up: whose notifications are held.
    index('notifications_held_idx').on(t.status, t.userId),
  ],
);

/**
 * How a person wants each kind of notification (src/server/notifications/preferences.ts).
 * A missing row is the default, at once; only changed kinds are stored.
 */
export const notificationPreferences = sqliteTable(
  'notification_preferences',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    mode: text('mode', { enum: DELIVERY_MODES }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * A person's key for signing the unsubscribe links in their mail
 * (src/server/notifications/unsubscribe.ts): random, made on first need, never
 * shown. A per-person key rather than one deployment secret: nothing to
 * configure, and a link signed for one person can never be checked against
 * another's key.
 */
export const unsubscribeKeys = sqliteTable('unsubscribe_keys', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  key: text('key').notNull(),
  createdAt: createdAt(),
});

/**
 * Requests to erase personal data (src/server/privacy/requests.ts): a buyer's, made from their thread's private
 * link (about that inquiry), or a member's, about their account. Pending until a trade officer completes it; the
 * row stays afterwards as the record that the request was made and answered (it holds no personal data itself).
 */
export const privacyRequests = sqliteTable(
  'privacy_requests',
  {
    id: text('id').primaryKey(),
    subjectType: text('subject_type', { enum: PRIVACY_REQUEST_SUBJECTS }).notNull(),
    inquiryId: text('inquiry_id').references(() => inquiries.id),
    userId: text('user_id').references(() => users.id),
    status: text('status', { enum: PRIVACY_REQUEST_STATUSES }).notNull().default('pending'),
    completedByUserId: text('completed_by_user_id').references(() => users.id),
    completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('privacy_requests_queue_idx').on(t.status, t.createdAt),
    // At most one pending request per subject: asking twice is the same request.
    uniqueIndex('privacy_requests_pending_inquiry_unique')
      .on(t.inquiryId)
      .where(sql`${t.status} = 'pending' AND ${t.inquiryId} IS NOT NULL`),
    uniqueIndex('privacy_requests_pending_user_unique')
      .on(t.userId)
      .where(sql`${t.status} = 'pending' AND ${t.userId} IS NOT NULL`),
  ],
);

/**
 * One row per expiry reminder of a claim: its last valid day and the
 * threshold reached (90, 30, 7 or 0 days before). The primary key is what
 * makes each reminder go out once: the daily job inserts the row and the
 * reminder's mail in one batch, the mail only if this run's row is the one
 * stored, so repeated and concurrent runs add nothing. A renewed claim (a new
 * last day) is reminded again.
 */
export const claimReminders = sqliteTable(
  'claim_reminders',
  {
    claimKind: text('claim_kind', { enum: CLAIM_KINDS }).notNull(),
    claimId: text('claim_id').notNull(),
    validUntil: text('valid_until').notNull(),
    thresholdDays: integer('threshold_days').notNull(),
    /** The run that stored it; its mail rows are inserted only while this id is the one stored. */
    runId: text('run_id').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.claimKind, t.claimId, t.validUntil, t.thresholdDays] })],
);

/**
 * Changes to public records that wait for a trade officer: an edit of a
 * published product, or of a cooperative's directory profile. The public keeps
 * reading the record itself until an officer approves; then the proposal is
 * written into it and this row deleted, in one batch with the audit entry. At
 * most one per record: its author keeps editing the same revision.
 */
export const pendingRevisions = sqliteTable(
  'pending_revisions',
  {
    id: text('id').primaryKey(),
    entityType: text('entity_type', { enum: REVISION_ENTITY_TYPES }).notNull(),
    /** The product's or the cooperative's id. */
    entityId: text('entity_id').notNull(),
    /** Whose record it is (the product's owner), for the dashboard's guards and lists. */
    cooperativeId: text('cooperative_id')
      .notNull()
      .references(() => cooperatives.id, { onDelete: 'cascade' }),
    /** The proposed fields, already checked by the same rules as an edit in place (never an invalid proposal). */
    proposed: text('proposed', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: REVISION_STATUSES }).notNull().default('pending'),
    /** Goes up with every save: an officer approves or rejects the version they saw, never a later one unseen. */
    version: integer('version').notNull().default(1),
    authorUserId: text('author_user_id').references(() => users.id),
    rejectionReason: text('rejection_reason'),
    decidedByUserId: text('decided_by_user_id').references(() => users.id),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('pending_revisions_entity_unique').on(t.entityType, t.entityId),
    // The moderation queue: pending ones, oldest first.
    index('pending_revisions_queue_idx').on(t.status, t.updatedAt),
    index('pending_revisions_cooperative_idx').on(t.cooperativeId),
  ],
);

/** Who did what to which record, when. Rows are only ever inserted. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    actorUserId: text('actor_user_id').references(() => users.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.createdAt),
    index('audit_log_actor_idx').on(t.actorUserId, t.createdAt),
    index('audit_log_created_idx').on(t.createdAt),
  ],
);

/**
 * A province's plan target (chỉ tiêu), e.g. "by 31/12/2030, 65 % of
 * cooperatives rated fair or better" or "3-5 five-star OCOP products"
 * (minimum 3, maximum 5). Recorded by trade officers; progress is read off
 * the statistics, never stored.
 */
export const provinceTargets = sqliteTable(
  'province_targets',
  {
    id: text('id').primaryKey(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    metric: text('metric', { enum: TARGET_METRICS }).notNull(),
    /** A percent (0-100) for shares, a whole number for counts (src/server/targets/target-input.ts). */
    minimum: real('minimum').notNull(),
    /** The top of a range target ("3-5"), null for "at least". */
    maximum: real('maximum'),
    /** 'YYYY-MM-DD' in Viet Nam: the date the plan wants the target met by. */
    dueDate: text('due_date').notNull(),
    /** The plan it comes from, e.g. "Kế hoạch 45/KH-UBND". */
    source: text('source').notNull().default(''),
    /**
     * The area the plan covers when smaller than today's province: the key of a
     * former district or province (src/server/provinces/former-units.ts), whose
     * communes are in former_unit_communes; '' for the whole province.
     */
    formerUnit: text('former_unit').notNull().default(''),
    /**
     * The figure as the department reports it, for metrics the portal cannot
     * count itself (src/server/targets/vocabulary.ts, REPORTED_METRICS), with the
     * day it was reported ('YYYY-MM-DD').
     */
    reportedValue: real('reported_value'),
    reportedOn: text('reported_on'),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One target per area, metric and due date; a plan's stages (2025, 2030) are separate rows.
    uniqueIndex('province_targets_scope_unique').on(t.provinceCode, t.formerUnit, t.metric, t.dueDate),
    check('province_targets_range', sql`${t.maximum} IS NULL OR ${t.maximum} >= ${t.minimum}`),
  ],
);

/**
 * Today's communes that formed a pre-2025 district or province, so a plan
 * written for that area is measured over its cooperatives only. Reference
 * data (src/server/provinces/former-units.ts), loaded by seeding and by
 * scripts/reference-sql.ts.
 */
export const formerUnitCommunes = sqliteTable(
  'former_unit_communes',
  {
    unit: text('unit').notNull(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    /** The commune's or ward's name without "xã"/"phường", as cooperatives record it after that word. */
    commune: text('commune').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unit, t.commune] })],
);

/**
 * The plan figures of one month, kept so progress can be drawn over time:
 * one row per month ('YYYY-MM', Viet Nam time) and area ('all', a province
 * code, or a former unit's key). Written once a month by the cron
 * (src/server/stats/snapshots.ts); a second write of the same month changes nothing.
 */
export const statisticsSnapshots = sqliteTable(
  'statistics_snapshots',
  {
    month: text('month').notNull(),
    area: text('area').notNull(),
    figures: text('figures', { mode: 'json' }).$type<SnapshotFigures>().notNull(),
    takenAt: integer('taken_at', { mode: 'timestamp_ms' }).notNull(),
  },
  // The trend of one area reads its months in order.
  (t) => [primaryKey({ columns: [t.area, t.month] })],
);

/**
 * Fixed-window counters for rate limits (sign-in, public writes). They live in
 * the database because a Worker isolate's memory is not shared between
 * requests in other isolates or locations.
 */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    count: integer('count').notNull(),
    windowEndsAt: integer('window_ends_at', { mode: 'timestamp_ms' }).notNull(),
  },
  // The daily job deletes windows that have ended.
  (t) => [index('rate_limits_window_idx').on(t.windowEndsAt)],
);

/**
 * Derived figures that are costly to compute on every request at national
 * scale (e.g. the home page's counts), recomputed when older than their TTL.
 * Kept in the database, not in memory: isolates do not share memory.
 */
export const cachedFigures = sqliteTable('cached_figures', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).$type<unknown>().notNull(),
  computedAt: integer('computed_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * Uploaded images: their variants live in the MEDIA bucket under images/{id}/
 * (src/server/media). A row says which cooperative uploaded it, so a form can
 * only attach its own cooperative's images. Ids are 160 random bits, so no one
 * can compute a draft's image URL from the photo (rows from before hold
 * SHA-256 of the cooperative and the bytes, in the same format).
 */
export const mediaImages = sqliteTable(
  'media_images',
  {
    id: text('id').primaryKey(),
    /**
     * Who the image belongs to: a cooperative (photos, logos: its members and
     * manager may use it) or an event (its cover: trade officers'). Exactly one.
     */
    cooperativeId: text('cooperative_id').references(() => cooperatives.id, { onDelete: 'cascade' }),
    eventId: text('event_id').references(() => events.id, { onDelete: 'cascade' }),
    uploadedBy: text('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    /** Size of the largest variant. */
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** What the upload was (by its content) and how large, for the record; the upload itself is not kept. */
    sourceType: text('source_type').notNull(),
    sourceBytes: integer('source_bytes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('media_images_cooperative_idx').on(t.cooperativeId),
    index('media_images_event_idx').on(t.eventId),
    check('media_images_one_owner', sql`(${t.cooperativeId} IS NULL) <> (${t.eventId} IS NULL)`),
  ],
);

/**
 * One row (id 1) whose `version` rises with every write to what public pages
 * show: triggers on those tables bump it (migrations/0011_content_version.sql),
 * so no write path can forget to. Isolates keep rendered public pages in
 * memory and drop them when the version moves (src/server/cache).
 */
export const contentVersion = sqliteTable('content_version', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull(),
});

/**
 * Facet counts kept ahead of requests (src/server/search/facet-cube.ts): per
 * cube, the content version and Viet Nam day its cells were computed at (a
 * certificate's validity depends on the day). A reader whose version or day
 * differs does not use the cells. `claimedAt`: when a refresh was last
 * started, so isolates that find the cube stale do not all recompute it.
 */
export const facetCubes = sqliteTable('facet_cubes', {
  cube: text('cube').primaryKey(),
  version: integer('version').notNull(),
  day: text('day').notNull(),
  computedAt: integer('computed_at', { mode: 'timestamp_ms' }),
  claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }),
});

/**
 * Published products of active cooperatives counted per cell of the product
 * list's filters (src/server/products/product-facet-cube.ts). `certification`
 * is '' in the cell of all its products, otherwise the products of the cell
 * with a certificate of that kind valid on the cube's day (each product once).
 */
export const productFacetCells = sqliteTable('product_facet_cells', {
  provinceCode: text('province_code').notNull(),
  ocopGroup: text('ocop_group').notNull(),
  ocopStars: integer('ocop_stars'),
  cooperativeKind: text('cooperative_kind').notNull(),
  exportReady: integer('export_ready').notNull(),
  certification: text('certification').notNull(),
  products: integer('products').notNull(),
});

/**
 * Active cooperatives counted per cell of the directory's filters
 * (src/server/cooperatives/directory-facet-cube.ts); `certification` as for
 * products ('' for all of the cell).
 */
export const cooperativeFacetCells = sqliteTable('cooperative_facet_cells', {
  provinceCode: text('province_code').notNull(),
  kind: text('kind').notNull(),
  sector: text('sector').notNull(),
  classification: text('classification'),
  hasOcop: integer('has_ocop').notNull(),
  certification: text('certification').notNull(),
  cooperatives: integer('cooperatives').notNull(),
});

/**
 * An upload of a register (src/server/imports): the file kept in R2 from its
 * preview until the import is done, what the preview found, and the import's
 * progress (rows handled so far, shown on its page) and result (the refused
 * rows as CSV in R2, for download).
 */
export const importRuns = sqliteTable(
  'import_runs',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
    /** The cooperative whose products are imported; null for the trade department's import of cooperatives. */
    cooperativeId: text('cooperative_id').references(() => cooperatives.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** The uploaded file in the MEDIA bucket; deleted once the import is done. */
    fileKey: text('file_key').notNull(),
    fileName: text('file_name').notNull(),
    status: text('status', { enum: IMPORT_STATUSES }).notNull().default('previewed'),
    /** 'all' (nothing unless every row is valid) or 'valid' (the valid rows only); null until imported. */
    mode: text('mode', { enum: ['all', 'valid'] }),
    /** Cooperatives' import: whether each new cooperative's manager is invited by mail. */
    invite: integer('invite', { mode: 'boolean' }).notNull().default(false),
    rowCount: integer('row_count').notNull(),
    rowsDone: integer('rows_done').notNull().default(0),
    /** Rows by what importing them does (create, update, unchanged, refused): the preview's, then the import's. */
    counts: text('counts', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    /** The refused rows with their reasons, as CSV in the MEDIA bucket. */
    resultKey: text('result_key'),
    /**
     * Who is writing the chunk at `rows_done` (a queue consumer's token) and until when: taken by one
     * conditional update, released by the chunk's progress (src/server/imports/chunk-lease.ts).
     */
    leaseHolder: text('lease_holder'),
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('import_runs_cooperative_idx').on(t.cooperativeId, t.createdAt)],
);

/**
 * Slugs that records had before they were renamed (src/server/slug-history):
 * the old address answers 301 to the record's current one. The record's id,
 * not its next slug, is kept, so a record renamed twice is one hop away from
 * every old address. A slug another record holds now is that record's: the
 * current slugs are looked up first.
 */
export const slugHistory = sqliteTable(
  'slug_history',
  {
    kind: text('kind', { enum: RENAMABLE_KINDS }).notNull(),
    slug: text('slug').notNull(),
    recordId: text('record_id').notNull(),
    replacedAt: integer('replaced_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.slug] })],
);
