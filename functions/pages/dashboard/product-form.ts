/** The product and OCOP rating forms: posted strings to the domain's inputs, stored values to form fields. */
import type { ProductFields } from '../../../src/server/products/owner-list';
import { field, optionalText, requiredNumber, text } from './form-values';

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
  'priceVnd',
  'unitVi',
  'unitEn',
  'minOrder',
  'seasonVi',
  'seasonEn',
] as const;

export const RATING_FIELDS = ['stars', 'level', 'decisionNumber', 'decisionDate'] as const;

/** Only the product's own fields are read: a crafted `status` or `cooperativeId` in the form goes nowhere. */
export function productValuesFrom(form: Record<string, string>): Record<string, string> {
  return Object.fromEntries(PRODUCT_FIELDS.map((name) => [name, form[name] ?? '']));
}

/** Prices are typed with thousands separators ("120.000", "120 000"): digits only count. */
function price(value: string | undefined): number | string | null {
  const typed = text(value);
  if (!typed) return null;
  return /^\d{1,3}([.,\s]\d{3})+$|^\d+$/.test(typed) ? Number(typed.replace(/[.,\s]/g, '')) : typed;
}

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
    priceVnd: price(values.priceVnd),
    unitVi: text(values.unitVi),
    unitEn: text(values.unitEn),
    minOrder: requiredNumber(values.minOrder),
    seasonVi: optionalText(values.seasonVi),
    seasonEn: optionalText(values.seasonEn),
  };
}

export function productValuesOf(fields: ProductFields): Record<string, string> {
  return Object.fromEntries(PRODUCT_FIELDS.map((name) => [name, field(fields[name])]));
}

/** The checkbox letting the public download the evidence of a verified rating (as for certificates). */
export const RATING_PUBLIC_EVIDENCE_FIELD = 'evidencePublic';

export function ratingValuesFrom(form: Record<string, string>): Record<string, string> {
  return {
    ...Object.fromEntries(RATING_FIELDS.map((name) => [name, form[name] ?? ''])),
    [RATING_PUBLIC_EVIDENCE_FIELD]: form[RATING_PUBLIC_EVIDENCE_FIELD] === 'on' ? 'on' : '',
  };
}

export function ratingInputFrom(values: Record<string, string>) {
  return {
    stars: requiredNumber(values.stars),
    level: text(values.level),
    decisionNumber: text(values.decisionNumber),
    decisionDate: text(values.decisionDate),
    evidencePublic: values[RATING_PUBLIC_EVIDENCE_FIELD] === 'on',
  };
}
