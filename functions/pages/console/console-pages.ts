/**
 * Page controllers of the trade department's console (/quan-tri,
 * /en/admin), shared by both languages. Each gate calls a domain function
 * that checks the role itself, so a page cannot forget to.
 */
import type { AstroGlobal } from 'astro';
import { dictionary, type Locale } from '../../../src/i18n';
import { fieldMessages } from '../../../src/i18n/field-messages';
import { cooperativeOversightPaths, routes } from '../../../src/i18n/routes';
import { requireOfficer } from '../../../src/server/accounts/guards';
import { auditTable } from '../../../src/server/audit/audit-export';
import {
  AUDIT_EXPORT_MAX,
  type AuditPage,
  parseAuditQuery,
  searchAuditLog,
} from '../../../src/server/audit/audit-search';
import { tableCsv, tableSheet, workbookBytes } from '../../../src/server/reports/table-files';
import { vietnamDate } from '../../../src/server/time/vietnam';
import { download } from './downloads';
import { provinceOptions, type ProvinceOption } from '../../../src/server/products/filter-options';
import { COOPERATIVE_STATUSES } from '../../../src/server/cooperatives/vocabulary';
import {
  changeCooperativeStanding,
  type CooperativeOversight,
  listCooperativesForOversight,
  loadCooperativeOversight,
  OVERSIGHT_ACTIONS,
  type OversightAction,
  type OversightFilter,
  type OversightRow,
} from '../../../src/server/cooperatives/oversight';
import { suspendProduct } from '../../../src/server/products/takedown';
import { type ConsoleStatistics, loadConsoleStatistics } from '../../../src/server/stats/console-statistics';
import { createTarget, deleteTarget, findTarget, type Target, updateTarget } from '../../../src/server/targets/targets';
import { field, optionalNumber, requiredNumber, text } from '../dashboard/form-values';
import { emptyView, type FormView, noStore, readForm, seeOther } from '../form-handling';
import { gated, runForm } from '../handle-page';

export async function handleConsoleStatistics(
  page: AstroGlobal,
  locale: Locale,
): Promise<ConsoleStatistics | Response> {
  noStore(page);
  const gate = await gated(page, locale, (db, user) =>
    loadConsoleStatistics(db, user, page.url.searchParams, new Date()),
  );
  return gate instanceof Response ? gate : gate.data;
}

export interface TargetsView {
  statistics: ConsoleStatistics;
  notice: string | null;
}

/** Every province's targets with their progress, from the national view's figures. */
export async function handleTargets(page: AstroGlobal, locale: Locale): Promise<TargetsView | Response> {
  noStore(page);
  const gate = await gated(page, locale, (db, user) =>
    loadConsoleStatistics(db, user, new URLSearchParams(), new Date()),
  );
  if (gate instanceof Response) return gate;
  const t = dictionary(locale).console.targets;
  const done = page.url.searchParams.get('done');
  const notice =
    done === 'created' ? t.created : done === 'updated' ? t.updated : done === 'deleted' ? t.deleted : null;
  return { statistics: gate.data, notice };
}

export const TARGET_FIELDS = [
  'province',
  'area',
  'metric',
  'minimum',
  'maximum',
  'dueDate',
  'source',
  'reportedValue',
  'reportedOn',
] as const;

export interface TargetFormView extends FormView {
  target: Target | null;
  provinces: ProvinceOption[];
}

function targetInputFrom(values: Record<string, string>) {
  return {
    province: text(values.province),
    metric: text(values.metric),
    minimum: requiredNumber(values.minimum),
    maximum: optionalNumber(values.maximum),
    dueDate: text(values.dueDate),
    source: text(values.source),
    area: text(values.area),
    reportedValue: optionalNumber(values.reportedValue),
    reportedOn: text(values.reportedOn),
  };
}

/** The form of a new target (`id` null) or of an existing one, which can also be deleted. */
export async function handleTargetForm(
  page: AstroGlobal,
  locale: Locale,
  id: string | null,
): Promise<TargetFormView | Response> {
  noStore(page);
  const gate = await gated(page, locale, async (db, user) => {
    // A new target reads nothing guarded: the role is checked here, not left to the save.
    requireOfficer(user);
    return { target: id === null ? null : await findTarget(db, user, id), provinces: provinceOptions() };
  });
  if (gate instanceof Response) return gate;
  const { target, provinces } = gate.data;
  if (page.request.method !== 'POST') {
    const values: Record<string, string> = target
      ? {
          province: target.province.slug,
          metric: target.metric,
          minimum: field(target.minimum),
          maximum: field(target.maximum),
          dueDate: target.dueDate,
          source: target.source,
          area: target.area?.key ?? '',
          reportedValue: field(target.reportedValue),
          reportedOn: target.reportedOn ?? '',
        }
      : { province: page.url.searchParams.get('province') ?? '' };
    return { ...emptyView(values), target, provinces };
  }
  const form = await readForm(page.request);
  const values = Object.fromEntries(TARGET_FIELDS.map((name) => [name, form[name] ?? '']));
  const now = new Date();
  const outcome = await runForm(page, locale, values, async (db) => {
    if (target && form.intent === 'delete') {
      await deleteTarget(db, gate.user, target.id, now);
      return 'deleted';
    }
    if (target) {
      await updateTarget(db, gate.user, target.id, targetInputFrom(values), now);
      return 'updated';
    }
    await createTarget(db, gate.user, targetInputFrom(values), now);
    return 'created';
  });
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return { ...outcome.view, target, provinces };
  return seeOther(`${routes.consoleTargets[locale]}?done=${outcome.value}`);
}

