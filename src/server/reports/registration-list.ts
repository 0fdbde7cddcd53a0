/**
 * Event registrations (the exhibitors and those who asked to be) as a
 * download for the trade department: of one event, or of every event that
 * starts in a report's period (one province's, or the country's). Every
 * status, so a file shows who was confirmed, waitlisted, declined or
 * withdrew; with the cooperative's contacts, which is why officers only.
 *
 * One indexed range read (events_province_starts_idx /
 * events_status_starts_idx, then each event's registrations by their
 * (event, cooperative) index), at most REGISTRATION_EXPORT_MAX rows.
 */
import { sql, type SQL } from 'drizzle-orm';
import { dictionary, type Locale } from '../../i18n';
import { requireOfficer } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import type { Database } from '../db/client';
import { NotFoundError } from '../errors';
import type { RegistrationStatus } from '../events/vocabulary';
import { addDaysToDate, vietnamDate, vietnamMidnight } from '../time/vietnam';
import type { ReportScope } from './report-period';
import { provinceName, type ReportCell } from './report-tables';
import type { DataTable } from './table-files';

/**
 * The most rows one download holds, earliest events first: ten years of a
 * province's fairs, and what a Worker writes as a workbook well within its
 * 128 MB (bench/report-memory.ts).
 */
export const REGISTRATION_EXPORT_MAX = 10_000;

export interface RegistrationListRow {
  eventTitleVi: string;
  eventTitleEn: string;
  eventStartsAt: Date;
  eventProvince: string | null;
  cooperativeName: string;
  cooperativeProvince: string;
  status: RegistrationStatus;
  booths: number;
  boothLabel: string | null;
  products: string;
  phone: string | null;
  email: string | null;
  note: string | null;
  registeredAt: Date;
}

interface RawRow {
  eventTitleVi: string;
  eventTitleEn: string;
  eventStartsAt: number;
  eventProvince: string | null;
  cooperativeName: string;
  cooperativeProvince: string;
  status: RegistrationStatus;
  booths: number;
  boothLabel: string | null;
  products: string | null;
  phone: string | null;
  email: string | null;
  note: string | null;
  registeredAt: number;
}

/** What to list: one event (by slug), or the events starting in a report's period. */
export type RegistrationListScope = { event: string } | ReportScope;

export async function listRegistrations(
  db: Database,
  user: SessionUser | null,
  scope: RegistrationListScope,
): Promise<RegistrationListRow[]> {
  requireOfficer(user);
  let which: SQL;
  if ('event' in scope) {
    const [event] = await db.all<{ id: string }>(sql`SELECT id FROM events WHERE slug = ${scope.event} LIMIT 1`);
    if (!event) throw new NotFoundError('event');
    which = sql`e.id = ${event.id}`;
  } else {
    const from = vietnamMidnight(scope.from).getTime();
    const to = vietnamMidnight(addDaysToDate(scope.to, 1)).getTime();
    which = sql`e.starts_at >= ${from} AND e.starts_at < ${to} ${scope.province ? sql`AND e.province_code = ${scope.province.code}` : sql``}`;
  }
  const rows = await db.all<RawRow>(sql`
    SELECT e.title_vi AS eventTitleVi, e.title_en AS eventTitleEn, e.starts_at AS eventStartsAt,
      e.province_code AS eventProvince, c.name AS cooperativeName, c.province_code AS cooperativeProvince,
      r.status AS status, r.booths AS booths, r.booth_label AS boothLabel, r.note AS note,
      c.phone AS phone, c.email AS email, r.created_at AS registeredAt,
      (SELECT group_concat(p.name_vi, '; ') FROM event_registration_products rp
        JOIN products p ON p.id = rp.product_id WHERE rp.registration_id = r.id) AS products
    FROM events e
    JOIN event_registrations r ON r.event_id = e.id
    JOIN cooperatives c ON c.id = r.cooperative_id
    WHERE ${which}
    ORDER BY e.starts_at, e.id, c.name
    LIMIT ${REGISTRATION_EXPORT_MAX}`);
  return rows.map((row) => ({
    ...row,
    eventTitleEn: row.eventTitleEn || row.eventTitleVi,
    eventStartsAt: new Date(Number(row.eventStartsAt)),
    booths: Number(row.booths),
    products: row.products ?? '',
    registeredAt: new Date(Number(row.registeredAt)),
  }));
}

export function registrationTable(rows: readonly RegistrationListRow[], locale: Locale): DataTable {
  const t = dictionary(locale);
  const r = t.reports;
  const col = r.registrations.columns;
  const text = (value: string | null): ReportCell => ({ kind: 'text', value: value ?? '' });
  return {
    title: r.registrations.sheet,
    columns: [
      { header: r.columns.event, width: 40 },
      { header: r.columns.starts, width: 12 },
      { header: col.eventProvince, width: 18 },
      { header: r.columns.cooperative, width: 40 },
      { header: col.cooperativeProvince, width: 18 },
      { header: col.status, width: 16 },
      { header: r.columns.booths, width: 10 },
      { header: col.boothLabel, width: 12 },
      { header: r.columns.productsShown, width: 48 },
      { header: col.phone, width: 16 },
      { header: col.email, width: 28 },
      { header: col.note, width: 40 },
      { header: col.registeredAt, width: 18 },
    ],
    rows: rows.map((row) => [
      text(locale === 'en' ? row.eventTitleEn : row.eventTitleVi),
      { kind: 'date', value: vietnamDate(row.eventStartsAt) },
      text(row.eventProvince === null ? r.online : provinceName(row.eventProvince, locale)),
      text(row.cooperativeName),
      text(provinceName(row.cooperativeProvince, locale)),
      text(t.registrations.statuses[row.status]),
      { kind: 'count', value: row.booths },
      text(row.boothLabel),
      text(row.products),
      text(row.phone),
      text(row.email),
      text(row.note),
      { kind: 'instant', value: row.registeredAt },
    ]),
  };
}
