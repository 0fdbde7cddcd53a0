import type { Locale } from '../../i18n';
import { collator } from '../../i18n/intl-cache';
import type { ProvinceOption } from '../../server/products/filter-options';

/**
 * The provinces as <option>s in the reader's language and alphabetical order. The isolate's collator
 * (i18n/intl-cache.ts): `localeCompare` with a locale builds one per comparison, some 0.2 ms a page.
 */
export function provinceSelectOptions(provinces: readonly ProvinceOption[], locale: Locale) {
  const name = (p: ProvinceOption) => (locale === 'en' ? p.nameEn : p.nameVi);
  const order = collator(locale);
  return [...provinces].sort((a, b) => order.compare(name(a), name(b))).map((p) => ({ value: p.slug, label: name(p) }));
}
