/** Places as registers write them: a province by its statistics code or its name, in either language. */
import type { Database } from '../db/client';
import { type ImportColumn, textCell } from './columns';
import { provinces } from '../db/schema';
import { foldVietnamese } from '../search/fold';

/** Provinces by code and by name, folded, with or without "tỉnh"/"thành phố": the finder gives the code, or undefined. */
export async function provinceFinder(db: Database): Promise<(text: string) => string | undefined> {
  const rows = await db
    .select({ code: provinces.code, nameVi: provinces.nameVi, nameEn: provinces.nameEn })
    .from(provinces);
  const byName = new Map<string, string>();
  for (const row of rows) {
    byName.set(row.code, row.code);
    byName.set(foldVietnamese(row.nameVi), row.code);
    byName.set(foldVietnamese(row.nameEn), row.code);
  }
  return (text: string) =>
    byName.get(text.trim().padStart(2, '0')) ??
    byName.get(
      foldVietnamese(text)
        .replace(/^(?:tinh|thanh pho|tp\.?|province of|city of)\s+/, '')
        .replace(/\s+(?:province|city)$/, '')
        .trim(),
    );
}

/** The province's column, as every register names it (read by provinceFinder once the row is read). */
export const PROVINCE_COLUMN: ImportColumn<'provinceCode'> = {
  field: 'provinceCode',
  headers: { vi: 'Tỉnh/thành phố', en: 'Province' },
  required: true,
  example: 'Hưng Yên',
  read: textCell,
};

/** The commune's column; whether a row needs it is the register's rule. */
export const communeColumn = (required: boolean): ImportColumn<'commune'> => ({
  field: 'commune',
  headers: { vi: 'Xã/phường', en: 'Commune' },
  required,
  example: 'Phường Hồng Châu',
  read: textCell,
});