export interface AuditLogView {
  values: Record<string, string>;
  errors: Record<string, string>;
  result: AuditPage | null;
}

/**
 * The audit log page, or with `format=csv` / `format=xlsx` the entries its
 * filters match (from the newest, at most AUDIT_EXPORT_MAX; `before` is
 * ignored: a download starts at the newest) as a file in the same words.
 */
export async function handleAuditLog(page: AstroGlobal, locale: Locale): Promise<AuditLogView | Response> {
  noStore(page);
  const params = page.url.searchParams;
  const format = (['csv', 'xlsx'] as const).find((name) => name === params.get('format')) ?? null;
  const { query, problems } = parseAuditQuery(params);
  const values = Object.fromEntries(
    ['actor', 'record', 'type', 'from', 'to'].map((name) => [name, params.get(name) ?? '']),
  );
  const invalid = Object.keys(problems).length > 0;
  const gate = await gated(page, locale, async (db, user) => {
    // The role first: only officers learn what is wrong with a search.
    requireOfficer(user);
    if (invalid) return null;
    return format === null
      ? searchAuditLog(db, user, query)
      : searchAuditLog(db, user, { ...query, before: null }, AUDIT_EXPORT_MAX);
  });
  if (gate instanceof Response) return gate;
  if (gate.data !== null && format !== null) {
    const table = auditTable(gate.data.rows, locale);
    const name = `${locale === 'en' ? 'audit-log' : 'nhat-ky'}-${vietnamDate(new Date())}`;
    return format === 'csv'
      ? download(tableCsv(table), 'csv', name)
      : download(await workbookBytes([tableSheet(table)]), 'xlsx', name);
  }
  if (invalid) page.response.status = 400;
  return { values, errors: fieldMessages(problems, locale), result: gate.data };
}

export interface OversightListView {
  filter: OversightFilter;
  provinces: ProvinceOption[];
  province: ProvinceOption | null;
  rows: OversightRow[];
  hasNext: boolean;
}

export async function handleOversightList(page: AstroGlobal, locale: Locale): Promise<OversightListView | Response> {
  noStore(page);
  const params = page.url.searchParams;
  const status = params.get('status') ?? '';
  const verified = params.get('verified');
  const pageNumber = Number(params.get('page') ?? '1');
  const gate = await gated(page, locale, async (db, user) => {
    const provinces = provinceOptions();
    const province = provinces.find((p) => p.slug === params.get('province')) ?? null;
    // Values that mean nothing are ignored (as on the public lists): an officer's stale link still lists.
    const filter: OversightFilter = {
      q: (params.get('q') ?? '').slice(0, 200),
      status: (COOPERATIVE_STATUSES as readonly string[]).includes(status)
        ? (status as OversightFilter['status'])
        : null,
      verified: verified === 'yes' ? true : verified === 'no' ? false : null,
      provinceCode: province?.code ?? null,
      page: Number.isInteger(pageNumber) && pageNumber >= 1 && pageNumber <= 10_000 ? pageNumber : 1,
    };
    return { filter, provinces, province, ...(await listCooperativesForOversight(db, user, filter)) };
  });
  return gate instanceof Response ? gate : gate.data;
}

export type ConsoleCooperativeAction = OversightAction | 'suspend_product';
const COOPERATIVE_PAGE_ACTIONS: readonly ConsoleCooperativeAction[] = [...OVERSIGHT_ACTIONS, 'suspend_product'];

export interface CooperativeOversightView extends FormView {
  cooperative: CooperativeOversight;
  /** The form that was posted (and its product), so its errors show next to it and not next to the others. */
  action: ConsoleCooperativeAction | null;
  product: string | null;
}

export async function handleCooperativeOversight(
  page: AstroGlobal,
  locale: Locale,
  slug: string,
): Promise<CooperativeOversightView | Response> {
  noStore(page);
  const gate = await gated(page, locale, (db, user) => loadCooperativeOversight(db, user, slug));
  if (gate instanceof Response) return gate;
  const cooperative = gate.data;
  const t = dictionary(locale).console.cooperatives;
  if (page.request.method !== 'POST') {
    const done = page.url.searchParams.get('done');
    const view = emptyView();
    view.notice = COOPERATIVE_PAGE_ACTIONS.find((action) => action === done)
      ? t.done[done as ConsoleCooperativeAction]
      : null;
    return { ...view, cooperative, action: null, product: null };
  }
  const form = await readForm(page.request);
  const action = COOPERATIVE_PAGE_ACTIONS.find((name) => name === form.action) ?? null;
  const values = { evidence: form.evidence ?? '', reason: form.reason ?? '' };
  // Only this cooperative's products are suspended from its page.
  const product =
    action === 'suspend_product' ? (cooperative.products.find((p) => p.slug === form.product)?.slug ?? null) : null;
  if (action === null || (action === 'suspend_product' && product === null)) {
    page.response.status = 400;
    return { ...emptyView(values), alert: dictionary(locale).api.bad_request, cooperative, action, product };
  }
  const outcome = await runForm(page, locale, values, async (db) => {
    if (action === 'suspend_product' && product !== null) await suspendProduct(db, gate.user, product, values);
    else await changeCooperativeStanding(db, gate.user, slug, action as OversightAction, values, new Date());
  });
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return { ...outcome.view, cooperative, action, product };
  return seeOther(`${cooperativeOversightPaths(slug)[locale]}?done=${action}`);
}
