/**
 * The scope of a department report (/quan-tri/bao-cao): a province (or the
 * whole country) and a period of calendar days in Viet Nam. What is wrong
 * with a request is said field by field, so the page shows it next to the
 * field and never fails as a whole.
 */
import type { FieldIssues } from '../errors';
import type { ProvinceOption } from '../products/filter-options';
import { isCalendarDate, vietnamDate } from '../time/vietnam';

/**
 * The longest period a report covers. Plans run five years (2021–2025,
 * 2026–2030); ten allows comparing two, and bounds what one report reads.
 */
export const MAX_REPORT_YEARS = 10;

export interface ReportPeriod {
  /** First day, 'YYYY-MM-DD' in Viet Nam. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

export interface ReportScope extends ReportPeriod {
  /** Null for the whole country. */
  province: ProvinceOption | null;
}

/** The period a report shows when none is asked for: this year so far. */
export function defaultPeriod(now: Date): ReportPeriod {
  const today = vietnamDate(now);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** The day MAX_REPORT_YEARS after `from`, which the last day must come before (29 February counts as 1 March). */
function limitAfter(from: string): string {
  const year = Number(from.slice(0, 4)) + MAX_REPORT_YEARS;
  return `${year}-${from.slice(5) === '02-29' ? '03-01' : from.slice(5)}`;
}

/**
 * The scope a URL asks for (`province` slug, `from`, `to`), and its problems.
 * An empty province means the whole country; a missing date takes the
 * default period's.
 */
export function parseReportScope(
  params: URLSearchParams,
  provinces: readonly ProvinceOption[],
  now: Date,
): { scope: ReportScope; problems: FieldIssues } {
  const problems: FieldIssues = {};
  const fallback = defaultPeriod(now);
  const today = vietnamDate(now);
  const value = (name: string) => params.get(name)?.trim() || null;

  const slug = value('province');
  const province = slug === null ? null : (provinces.find((p) => p.slug === slug) ?? null);
  if (slug !== null && province === null) problems.province = { code: 'unknown_value' };

  const dates = { from: fallback.from, to: fallback.to };
  for (const name of ['from', 'to'] as const) {
    const date = value(name);
    if (date === null) continue;
    if (!isCalendarDate(date)) problems[name] = { code: 'calendar_date' };
    else if (date > today) problems[name] = { code: 'date_in_future' };
    else dates[name] = date;
  }
  if (!problems.from && !problems.to) {
    if (dates.to < dates.from) problems.to = { code: 'to_before_from' };
    // Ten years from 2020-03-01 end on 2030-02-28, the day before 2030-03-01.
    else if (dates.to >= limitAfter(dates.from))
      problems.to = { code: 'period_too_long', params: { years: MAX_REPORT_YEARS } };
  }
  return { scope: { province, ...dates }, problems };
}
