/**
 * What a wholesale or export buyer asks first about a product: the wholesale
 * minimum order and price tiers, lead time, monthly capacity, packaging,
 * shelf life, storage, the export markets already served and the HS code.
 * Every quantity is in the product's own unit (`unit_vi`), so a tier's price
 * compares with the retail price and with other products' prices per unit.
 * Pure rules: no database, no HTTP.
 */
import { z } from 'zod';
import { findCountry } from '../inquiries/countries';
import { optionalText } from '../validation';

/** Quantity ≥ minQuantity (in the product's unit) costs priceVnd per unit. */
export interface PriceTier {
  minQuantity: number;
  priceVnd: number;
}

/** A tier field's error path, which forms use as the field's name (`priceTiers.1.priceVnd`). */
export const priceTierPath = (row: number, part: keyof PriceTier) => `priceTiers.${row}.${part}`;

/** Enough for the usual "from 100 / 500 / 1,000" sheets; more would not fit a phone's card. */
export const MAX_PRICE_TIERS = 4;
export const MAX_EXPORT_MARKETS = 50;

const issue = (code: string, params: Record<string, string | number> = {}) => ({
  code: 'custom' as const,
  params: { code, ...params },
});

/**
 * Tiers in ascending quantity; a larger order never costs more per unit
 * (equal prices are allowed: a cooperative may list a quantity band without a
 * discount). Each problem is named on the tier's own field.
 */
export const priceTiersSchema = z
  .array(
    z.strictObject({
      minQuantity: z.number().int().min(1).max(1_000_000_000),
      priceVnd: z.number().int().min(0).max(1_000_000_000_000),
    }),
  )
  .max(MAX_PRICE_TIERS)
  .superRefine((tiers, ctx) => {
    tiers.forEach((tier, i) => {
      const previous = tiers[i - 1];
      if (!previous) return;
      if (tier.minQuantity <= previous.minQuantity)
        ctx.addIssue({ ...issue('tier_quantity_order'), path: [i, 'minQuantity'] });
      if (tier.priceVnd > previous.priceVnd) ctx.addIssue({ ...issue('tier_price_order'), path: [i, 'priceVnd'] });
    });
  });

/**
 * The HS code as customs write it: 4 digits (heading), 6 (subheading), 8
 * (Viet Nam's AHTN line) or 10, with or without dots between the pairs
 * ("0901", "0901.21", "09012110"). Stored as digits only, so filters and open
 * data compare one form; pages put the dots back (`formatHsCode`).
 */
export const HS_CODE = /^\d{4}(?:\.?\d{2}){0,3}$/;

export const hsCodeField = z
  .string()
  .trim()
  .refine((value) => HS_CODE.test(value), issue('hs_code'))
  .transform((value) => value.replace(/\./g, ''));

/** "09012110" → "0901.21.10". */
export function formatHsCode(digits: string): string {
  return [digits.slice(0, 4), ...(digits.slice(4).match(/\d{2}/g) ?? [])].join('.');
}

/**
 * Countries as ISO 3166-1 alpha-2 codes or names in either language (findCountry), stored as codes, each
 * once, sorted; those it cannot read are named in one message.
 */
export const exportMarketsSchema = z
  .array(z.string().trim())
  .max(MAX_EXPORT_MARKETS)
  .transform((written, ctx) => {
    const matches = written.map((text) => ({ text, match: findCountry(text) }));
    const unknown = matches.filter(({ match }) => match.status !== 'found').map(({ text }) => text);
    if (unknown.length > 0) {
      ctx.addIssue(issue('country_codes_unknown', { codes: unknown.join(', ') }));
      return z.NEVER;
    }
    return [...new Set(matches.flatMap(({ match }) => (match.status === 'found' ? [match.code] : [])))].sort();
  });

const optionalCount = (min: number, max: number) =>
  z
    .number()
    .int()
    .min(min)
    .max(max)
    .nullish()
    .transform((value) => value ?? null);

/** The wholesale fields of productInputSchema; all optional (null or empty when the cooperative says nothing). */
export const wholesaleInputShape = {
  wholesaleMinOrder: optionalCount(1, 1_000_000_000),
  priceTiers: priceTiersSchema.nullish().transform((value) => value ?? []),
  leadTimeDays: optionalCount(0, 365),
  monthlyCapacity: optionalCount(1, 1_000_000_000),
  packagingVi: optionalText(200),
  packagingEn: optionalText(200),
  shelfLifeDays: optionalCount(1, 3650),
  storageVi: optionalText(200),
  storageEn: optionalText(200),
  exportMarkets: exportMarketsSchema.nullish().transform((value) => value ?? []),
  hsCode: hsCodeField.nullish().transform((value) => value || null),
};

export type WholesaleFields = {
  [K in keyof typeof wholesaleInputShape]: z.output<(typeof wholesaleInputShape)[K]>;
};

export const WHOLESALE_FIELD_NAMES = Object.keys(wholesaleInputShape) as (keyof WholesaleFields)[];

/** The wholesale fields of a stored product row. */
export function wholesaleOf(row: WholesaleFields): WholesaleFields {
  return Object.fromEntries(WHOLESALE_FIELD_NAMES.map((name) => [name, row[name]])) as unknown as WholesaleFields;
}

/**
 * Rules across fields, run once each field is valid: the first tier starts
 * at or above the wholesale minimum (a tier below it could never be ordered).
 */
export function wholesaleIssues(fields: Pick<WholesaleFields, 'wholesaleMinOrder' | 'priceTiers'>) {
  const first = fields.priceTiers[0];
  if (first && fields.wholesaleMinOrder !== null && first.minQuantity < fields.wholesaleMinOrder)
    return [
      { ...issue('tier_below_minimum', { min: fields.wholesaleMinOrder }), path: ['priceTiers', 0, 'minQuantity'] },
    ];
  return [];
}

/**
 * Export-ready, for the product list's filter: the product has been sold
 * abroad already (export markets), or it has what an export order needs
 * first: its HS code (customs declaration, tariffs, the buyer's import
 * licence) and a wholesale minimum order (it is sold in trade quantities).
 * A price alone, or a long description, says nothing about either.
 */
export function isExportReady(fields: Pick<WholesaleFields, 'exportMarkets' | 'hsCode' | 'wholesaleMinOrder'>) {
  return fields.exportMarkets.length > 0 || (fields.hsCode !== null && fields.wholesaleMinOrder !== null);
}

/** Whether the product says anything a wholesale buyer asks: the page shows its block only then. */
export function hasWholesaleTerms(fields: WholesaleFields): boolean {
  return Object.values(fields).some((value) => (Array.isArray(value) ? value.length > 0 : value !== null));
}

/** Shelf life as people say it: whole months from 60 days on ("24 months", not "720 days"). */
export function shelfLifeParts(days: number): { count: number; unit: 'days' | 'months' } {
  return days >= 60 && days % 30 === 0 ? { count: days / 30, unit: 'months' } : { count: days, unit: 'days' };
}
