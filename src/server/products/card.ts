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
  /** Its first photo's card-sized variant (a /media/… path), with that variant's size; null without photos. */
  image: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
  cooperativeName: string;
  cooperativeSlug: string;
  provinceNameVi: string;
  provinceNameEn: string;
}
