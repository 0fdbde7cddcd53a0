import { PROVINCES } from '../provinces/reference';

export interface ProvinceOption {
  code: string;
  slug: string;
  nameVi: string;
  nameEn: string;
}

/**
 * The 34 provincial units for filter menus, by slug (callers order them by
 * their locale's names). From the reference list the provinces table is
 * seeded from and the filters read slugs with (provinceCodes), not from the
 * database: a statement every list page ran, for a list that only changes
 * with the code.
 */
const OPTIONS: readonly ProvinceOption[] = PROVINCES.map(({ code, slug, nameVi, nameEn }) => ({
  code,
  slug,
  nameVi,
  nameEn,
})).sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));

export function provinceOptions(): ProvinceOption[] {
  return [...OPTIONS];
}
