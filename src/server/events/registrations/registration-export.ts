/**
 * An event's registrations as CSV for its trade officers (as ../csv.ts
 * writes it), times in Viet Nam with their offset.
 */
import { CSV_BYTE_ORDER_MARK, csvRecords } from '../../csv';
import { vietnamIso } from '../../time/vietnam';
import type { EventRegistrationRow } from './registration-reads';

export const REGISTRATION_CSV_COLUMNS = [
  'registered_at',
  'cooperative',
  'cooperative_slug',
  'province',
  'booths',
  'booth_label',
  'status',
  'products',
  'note',
  'phone',
  'email',
  'updated_at',
] as const;

export function registrationsCsv(rows: readonly EventRegistrationRow[]): string {
  const records = rows.map((row) => [
    vietnamIso(row.createdAt),
    row.cooperative.name,
    row.cooperative.slug,
    row.cooperative.provinceNameVi,
    row.booths,
    row.boothLabel ?? '',
    row.status,
    row.products.map((p) => p.nameVi).join('; '),
    row.note ?? '',
    row.cooperative.phone ?? '',
    row.cooperative.email ?? '',
    vietnamIso(row.updatedAt),
  ]);
  return `${CSV_BYTE_ORDER_MARK}${csvRecords([REGISTRATION_CSV_COLUMNS, ...records])}`;
}
