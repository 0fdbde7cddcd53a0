/**
 * Loads reference data (the 34 provinces) and the demo catalogue. Every row
 * has a fixed id or unique key and is inserted only when missing, so seeding
 * twice neither duplicates nor overwrites anything, and a seed cut short is
 * completed by the next run.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { hashPassword } from '../accounts/passwords';
import { recordVerifiedVersions } from '../claims/verified-version';
import { refreshOcopStars } from '../products/ocop-stars';
import { PRODUCT_CERTIFICATES_TRIGGERS, rebuildProductCertificates } from '../products/product-certificates';
import { cooperativeSearchText, productSearchText } from '../search/search-text';
import { vietnamDate } from '../time/vietnam';
import type { Database } from './client';
import { insertMissing } from './insert';
import {
  batches,
  certifications,
  cooperatives,
  eventRegistrationProducts,
  eventRegistrations,
  events,
  formerUnitCommunes,
  inquiries,
  inquiryReplies,
  labReports,
  ocopRatings,
  products,
  provenanceSteps,
  provinces,
  provinceTargets,
  statisticsSnapshots,
  users,
  valueChainLinks,
} from './schema';
import { checkSeedRows } from './seed/check';
import { DEMO_ACCOUNTS } from './seed/accounts';
import { buildDemoDataset } from './seed/demo';
import { demoAnsweredInquiries } from './seed/inquiries';
import { PROVINCES } from '../provinces/reference';
import { formerUnitCommuneRows } from '../provinces/former-units';
import { PLAN_TARGETS } from '../targets/plan-targets';
import { currentMonth, takeMonthlySnapshot, TREND_MONTHS } from '../stats/snapshots';
import { backfilledSnapshots } from './seed/trends';
import { generateScaleDataset, type ScaleChunk, type ScaleOptions } from './seed/scale';

export interface CatalogueCounts {
  provinces: number;
  cooperatives: number;
  products: number;
  batches: number;
  provenanceSteps: number;
  events: number;
}

export async function countCatalogue(db: Database): Promise<CatalogueCounts> {
  const [row] = await db.all<Record<keyof CatalogueCounts, number>>(sql`
    SELECT
      (SELECT count(*) FROM provinces) AS provinces,
      (SELECT count(*) FROM cooperatives) AS cooperatives,
      (SELECT count(*) FROM products) AS products,
      (SELECT count(*) FROM batches) AS batches,
      (SELECT count(*) FROM provenance_steps) AS provenanceSteps,
      (SELECT count(*) FROM events) AS events
  `);
  if (!row) throw new Error('count query returned no row');
  return {
    provinces: Number(row.provinces),
    cooperatives: Number(row.cooperatives),
    products: Number(row.products),
    batches: Number(row.batches),
    provenanceSteps: Number(row.provenanceSteps),
    events: Number(row.events),
  };
}

const provinceNames = new Map(PROVINCES.map((province) => [province.code, province.nameVi]));

type CooperativeRow = typeof cooperatives.$inferInsert;
type ProductRow = typeof products.$inferInsert;

function withCooperativeSearch(rows: readonly CooperativeRow[]): CooperativeRow[] {
  return rows.map((row) => ({
    ...row,
    ...cooperativeSearchText(row, { provinceName: provinceNames.get(row.provinceCode) }),
  }));
}

function withProductSearch(rows: readonly ProductRow[], cooperativeNames: ReadonlyMap<string, string>): ProductRow[] {
  return rows.map((row) => ({
    ...row,
    ...productSearchText(row, {
      provinceName: provinceNames.get(row.provinceCode),
      cooperativeName: cooperativeNames.get(row.cooperativeId),
    }),
  }));
}

/**
 * What every installation needs, demo or not: the provinces, the communes of
 * the former units plans are written for, and the plans' targets (inserted
 * only when missing, so officers' edits stay).
 */
export async function seedReferenceData(db: Database): Promise<void> {
  await insertMissing(db, provinces, PROVINCES);
  await insertMissing(db, formerUnitCommunes, formerUnitCommuneRows());
  await insertMissing(db, provinceTargets, PLAN_TARGETS);
}

