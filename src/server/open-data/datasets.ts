/**
 * The open data of the portal: the public catalogue as CSV or JSON, with a
 * column set that is part of the API contract (docs/OPEN-DATA.md). Columns
 * are only ever added at the end, never renamed or removed, within /api/v1.
 *
 * Only what the public pages show is exported: active cooperatives,
 * published products of active cooperatives, published and cancelled events.
 * Rows are read in pages by id (keyset), so an export of 200,000 products
 * streams with a bounded amount in memory.
 */
import { and, asc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import { cooperativePaths, eventPaths, productPaths } from '../../i18n/routes';
import type { Database } from '../db/client';
import { cooperatives, events, products, provinces } from '../db/schema';

export const DATASETS = ['cooperatives', 'products', 'events'] as const;
export type Dataset = (typeof DATASETS)[number];

export const OPEN_DATA_LICENCE = {
  name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: 'Chợ HTX',
} as const;

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface ExportFilter {
  /** A province code; null for the whole country. */
  provinceCode: string | null;
}

interface DatasetDefinition {
  columns: readonly string[];
  /** One page of rows with ids after `afterId`, in id order. */
  page(
    db: Database,
    filter: ExportFilter,
    afterId: string,
    limit: number,
    origin: string,
  ): Promise<{ lastId: string | null; rows: Row[] }>;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function where(...parts: (SQL | undefined)[]) {
  return and(...parts.filter((part): part is SQL => part !== undefined));
}

const definitions: Record<Dataset, DatasetDefinition> = {
  cooperatives: {
    columns: [
      'id',
      'slug',
      'name',
      'kind',
      'sector',
      'registration_code',
      'founded_year',
      'members',
      'classification',
      'classification_year',
      'province_code',
      'province_name',
      'commune',
      'address',
      'verified',
      'phone',
      'email',
      'website',
      'url',
      'updated_at',
      // Added for the map (issue 21): the place the cooperative gave, empty when none (docs/OPEN-DATA.md).
      'latitude',
      'longitude',
    ],
    async page(db, filter, afterId, limit, origin) {
      const rows = await db
        .select({ c: cooperatives, provinceName: provinces.nameVi })
        .from(cooperatives)
        .innerJoin(provinces, eq(provinces.code, cooperatives.provinceCode))
        .where(
          where(
            eq(cooperatives.status, 'active'),
            gt(cooperatives.id, afterId),
            filter.provinceCode === null ? undefined : eq(cooperatives.provinceCode, filter.provinceCode),
          ),
        )
        .orderBy(asc(cooperatives.id))
        .limit(limit);
      return {
        lastId: rows.at(-1)?.c.id ?? null,
        rows: rows.map(({ c, provinceName }) => ({
          id: c.id,
          slug: c.slug,
          name: c.name,
          kind: c.kind,
          sector: c.sector,
          registration_code: c.registrationCode,
          founded_year: c.foundedYear,
          members: c.members,
          classification: c.classification,
          classification_year: c.classificationYear,
          province_code: c.provinceCode,
          province_name: provinceName,
          commune: c.commune,
          address: c.address,
          verified: c.verified,
          phone: c.phone,
          email: c.email,
          website: c.website,
          url: `${origin}${cooperativePaths(c.slug).vi}`,
          updated_at: iso(c.updatedAt),
          latitude: c.latitude,
          longitude: c.longitude,
        })),
      };
    },
  },
  products: {
    columns: [
      'id',
      'slug',
      'name_vi',
      'name_en',
      'ocop_group',
      'ocop_stars',
      'cooperative_id',
      'cooperative_name',
      'province_code',
      'province_name',
      'commune',
      'gtin',
      'trace_code',
      'price_vnd',
      'unit_vi',
      'unit_en',
      'min_order',
      'url',
      'updated_at',
      'wholesale_min_order',
      'price_tiers',
      'lead_time_days',
      'monthly_capacity',
      'packaging_vi',
      'packaging_en',
      'shelf_life_days',
      'storage_vi',
      'storage_en',
      'export_markets',
      'hs_code',
    ],
    async page(db, filter, afterId, limit, origin) {
      const rows = await db
        .select({ p: products, cooperativeName: cooperatives.name, provinceName: provinces.nameVi })
        .from(products)
        .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
        .innerJoin(provinces, eq(provinces.code, products.provinceCode))
        .where(
          where(
            eq(products.status, 'published'),
            eq(cooperatives.status, 'active'),
            gt(products.id, afterId),
            filter.provinceCode === null ? undefined : eq(products.provinceCode, filter.provinceCode),
          ),
        )
        .orderBy(asc(products.id))
        .limit(limit);
      return {
        lastId: rows.at(-1)?.p.id ?? null,
        rows: rows.map(({ p, cooperativeName, provinceName }) => ({
          id: p.id,
          slug: p.slug,
          name_vi: p.nameVi,
          name_en: p.nameEn,
          ocop_group: p.ocopGroup,
          ocop_stars: p.ocopStars,
          cooperative_id: p.cooperativeId,
          cooperative_name: cooperativeName,
          province_code: p.provinceCode,
          province_name: provinceName,
          commune: p.commune,
          gtin: p.gtin,
          trace_code: p.traceCode,
          price_vnd: p.priceVnd,
          unit_vi: p.unitVi,
          unit_en: p.unitEn,
          min_order: p.minOrder,
          url: `${origin}${productPaths(p.slug).vi}`,
          updated_at: iso(p.updatedAt),
          wholesale_min_order: p.wholesaleMinOrder,
          // Lists as one cell each, so CSV and JSON rows keep one shape: "100:90000;500:85000", "JP;KR".
          price_tiers: p.priceTiers.map((tier) => `${tier.minQuantity}:${tier.priceVnd}`).join(';') || null,
          lead_time_days: p.leadTimeDays,
          monthly_capacity: p.monthlyCapacity,
          packaging_vi: p.packagingVi,
          packaging_en: p.packagingEn,
          shelf_life_days: p.shelfLifeDays,
          storage_vi: p.storageVi,
          storage_en: p.storageEn,
          export_markets: p.exportMarkets.join(';') || null,
          hs_code: p.hsCode,
        })),
      };
    },
  },
  events: {
    columns: [
      'id',
      'slug',
      'kind',
      'status',
      'title_vi',
      'title_en',
      'starts_at',
      'ends_at',
      'all_day',
      'province_code',
      'province_name',
      'venue',
      'address',
      'online_url',
      'organiser',
      'cancel_reason',
      'url',
      'updated_at',
    ],
    async page(db, filter, afterId, limit, origin) {
      const rows = await db
        .select({ e: events, provinceName: provinces.nameVi })
        .from(events)
        .leftJoin(provinces, eq(provinces.code, events.provinceCode))
        .where(
          where(
            inArray(events.status, ['published', 'cancelled']),
            gt(events.id, afterId),
            filter.provinceCode === null ? undefined : eq(events.provinceCode, filter.provinceCode),
          ),
        )
        .orderBy(asc(events.id))
        .limit(limit);
      return {
        lastId: rows.at(-1)?.e.id ?? null,
        rows: rows.map(({ e, provinceName }) => ({
          id: e.id,
          slug: e.slug,
          kind: e.kind,
          status: e.status,
          title_vi: e.titleVi,
          title_en: e.titleEn,
          starts_at: iso(e.startsAt),
          ends_at: iso(e.endsAt),
          all_day: e.allDay,
          province_code: e.provinceCode,
          province_name: provinceName,
          venue: e.venue,
          address: e.address,
          online_url: e.onlineUrl,
          organiser: e.organiser,
          cancel_reason: e.cancelReason,
          url: `${origin}${eventPaths(e.slug).vi}`,
          updated_at: iso(e.updatedAt),
        })),
      };
    },
  },
};

export function datasetColumns(dataset: Dataset): readonly string[] {
  return definitions[dataset].columns;
}

/** Rows page after page until the dataset is exhausted; each page is one query. */
export async function* datasetRows(
  db: Database,
  dataset: Dataset,
  filter: ExportFilter,
  origin: string,
  pageSize = 500,
): AsyncGenerator<Row[]> {
  let afterId = '';
  for (;;) {
    const page = await definitions[dataset].page(db, filter, afterId, pageSize, origin);
    if (page.rows.length > 0) yield page.rows;
    if (page.lastId === null || page.rows.length < pageSize) return;
    afterId = page.lastId;
  }
}
