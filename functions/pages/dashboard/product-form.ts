/** The product and OCOP rating forms: posted strings to the domain's inputs, stored values to form fields. */
import type { ProductFields } from '../../../src/server/products/owner-list';
import { formatHsCode, MAX_PRICE_TIERS, priceTierPath } from '../../../src/server/products/wholesale';
import { field, optionalNumber, optionalText, requiredNumber, text } from './form-values';

export const PRODUCT_FIELDS = [
  'nameVi',
  'nameEn',
  'descriptionVi',
  'descriptionEn',
  'ocopGroup',
  'provinceCode',
  'commune',
  'originFormerly',
  'gtin',
  'sku',
  'priceVnd',
  'unitVi',
  'unitEn',
  'minOrder',
  'seasonVi',
  'seasonEn',
  'wholesaleMinOrder',
  'leadTimeDays',
  'monthlyCapacity',
  'packagingVi',
  'packagingEn',
  'shelfLifeDays',
  'storageVi',
  'storageEn',
  'exportMarkets',
  'hsCode',
] as const;

const tierField = priceTierPath;
const TIER_ROWS = Array.from({ length: MAX_PRICE_TIERS }, (_, row) => row);
const TIER_PARTS = ['minQuantity', 'priceVnd'] as const;

/**
 * The tier rows as posted, filled ones first: blank rows are dropped before
 * validation, so the rows shown again must be numbered as the schema saw them
 * for each error to sit next to its field.
 */
function tierValuesFrom(form: Record<string, string>): Record<string, string> {
  const filled = TIER_ROWS.map((row) => TIER_PARTS.map((part) => form[tierField(row, part)] ?? '')).filter((row) =>
    row.some((value) => value.trim() !== ''),
  );
  return Object.fromEntries(
    TIER_ROWS.flatMap((row) => TIER_PARTS.map((part, i) => [tierField(row, part), filled[row]?.[i] ?? ''])),
  );
}

/** Only the product's own fields are read: a crafted `status` or `cooperativeId` in the form goes nowhere. */
export function productValuesFrom(form: Record<string, string>): Record<string, string> {
  return { ...Object.fromEntries(PRODUCT_FIELDS.map((name) => [name, form[name] ?? ''])), ...tierValuesFrom(form) };
}

/** Prices are whole dong, typed with thousands separators ("120.000", "120 000", "120,000"). */
const price = (value: string | undefined): number | string | null => optionalNumber(value, 'whole');

export function productInputFrom(values: Record<string, string>) {
  return {
    nameVi: text(values.nameVi),
    nameEn: text(values.nameEn),
    descriptionVi: text(values.descriptionVi),
    descriptionEn: text(values.descriptionEn),
    ocopGroup: text(values.ocopGroup),
    provinceCode: text(values.provinceCode),
    commune: optionalText(values.commune),
    originFormerly: optionalText(values.originFormerly),
    gtin: optionalText(values.gtin),
    sku: optionalText(values.sku),
    priceVnd: price(values.priceVnd),
    unitVi: text(values.unitVi),
    unitEn: text(values.unitEn),
    minOrder: requiredNumber(values.minOrder),
    seasonVi: optionalText(values.seasonVi),
    seasonEn: optionalText(values.seasonEn),
    wholesaleMinOrder: optionalNumber(values.wholesaleMinOrder),
    // A half-filled row is kept, so the schema names its missing half.
    priceTiers: TIER_ROWS.filter((row) => TIER_PARTS.some((part) => text(values[tierField(row, part)]))).map((row) => ({
      minQuantity: requiredNumber(values[tierField(row, 'minQuantity')]),
      priceVnd: price(values[tierField(row, 'priceVnd')]) ?? undefined,
    })),
    leadTimeDays: optionalNumber(values.leadTimeDays),
    monthlyCapacity: optionalNumber(values.monthlyCapacity),
    packagingVi: optionalText(values.packagingVi),
    packagingEn: optionalText(values.packagingEn),
    shelfLifeDays: optionalNumber(values.shelfLifeDays),
    storageVi: optionalText(values.storageVi),
    storageEn: optionalText(values.storageEn),
    // "Nhật Bản, Hàn Quốc", "JP, KR" or "jp kr": one country between commas (a name may have spaces), or codes
    // between spaces; the schema reads each back to its code.
    exportMarkets: text(values.exportMarkets)
      .split(/[,;\n]+/)
      .flatMap((part) => (/^\s*([a-z]{2}\s+)+[a-z]{2}\s*$/i.test(part) ? part.trim().split(/\s+/) : [part.trim()]))
      .filter(Boolean),
    hsCode: optionalText(values.hsCode),
  };
}

export function productValuesOf(fields: ProductFields): Record<string, string> {
  const shown = (name: (typeof PRODUCT_FIELDS)[number]): string => {
    if (name === 'exportMarkets') return fields.exportMarkets.join(', ');
    if (name === 'hsCode') return fields.hsCode ? formatHsCode(fields.hsCode) : '';
    return field(fields[name]);
  };
  const tiers = TIER_ROWS.flatMap((row) =>
    TIER_PARTS.map((part) => [tierField(row, part), field(fields.priceTiers[row]?.[part])]),
  );
  return { ...Object.fromEntries(PRODUCT_FIELDS.map((name) => [name, shown(name)])), ...Object.fromEntries(tiers) };
}
