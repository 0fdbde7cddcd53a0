import type { OcopGroup } from './vocabulary';

/** What a product card shows, in both languages. */
export interface ProductCard {
  id: string;
  slug: string;
  nameVi: string;
  nameEn: string;
  ocopGroup: OcopGroup;
  ocopStars: number | null;
  priceVnd: number | null;
  unitVi: string;
  unitEn: string;
  image: string | null;
  cooperativeName: string;
  cooperativeSlug: string;
  provinceNameVi: string;
  provinceNameEn: string;
}
