import type { CooperativeKind, CooperativeSector } from './vocabulary';

/** What a cooperative card shows (directory, product page, province page). */
export interface CooperativeCard {
  id: string;
  slug: string;
  name: string;
  kind: CooperativeKind;
  sector: CooperativeSector;
  provinceNameVi: string;
  provinceNameEn: string;
  logoUrl: string | null;
  verified: boolean;
  /** Published products of an active cooperative. */
  productCount: number;
  /** Highest OCOP rating among its published products, null when none is rated. */
  bestStars: number | null;
}
