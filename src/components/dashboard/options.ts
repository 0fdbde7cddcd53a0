/** <option> lists of the dashboard's forms, in the reader's language. */
import type { Locale } from '../../i18n';
import { collator } from '../../i18n/intl-cache';
import { communesOf } from '../../server/provinces/communes';
import { PROVINCES } from '../../server/provinces/reference';

/** The 34 provinces by GSO code (what the records store), alphabetical in the reader's language. */
export function provinceOptionsByCode(locale: Locale) {
  const name = (p: (typeof PROVINCES)[number]) => (locale === 'en' ? p.nameEn : p.nameVi);
  const order = collator(locale);
  return [...PROVINCES].sort((a, b) => order.compare(name(a), name(b))).map((p) => ({ value: p.code, label: name(p) }));
}

/** The province's communes as they are stored ("xã Bát Tràng"), for the commune field's suggestions; none without a province. */
export function communeLabels(provinceCode: string | undefined): string[] {
  return provinceCode ? communesOf(provinceCode).map((commune) => commune.label) : [];
}
