import type { Locale } from '../../i18n';
import type { ProvinceOption } from '../../server/products/filter-options';

/** The provinces as <option>s in the reader's language and alphabetical order. */
export function provinceSelectOptions(provinces: readonly ProvinceOption[], locale: Locale) {
  const name = (p: ProvinceOption) => (locale === 'en' ? p.nameEn : p.nameVi);
  return [...provinces]
    .sort((a, b) => name(a).localeCompare(name(b), locale))
    .map((p) => ({ value: p.slug, label: name(p) }));
}
