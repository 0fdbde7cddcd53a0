/**
 * An event's registrations as CSV for its trade officers (RFC 4180 through
 * csv-stringify, UTF-8 with a byte order mark so spreadsheet programs read
 * Vietnamese), times in Viet Nam with their offset.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { vietnamIso } from '../../time/vietnam';
import type { EventRegistrationRow } from './registration-reads';

export const REGISTRATION_CSV_COLUMNS = [
  'registered_at',
  'cooperative',
  'cooperative_slug',
  'province',
  'booths',
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
    row.status,
    row.products.map((p) => p.nameVi).join('; '),
    row.note ?? '',
    row.cooperative.phone ?? '',
    row.cooperative.email ?? '',
    vietnamIso(row.updatedAt),
  ]);
  return `\uFEFF${stringify([[...REGISTRATION_CSV_COLUMNS], ...records], { record_delimiter: 'windows' })}`;
}
