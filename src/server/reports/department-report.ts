/**
 * What a department report holds for a province (or the country) and a
 * period: the plan figures at its start and end, the month-by-month
 * snapshots in between, what happened in it (inquiries, events held and
 * their exhibitors), and each target with its progress and trajectory as
 * the console shows them. Officers and admins only.
 *
 * Reads are a handful of indexed range queries (events_province_starts_idx /
 * events_status_starts_idx, the registrations' unique (event, cooperative)
 * index, inquiries_cooperative_status_idx, inquiries_created_idx, the
 * snapshots' primary key); the period is at most MAX_REPORT_YEARS long.
 */
import { sql, type SQL } from 'drizzle-orm';
import { requireOfficer } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import type { Database } from '../db/client';
import type { EventKind } from '../events/vocabulary';
import { type ConsoleStatistics, loadConsoleStatistics, type TargetWithProgress } from '../stats/console-statistics';
import { currentMonth, NATIONAL_AREA, type SnapshotFigures, snapshotFigures, type TrendRow } from '../stats/snapshots';
import { addDaysToDate, monthOf, vietnamMidnight } from '../time/vietnam';
import type { ReportScope } from './report-period';

/**
 * How long after a fair its exhibitors' inquiries are counted as the fair's:
 * buyers met at a booth write in the weeks after (the window issue 20 names
 * for the per-event reports).
 */
export const FOLLOW_UP_DAYS = 60;
const DAY_MS = 86_400_000;

export interface ReportEvent {
  id: string;
  titleVi: string;
  titleEn: string;
  kind: EventKind;
  startsAt: Date;
  endsAt: Date;
  provinceCode: string | null;
  exhibitors: ReportExhibitor[];
}

export interface ReportExhibitor {
  cooperativeName: string;
  provinceCode: string;
  booths: number;
  productsShown: number;
  /** Inquiries (spam not counted) to the cooperative from the event's start to FOLLOW_UP_DAYS after its end. */
  inquiries: number;
}

export interface ReportActivity {
  /** Inquiries received in the period by the view's cooperatives, spam not counted. */
  inquiries: number;
  /** Of those, how many have had a reply. */
  repliedInquiries: number;
  eventsHeld: number;
  /** Confirmed registrations at those events. */
  exhibitors: number;
  productsShown: number;
}

export interface DepartmentReport {
  scope: ReportScope;
  generatedAt: Date;
  /** The snapshot of the period's first month; null when none was taken. */
  start: { month: string; figures: SnapshotFigures } | null;
  /** The figures now when the period ends this month, else the snapshot of its last month (or null). */
  end: { month: string; figures: SnapshotFigures } | null;
  /** Every snapshot in the period, oldest first. */
  months: TrendRow[];
  activity: ReportActivity;
  targets: TargetWithProgress[];
  events: ReportEvent[];
}

interface ExhibitorRow {
  eventId: string;
  titleVi: string;
  titleEn: string;
  kind: EventKind;
  startsAt: number;
  endsAt: number;
  eventProvince: string | null;
  cooperativeName: string | null;
  cooperativeProvince: string | null;
  booths: number | null;
  productsShown: number | null;
  inquiries: number | null;
}

/**
 * The events held in the period (published, started between its first day
 * and the end of its last, and already begun), one row per confirmed
 * exhibitor, or one row with no exhibitor for an event that had none.
 */
