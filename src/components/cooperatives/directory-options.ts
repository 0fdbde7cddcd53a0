import { dictionary, format, type Locale } from '../../i18n';
import type { ProvinceOption } from '../../server/products/filter-options';
import {
  COOPERATIVE_CLASSIFICATIONS,
  COOPERATIVE_KINDS,
  COOPERATIVE_SECTORS,
} from '../../server/cooperatives/vocabulary';
import { CERTIFICATION_KINDS, OCOP_STARS } from '../../server/products/vocabulary';
import type { FilterOptions } from '../lists/filter-labels';
import { provinceSelectOptions } from '../lists/province-options';

/** The directory's vocabulary filters and their options, for the directory's checkboxes, the map's selects and chips. */
export function directoryFilterOptions(locale: Locale, provinces: readonly ProvinceOption[]) {
  const t = dictionary(locale);
  const l = t.lists;
  return {
    province: { label: l.filters.province, options: provinceSelectOptions(provinces, locale) },
    kind: {
      label: l.filters.kind,
      options: COOPERATIVE_KINDS.map((k) => ({ value: k, label: t.cooperative.kinds[k] })),
    },
    sector: {
      label: l.filters.sector,
      options: COOPERATIVE_SECTORS.map((s) => ({ value: s, label: t.cooperative.sectors[s] })),
    },
    classification: {
      label: l.filters.classification,
      options: COOPERATIVE_CLASSIFICATIONS.map((c) => ({ value: c, label: t.cooperative.classifications[c] })),
    },
    certification: {
      label: l.filters.certification,
      options: CERTIFICATION_KINDS.map((c) => ({ value: c, label: l.certifications[c] })),
    },
    hasOcop: { label: l.cooperatives.hasOcop, options: [{ value: 'true', label: l.cooperatives.hasOcop }] },
    // Read from the words only ("chè 4 sao": readDirectoryQuery), so a chip's label and no control.
    stars: {
      label: l.filters.stars,
      options: OCOP_STARS.map((stars) => ({
        value: String(stars),
        label:
          stars === Math.max(...OCOP_STARS)
            ? l.cooperatives.productStarsExactly
            : format(l.cooperatives.productStarsAtLeast, { stars }),
      })),
    },
  } as const;
}

export type DirectoryFilterOptions = ReturnType<typeof directoryFilterOptions>;

/** The options alone, keyed by filter, as chips read them. */
export function optionsOf(filters: DirectoryFilterOptions): FilterOptions {
  return Object.fromEntries(Object.entries(filters).map(([key, { options }]) => [key, options]));
}
