import { asc } from 'drizzle-orm';
import type { Database } from '../db/client';
import { provinces } from '../db/schema';

export interface ProvinceOption {
  code: string;
  slug: string;
  nameVi: string;
  nameEn: string;
}

/** The 34 provincial units for filter menus, in Vietnamese alphabetical order by the caller's locale. */
export async function listProvinceOptions(db: Database): Promise<ProvinceOption[]> {
  return db
    .select({ code: provinces.code, slug: provinces.slug, nameVi: provinces.nameVi, nameEn: provinces.nameEn })
    .from(provinces)
    .orderBy(asc(provinces.slug));
}
