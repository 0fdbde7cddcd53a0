/** <option> lists of the dashboard's forms, in the reader's language. */
import type { Locale } from '../../i18n';
import { PROVINCES } from '../../server/provinces/reference';

/** The 34 provinces by GSO code (what the records store), alphabetical in the reader's language. */
export function provinceOptionsByCode(locale: Locale) {
  const name = (p: (typeof PROVINCES)[number]) => (locale === 'en' ? p.nameEn : p.nameVi);
  return [...PROVINCES]
    .sort((a, b) => name(a).localeCompare(name(b), locale))
    .map((p) => ({ value: p.code, label: name(p) }));
}