/** The fictional demo catalogue, dated relative to `now` so events stay upcoming. */
export async function seedDemoData(db: Database, now: Date): Promise<void> {
  const data = buildDemoDataset(now);
  // Before the first write, so a bad record leaves the database as it was.
  checkSeedRows(data, now);
  await insertMissing(db, provinces, data.provinces);
  // Parents before children: D1 enforces foreign keys on every statement.
  await insertMissing(db, cooperatives, withCooperativeSearch(data.cooperatives));
  await insertMissing(db, valueChainLinks, data.valueChainLinks);
  const cooperativeNames = new Map(data.cooperatives.map((row) => [row.id, row.name]));
  await insertMissing(db, products, withProductSearch(data.products, cooperativeNames));
  await insertMissing(db, ocopRatings, data.ocopRatings);
  await insertMissing(db, certifications, data.certifications);
  await insertMissing(db, batches, data.batches);
  await insertMissing(db, provenanceSteps, data.provenanceSteps);
  await insertMissing(db, labReports, data.labReports);
  await recordVerifiedVersions(db);
  await insertMissing(db, events, data.events);
  await insertMissing(db, eventRegistrations, data.eventRegistrations);
  await insertMissing(db, eventRegistrationProducts, data.eventRegistrationProducts);
  const answered = demoAnsweredInquiries(data.cooperatives, data.products, now);
  await insertMissing(db, inquiries, answered.inquiries);
  await insertMissing(db, inquiryReplies, answered.replies);
  await seedDemoAccounts(db, data.cooperatives);
  // Ratings older than 36 months no longer count in lists.
  await refreshOcopStars(db, vietnamDate(now));
  await seedDemoTrends(db, now);
}

/**
 * This month's snapshot, then a made-up past of TREND_MONTHS - 1 months
 * before it (./seed/trends.ts); months already there are kept.
 */
export async function seedDemoTrends(db: Database, now: Date): Promise<void> {
  await takeMonthlySnapshot(db, now);
  const latest = await db
    .select()
    .from(statisticsSnapshots)
    .where(eq(statisticsSnapshots.month, currentMonth(now)));
  await insertMissing(db, statisticsSnapshots, backfilledSnapshots(latest, TREND_MONTHS - 1));
}

/**
 * The demo accounts (./seed/accounts.ts), attached to the first demo
 * cooperatives; hashed and inserted only when missing. `npm start` also calls
 * it for a demo database seeded before the accounts existed.
 */
export async function seedDemoAccounts(
  db: Database,
  demoCooperatives: readonly { id: string; provinceCode: string }[] = buildDemoDataset(new Date()).cooperatives,
): Promise<void> {
  const ids = DEMO_ACCOUNTS.map((account) => account.id);
  const existing = new Set(
    (await db.select({ id: users.id }).from(users).where(inArray(users.id, ids))).map((row) => row.id),
  );
  const missing = DEMO_ACCOUNTS.filter((account) => !existing.has(account.id));
  const rows = await Promise.all(
    missing.map(async (account) => ({
      id: account.id,
      email: account.email,
      displayName: account.displayName,
      passwordHash: await hashPassword(account.password),
      role: account.role,
      cooperativeId: account.cooperative === null ? null : (demoCooperatives[account.cooperative]?.id ?? null),
      isManager: account.isManager,
      locale: account.locale ?? 'vi',
      provinceCode: account.province === undefined ? null : (demoCooperatives[account.province]?.provinceCode ?? null),
    })),
  );
  await insertMissing(db, users, rows);
}

/**
 * The triggers a bulk load of seedScaleData may drop (scripts/lib/bulk-load.ts): seedScaleData
 * builds their table once after the load.
 */
export const SCALE_DEFERRED_TRIGGERS = PRODUCT_CERTIFICATES_TRIGGERS;

/** The tables seedScaleData writes, for loaders that prepare them (scripts/lib/bulk-load.ts). */
export const SCALE_TABLES = [
  'cooperatives',
  'value_chain_links',
  'products',
  'ocop_ratings',
  'certifications',
  'batches',
  'provenance_steps',
  'events',
] as const;