async function readEvents(db: Database, scope: ReportScope, until: Date): Promise<ReportEvent[]> {
  const from = vietnamMidnight(scope.from).getTime();
  const to = Math.min(vietnamMidnight(addDaysToDate(scope.to, 1)).getTime(), until.getTime());
  const inProvince: SQL = scope.province ? sql`AND e.province_code = ${scope.province.code}` : sql``;
  const rows = await db.all<ExhibitorRow>(sql`
    SELECT e.id AS eventId, e.title_vi AS titleVi, e.title_en AS titleEn, e.kind AS kind,
      e.starts_at AS startsAt, e.ends_at AS endsAt, e.province_code AS eventProvince,
      c.name AS cooperativeName, c.province_code AS cooperativeProvince, r.booths AS booths,
      (SELECT count(*) FROM event_registration_products p WHERE p.registration_id = r.id) AS productsShown,
      (SELECT count(*) FROM inquiries i
        WHERE i.cooperative_id = r.cooperative_id AND i.status <> 'spam'
          AND i.created_at >= e.starts_at AND i.created_at < e.ends_at + ${FOLLOW_UP_DAYS * DAY_MS}) AS inquiries
    FROM events e
    LEFT JOIN event_registrations r ON r.event_id = e.id AND r.status = 'confirmed'
    LEFT JOIN cooperatives c ON c.id = r.cooperative_id
    WHERE e.status = 'published' AND e.starts_at >= ${from} AND e.starts_at < ${to} ${inProvince}
    ORDER BY e.starts_at, e.id, c.name`);
  const events = new Map<string, ReportEvent>();
  for (const row of rows) {
    let event = events.get(row.eventId);
    if (!event) {
      event = {
        id: row.eventId,
        titleVi: row.titleVi,
        titleEn: row.titleEn || row.titleVi,
        kind: row.kind,
        startsAt: new Date(Number(row.startsAt)),
        endsAt: new Date(Number(row.endsAt)),
        provinceCode: row.eventProvince,
        exhibitors: [],
      };
      events.set(row.eventId, event);
    }
    if (row.cooperativeName !== null) {
      event.exhibitors.push({
        cooperativeName: row.cooperativeName,
        provinceCode: row.cooperativeProvince ?? '',
        booths: Number(row.booths ?? 0),
        productsShown: Number(row.productsShown ?? 0),
        inquiries: Number(row.inquiries ?? 0),
      });
    }
  }
  return [...events.values()];
}

async function countInquiries(db: Database, scope: ReportScope): Promise<{ total: number; replied: number }> {
  const from = vietnamMidnight(scope.from).getTime();
  const to = vietnamMidnight(addDaysToDate(scope.to, 1)).getTime();
  const [row] = await db.all<{ total: number; replied: number }>(
    scope.province
      ? sql`SELECT count(*) AS total, count(i.first_replied_at) AS replied FROM inquiries i
          JOIN cooperatives c ON c.id = i.cooperative_id
          WHERE c.province_code = ${scope.province.code} AND i.status <> 'spam'
            AND i.created_at >= ${from} AND i.created_at < ${to}`
      : sql`SELECT count(*) AS total, count(first_replied_at) AS replied FROM inquiries
          WHERE status <> 'spam' AND created_at >= ${from} AND created_at < ${to}`,
  );
  return { total: Number(row?.total ?? 0), replied: Number(row?.replied ?? 0) };
}

async function readSnapshots(db: Database, area: string, scope: ReportScope): Promise<TrendRow[]> {
  const rows = await db.all<{ month: string; figures: string }>(sql`
    SELECT month, figures FROM statistics_snapshots
    WHERE area = ${area} AND month >= ${monthOf(scope.from)} AND month <= ${monthOf(scope.to)}
    ORDER BY month`);
  return rows.map((row) => ({ month: row.month, figures: JSON.parse(row.figures) as SnapshotFigures }));
}

/** The targets and current figures of the view, exactly as the console's statistics page has them. */
function consoleView(db: Database, user: SessionUser, scope: ReportScope, now: Date): Promise<ConsoleStatistics> {
  const params = new URLSearchParams(scope.province ? { province: scope.province.slug } : {});
  return loadConsoleStatistics(db, user, params, now);
}

export async function loadDepartmentReport(
  db: Database,
  user: SessionUser | null,
  scope: ReportScope,
  now: Date,
): Promise<DepartmentReport> {
  const officer = requireOfficer(user);
  const area = scope.province?.code ?? NATIONAL_AREA;
  const [view, months, events, inquiries] = await Promise.all([
    consoleView(db, officer, scope, now),
    readSnapshots(db, area, scope),
    readEvents(db, scope, now),
    countInquiries(db, scope),
  ]);
  const firstMonth = monthOf(scope.from);
  const lastMonth = monthOf(scope.to);
  const startRow = months.find((row) => row.month === firstMonth);
  const endRow = months.find((row) => row.month === lastMonth);
  const exhibitors = events.flatMap((event) => event.exhibitors);
  return {
    scope,
    generatedAt: now,
    start: startRow ? { month: firstMonth, figures: startRow.figures } : null,
    end:
      lastMonth === currentMonth(now)
        ? { month: lastMonth, figures: snapshotFigures(view.page.statistics.plan) }
        : endRow
          ? { month: lastMonth, figures: endRow.figures }
          : null,
    months,
    activity: {
      inquiries: inquiries.total,
      repliedInquiries: inquiries.replied,
      eventsHeld: events.length,
      exhibitors: exhibitors.length,
      productsShown: exhibitors.reduce((sum, row) => sum + row.productsShown, 0),
    },
    targets: view.targets,
    events,
  };
}
