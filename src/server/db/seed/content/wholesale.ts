/**
 * Wholesale and export terms for a handful of demo products (the first
 * published product of each type below), so the product page, its JSON-LD,
 * the API, open data and the "export-ready" filter have something to show.
 * Tier prices are fractions of the product's own price; markets and HS codes
 * are those such goods really ship under (HS 2022 headings).
 */
import type { PriceTier } from '../../../products/wholesale';
import type { ProductRow } from '../types';

interface WholesaleTemplate {
  /** Multiples of the retail minimum order where the tiers start, with the share of the retail price each pays. */
  tiers: readonly (readonly [minOrderTimes: number, priceShare: number])[];
  leadTimeDays: number;
  /** In multiples of the tiers' first quantity. */
  capacityTimes: number;
  packaging: readonly [vi: string, en: string];
  storage: readonly [vi: string, en: string];
  exportMarkets: readonly string[];
  hsCode: string | null;
}

const DRY: readonly [string, string] = ['Nơi khô ráo, thoáng mát, tránh ánh nắng', 'Cool, dry place out of sunlight'];

export const DEMO_WHOLESALE: Readonly<Record<string, WholesaleTemplate>> = {
  ca_phe: {
    tiers: [
      [50, 0.9],
      [200, 0.85],
      [1000, 0.8],
    ],
    leadTimeDays: 10,
    capacityTimes: 40,
    packaging: ['Thùng carton 20 túi', 'Carton of 20 bags'],
    storage: DRY,
    exportMarkets: ['DE', 'JP', 'KR'],
    hsCode: '090121',
  },
  tieu: {
    tiers: [
      [100, 0.88],
      [500, 0.82],
    ],
    leadTimeDays: 7,
    capacityTimes: 20,
    packaging: ['Thùng carton 40 gói', 'Carton of 40 packs'],
    storage: DRY,
    exportMarkets: ['IN', 'US'],
    hsCode: '09041110',
  },
  hat_dieu: {
    tiers: [
      [50, 0.9],
      [300, 0.84],
    ],
    leadTimeDays: 14,
    capacityTimes: 10,
    packaging: ['Thùng carton 12 hũ', 'Carton of 12 jars'],
    storage: DRY,
    exportMarkets: [],
    hsCode: '08013200',
  },
  nuoc_mam: {
    tiers: [
      [60, 0.9],
      [240, 0.85],
    ],
    leadTimeDays: 5,
    capacityTimes: 30,
    packaging: ['Thùng 12 chai', 'Case of 12 bottles'],
    storage: ['Nơi thoáng mát; đậy kín nắp sau khi mở', 'Cool place; keep closed after opening'],
    exportMarkets: ['AU', 'US'],
    hsCode: '21039013',
  },
  mat_ong: {
    tiers: [[24, 0.9]],
    leadTimeDays: 3,
    capacityTimes: 15,
    packaging: ['Thùng 24 chai', 'Case of 24 bottles'],
    storage: DRY,
    exportMarkets: [],
    hsCode: null,
  },
};

/** The template's terms for a product: tiers only when it has a price to take shares of. */
export function demoWholesaleTerms(template: WholesaleTemplate, product: ProductRow, shelfDays: number | undefined) {
  const minOrder = product.minOrder ?? 1;
  const price = product.priceVnd ?? null;
  const tiers: PriceTier[] =
    price === null
      ? []
      : template.tiers.map(([times, share]) => ({
          minQuantity: minOrder * times,
          // Whole thousands, as price lists are written.
          priceVnd: Math.round((price * share) / 1000) * 1000,
        }));
  const wholesaleMinOrder = minOrder * (template.tiers[0]?.[0] ?? 1);
  return {
    wholesaleMinOrder,
    priceTiers: tiers,
    leadTimeDays: template.leadTimeDays,
    monthlyCapacity: wholesaleMinOrder * template.capacityTimes,
    packagingVi: template.packaging[0],
    packagingEn: template.packaging[1],
    shelfLifeDays: shelfDays ?? null,
    storageVi: template.storage[0],
    storageEn: template.storage[1],
    exportMarkets: [...template.exportMarkets],
    hsCode: template.hsCode,
  } satisfies Partial<ProductRow>;
}
