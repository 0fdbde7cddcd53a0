/**
 * The department report page (/quan-tri/bao-cao, /en/admin/report): a GET
 * form (province, from, to) whose answer is the printable report, or, with
 * `format=xlsx`, the same report as a workbook download. A GET, because
 * asking for a report changes nothing: its URL can be bookmarked and sent.
 * Officers and admins only; a scope that is wrong is answered 422 with the
 * form and a message next to each field, never with a partial report.
 */
import type { AstroGlobal } from 'astro';
import type { Locale } from '../../../src/i18n';
import { fieldMessages } from '../../../src/i18n/field-messages';
import { requireOfficer } from '../../../src/server/accounts/guards';
import { listProvinceOptions, type ProvinceOption } from '../../../src/server/products/filter-options';
import { type DepartmentReport, loadDepartmentReport } from '../../../src/server/reports/department-report';
import { parseReportScope } from '../../../src/server/reports/report-period';
import { reportWorkbook, XLSX_CONTENT_TYPE } from '../../../src/server/reports/report-workbook';
import { noStore } from '../form-handling';
import { gated } from '../handle-page';

export interface ReportView {
  values: { province: string; from: string; to: string };
  errors: Record<string, string>;
  provinces: ProvinceOption[];
  /** Null when the scope asked for is wrong. */
  report: DepartmentReport | null;
}

/** "bao-cao-quang-tri-2026-01-01-2026-12-03.xlsx": ASCII, so every browser keeps the name. */
function fileName(report: DepartmentReport, locale: Locale): string {
  const { province, from, to } = report.scope;
  const area = province?.slug ?? (locale === 'en' ? 'national' : 'ca-nuoc');
  return `${locale === 'en' ? 'report' : 'bao-cao'}-${area}-${from}-${to}.xlsx`;
}

export async function handleReport(page: AstroGlobal, locale: Locale): Promise<ReportView | Response> {
  noStore(page);
  const params = page.url.searchParams;
  const now = new Date();
  const gate = await gated(page, locale, async (db, user) => {
    // The role first: only officers learn what is wrong with a scope.
    requireOfficer(user);
    const provinces = await listProvinceOptions(db);
    const { scope, problems } = parseReportScope(params, provinces, now);
    const report = Object.keys(problems).length > 0 ? null : await loadDepartmentReport(db, user, scope, now);
    return { provinces, problems, scope, report };
  });
  if (gate instanceof Response) return gate;
  const { provinces, problems, scope, report } = gate.data;

  if (report !== null && params.get('format') === 'xlsx') {
    return new Response((await reportWorkbook(report, locale)) as Uint8Array<ArrayBuffer>, {
      headers: {
        'Content-Type': XLSX_CONTENT_TYPE,
        'Content-Disposition': `attachment; filename="${fileName(report, locale)}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
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