/**
 * A synthetic national-scale catalogue for benchmarks (e.g. 50,000
 * cooperatives, 200,000 products, 5,000 events), streamed chunk by chunk so it
 * never sits in memory whole. Assumes the provinces are loaded.
 */
export async function seedScaleData(
  db: Database,
  options: ScaleOptions & {
    /** Bound parameters per statement: D1's 100 by default; a local SQLite file takes far more. */
    maxParameters?: number;
    onChunk?: (table: ScaleChunk['table'], rows: number) => void;
    /**
     * Wraps the load of the rows alone (scripts/lib/bulk-load.ts defers the secondary indexes
     * and SCALE_DEFERRED_TRIGGERS around it). The derived columns and tables are computed after,
     * once the indexes are back: their correlated subqueries probe ocop_ratings by product, which
     * without its index would scan the whole table for each of 200,000 products.
     */
    bulk?: (load: () => Promise<void>) => Promise<void>;
  },
): Promise<void> {
  // Cooperatives come first in the stream; their names go into their products' search text.
  const cooperativeNames = new Map<string, string>();
  // Batches are checked with their steps, which arrive in the next chunk.
  let pendingBatches: Extract<ScaleChunk, { table: 'batches' }> | null = null;
  const write = async (chunk: ScaleChunk) => {
    await insertChunk(db, chunk, cooperativeNames, options.maxParameters);
    options.onChunk?.(chunk.table, chunk.rows.length);
  };
  const bulk = options.bulk ?? ((load) => load());
  await bulk(async () => {
    for (const chunk of generateScaleDataset(options)) {
      if (chunk.table === 'cooperatives') for (const row of chunk.rows) cooperativeNames.set(row.id, row.name);
      if (chunk.table === 'batches') {
        pendingBatches = chunk;
        continue;
      }
      if (pendingBatches) {
        const steps = chunk.table === 'provenanceSteps' ? chunk.rows : [];
        checkSeedRows({ batches: pendingBatches.rows, provenanceSteps: steps }, options.now);
        await write(pendingBatches);
        pendingBatches = null;
      }
      if (chunk.table === 'products') checkSeedRows({ products: chunk.rows }, options.now);
      if (chunk.table === 'certifications') checkSeedRows({ certifications: chunk.rows }, options.now);
      await write(chunk);
    }
    if (pendingBatches) {
      checkSeedRows({ batches: pendingBatches.rows }, options.now);
      await write(pendingBatches);
    }
    // One UPDATE a table, inside the load: it needs no index, and once the triggers of
    // product_certificates are back it would fire them for every certificate.
    await recordVerifiedVersions(db);
  });
  // Stars before certificates: a product's stars place its search key (migrations/0051), which
  // product_certificates is keyed by.
  await refreshOcopStars(db, vietnamDate(options.now));
  await rebuildProductCertificates(db);
}

function insertChunk(
  db: Database,
  chunk: ScaleChunk,
  cooperativeNames: ReadonlyMap<string, string>,
  maxParameters?: number,
): Promise<void> {
  switch (chunk.table) {
    case 'cooperatives':
      return insertMissing(db, cooperatives, withCooperativeSearch(chunk.rows), maxParameters);
    case 'valueChainLinks':
      return insertMissing(db, valueChainLinks, chunk.rows, maxParameters);
    case 'products':
      return insertMissing(db, products, withProductSearch(chunk.rows, cooperativeNames), maxParameters);
    case 'ocopRatings':
      return insertMissing(db, ocopRatings, chunk.rows, maxParameters);
    case 'certifications':
      return insertMissing(db, certifications, chunk.rows, maxParameters);
    case 'batches':
      return insertMissing(db, batches, chunk.rows, maxParameters);
    case 'provenanceSteps':
      return insertMissing(db, provenanceSteps, chunk.rows, maxParameters);
    case 'events':
      return insertMissing(db, events, chunk.rows, maxParameters);
  }
}
