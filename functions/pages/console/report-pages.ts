/**
 * The department report page (/quan-tri/bao-cao, /en/admin/report): a GET
 * form (province, from, to) whose answer is the printable report, or a
 * download of the same scope chosen by `format`: `xlsx` and `pdf` (the
 * report), `registrations-csv` and `registrations-xlsx` (the booth
 * registrations of the events starting in it; with `event=<slug>`, of that
 * one event whatever the period). A GET, because asking for a report changes
 * nothing: its URL can be bookmarked and sent. Officers and admins only; a
 * scope that is wrong is answered 422 with the form and a message next to
 * each field, never with a partial report or file.
 */
import type { AstroGlobal } from 'astro';
import type { Locale } from '../../../src/i18n';
import { fieldMessages } from '../../../src/i18n/field-messages';
import { requireOfficer } from '../../../src/server/accounts/guards';
import { provinceOptions, type ProvinceOption } from '../../../src/server/products/filter-options';
import { type DepartmentReport, loadDepartmentReport } from '../../../src/server/reports/department-report';
import { type ReportScope, parseReportScope } from '../../../src/server/reports/report-period';
import { reportPdf } from '../../../src/server/reports/report-pdf';
import { reportWorkbook } from '../../../src/server/reports/report-workbook';
import { listRegistrations, registrationTable } from '../../../src/server/reports/registration-list';
import { dictionary } from '../../../src/i18n';
import { tableCsv, tableSheet, workbookBytes } from '../../../src/server/reports/table-files';
import { download } from './downloads';
import { movedPermanently, noStore } from '../form-handling';
import { MovedTo, readRenamedParameter } from '../renamed-records';
import { gated } from '../handle-page';

export interface ReportView {
  values: { province: string; from: string; to: string };
  errors: Record<string, string>;
  provinces: ProvinceOption[];
  /** Null when the scope asked for is wrong. */
  report: DepartmentReport | null;
}

/** "bao-cao-quang-tri-2026-01-01-2026-12-03": ASCII, so every browser keeps the name. */
function fileName(scope: ReportScope, locale: Locale, what: string): string {
  const area = scope.province?.slug ?? (locale === 'en' ? 'national' : 'ca-nuoc');
  return `${what}-${area}-${scope.from}-${scope.to}`;
}

const FORMATS = ['xlsx', 'pdf', 'registrations-csv', 'registrations-xlsx'] as const;

/** The event asked for by slug, when the slug is well formed; anything else names no event (404). */
const EVENT_SLUG = /^[a-z0-9-]{1,120}$/;

export async function handleReport(page: AstroGlobal, locale: Locale): Promise<ReportView | Response> {
  noStore(page);
  const params = page.url.searchParams;
  const now = new Date();
  const format = FORMATS.find((name) => name === params.get('format')) ?? null;
  const eventSlug = params.get('event');
  const gate = await gated(page, locale, async (db, user) => {
    // The role first: only officers learn what is wrong with a scope.
    requireOfficer(user);
    const provinces = provinceOptions();
    const { scope, problems } = parseReportScope(params, provinces, now);
    const valid = Object.keys(problems).length === 0;
    // One event's registrations need no period; everything else needs a right one.
    const wanted = (format === 'registrations-csv' || format === 'registrations-xlsx') && (eventSlug !== null || valid);
    // One event's, by a slug it may have had before a rename (a bookmarked download): then at its current one.
    const registrations = !wanted
      ? null
      : eventSlug === null
        ? await listRegistrations(db, user, scope)
        : await readRenamedParameter(db, page.url, 'event', 'event', (slug) =>
            listRegistrations(db, user, { event: EVENT_SLUG.test(slug) ? slug : '' }),
          );
    const report =
      valid && registrations === null && !format?.startsWith('registrations')
        ? await loadDepartmentReport(db, user, scope, now)
        : null;
    return { provinces, problems, scope, report, registrations };
  });
  if (gate instanceof Response) return gate;
  const { provinces, problems, scope, report, registrations } = gate.data;
  if (registrations instanceof MovedTo) return movedPermanently(registrations.location);

  if (registrations !== null) {
    const table = registrationTable(registrations, locale);
    const what = dictionary(locale).reports.registrations.fileName;
    const name = eventSlug !== null ? `${what}-${eventSlug}` : fileName(scope, locale, what);
    return format === 'registrations-csv'
      ? download(tableCsv(table), 'csv', name)
      : download(await workbookBytes([tableSheet(table)]), 'xlsx', name);
  }
  if (report !== null && format !== null) {
    const name = fileName(scope, locale, locale === 'en' ? 'report' : 'bao-cao');
    return format === 'pdf'
      ? download(await reportPdf(report, locale), 'pdf', name)
      : download(await reportWorkbook(report, locale), 'xlsx', name);
  }
  if (report === null) page.response.status = 422;
  // What was typed stays in the form, right or wrong; what was left empty shows the period used.
  const typed = (name: 'province' | 'from' | 'to', fallback: string) => params.get(name)?.trim() || fallback;
  return {
    values: {
      province: typed('province', ''),
      from: typed('from', scope.from),
      to: typed('to', scope.to),
    },
    errors: fieldMessages(problems, locale),
    provinces,
    report,
  };
}
