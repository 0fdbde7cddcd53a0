/**
 * Page controllers of a batch's lab reports in the dashboard: the reports the
 * cooperative attached, each with where it stands with the trade department,
 * with a form (multipart) that adds one with its evidence file; and the edit
 * form of one (claim-form-page.ts, scoped to the batch). The batch is reached
 * through findOwnedProduct, so another cooperative's batch is not found (404)
 * and a visitor or an officer is refused at the gate. An edit of a verified
 * report waits for an officer while the trace page keeps the verified version
 * (src/server/provenance/lab-reports.ts#updateLabReport).
 */
import type { AstroGlobal } from 'astro';
import { dictionary, type Locale } from '../../../src/i18n';
import { dashboardProductPaths } from '../../../src/i18n/routes';
import { NotFoundError } from '../../../src/server/errors';
import { findProductBatch } from '../../../src/server/provenance/batches';
import {
  listBatchLabReports,
  recordLabReport,
  type StoredLabReport,
  updateLabReport,
} from '../../../src/server/provenance/lab-reports';
import { LAB_TEST_KINDS, type LabTestKind } from '../../../src/server/provenance/vocabulary';
import {
  type ClaimFormKind,
  type ClaimPageView,
  evidencePublicFrom,
  handleClaimPage,
  VERSION_FIELD,
} from './claim-form-page';
import { field, text } from './form-values';

const TEXT_FIELDS = ['lab', 'reportNumber', 'reportedOn', 'result', 'summary'] as const;
/** One checkbox per kind of test, named `tests.<kind>` (LabReportsPage.astro), since the form reader keeps one value per name. */
const testField = (kind: LabTestKind) => `tests.${kind}`;

function labReportInputFrom(form: Record<string, string>) {
  const fields = Object.fromEntries(TEXT_FIELDS.map((name) => [name, text(form[name])]).filter(([, v]) => v !== ''));
  return {
    ...fields,
    tests: LAB_TEST_KINDS.filter((kind) => form[testField(kind)] === 'on'),
    evidencePublic: evidencePublicFrom(form),
  };
}

/** The batch whose reports the pages show. */
export interface LabReportBatch {
  id: string;
  lotCode: string;
}

const labReportForms = (batchId: string): ClaimFormKind<StoredLabReport, LabReportBatch> => ({
  kind: 'lab_report',
  fields: [...TEXT_FIELDS, ...LAB_TEST_KINDS.map(testField)],
  async scope(db, product) {
    const batch = await findProductBatch(db, product.id, { id: batchId });
    if (!batch) throw new NotFoundError('batch');
    return { id: batch.id, lotCode: batch.lotCode };
  },
  list: (db, _productId, batch) => listBatchLabReports(db, batch.id),
  storedValue(report, name) {
    const tested = LAB_TEST_KINDS.find((kind) => testField(kind) === name);
    if (tested) return report.tests.includes(tested) ? 'on' : '';
    return field(report[name as (typeof TEXT_FIELDS)[number]]);
  },
  add: ({ db, product, scope, upload, now }, form) =>
    recordLabReport(
      db,
      { cooperativeId: product.cooperativeId, productId: product.id },
      scope.id,
      labReportInputFrom(form),
      now,
      upload,
    ),
  update: ({ db, product, scope, upload, now }, report, form) =>
    updateLabReport(
      db,
      { cooperativeId: product.cooperativeId, productId: product.id },
      scope.id,
      report.id,
      { ...labReportInputFrom(form), version: form[VERSION_FIELD] },
      now,
      upload,
    ),
  listPaths: (slug, batch) => dashboardProductPaths(slug).labReports(batch.id),
  savedNotice: (locale) => dictionary(locale).dashboard.labReports.saved,
});

export type LabReportsView = ClaimPageView<StoredLabReport, LabReportBatch>;

export const handleLabReports = (
  page: AstroGlobal,
  locale: Locale,
  slug: string,
  batchId: string,
  reportId: string | null = null,
): Promise<LabReportsView | Response> => handleClaimPage(page, locale, slug, reportId, labReportForms(batchId));
