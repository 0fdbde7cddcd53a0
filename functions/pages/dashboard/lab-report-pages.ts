/**
 * Page controller of a batch's lab reports in the dashboard: the reports the
 * cooperative attached, each with where it stands with the trade department,
 * and a form (multipart) that adds one with its evidence file. The batch is
 * reached through findOwnedProduct, so another cooperative's batch is not
 * found (404) and a visitor or an officer is refused at the gate.
 */
import type { AstroGlobal } from 'astro';
import { dictionary, format, type Locale } from '../../../src/i18n';
import { dashboardProductPaths } from '../../../src/i18n/routes';
import { NotFoundError } from '../../../src/server/errors';
import { MAX_UPLOAD_MEGABYTES } from '../../../src/server/media/limits';
import { findOwnedProduct, type OwnedProduct } from '../../../src/server/products/owned-product';
import { findProductBatch } from '../../../src/server/provenance/batches';
import { listBatchLabReports, recordLabReport, type StoredLabReport } from '../../../src/server/provenance/lab-reports';
import { LAB_TEST_KINDS } from '../../../src/server/provenance/vocabulary';
import { emptyView, type FormView, noStore, seeOther } from '../form-handling';
import { gated, runForm } from '../handle-page';
import { claimWords } from './claim-words';
import { text } from './form-values';
import { readUploadForm } from './upload-form';

const TEXT_FIELDS = ['lab', 'reportNumber', 'reportedOn', 'result', 'summary'] as const;
/** One checkbox per kind of test, named `tests.<kind>`, since the form reader keeps one value per name. */
const testField = (kind: string) => `tests.${kind}`;
const PUBLIC_EVIDENCE_FIELD = 'evidencePublic';

function labReportInputFrom(form: Record<string, string>) {
  const fields = Object.fromEntries(TEXT_FIELDS.map((name) => [name, text(form[name])]).filter(([, v]) => v !== ''));
  return {
    ...fields,
    tests: LAB_TEST_KINDS.filter((kind) => form[testField(kind)] === 'on'),
    evidencePublic: form[PUBLIC_EVIDENCE_FIELD] === 'on',
  };
}

const valuesFrom = (form: Record<string, string>) =>
  Object.fromEntries(
    [...TEXT_FIELDS, ...LAB_TEST_KINDS.map(testField), PUBLIC_EVIDENCE_FIELD].map((name) => [name, form[name] ?? '']),
  );

export interface LabReportsView extends FormView {
  product: OwnedProduct;
  batch: { id: string; lotCode: string };
  reports: StoredLabReport[];
}

export async function handleLabReports(
  page: AstroGlobal,
  locale: Locale,
  slug: string,
  batchId: string,
): Promise<LabReportsView | Response> {
  noStore(page);
  const gate = await gated(page, locale, async (db, user) => {
    const product = await findOwnedProduct(db, user, slug);
    const stored = await findProductBatch(db, product.id, { id: batchId });
    if (!stored) throw new NotFoundError('batch');
    return {
      product,
      batch: { id: stored.id, lotCode: stored.lotCode },
      reports: await listBatchLabReports(db, stored.id),
    };
  });
  if (gate instanceof Response) return gate;
  const { product, batch, reports } = gate.data;
  const t = dictionary(locale).dashboard.labReports;

  if (page.request.method !== 'POST') {
    const view = emptyView();
    if (page.url.searchParams.has('saved')) view.notice = t.saved;
    return { ...view, product, batch, reports };
  }
  const form = await readUploadForm(page.request);
  if (form === 'too_large') {
    // Refused unread: said next to the file input, nothing saved.
    page.response.status = 413;
    const photos = dictionary(locale).dashboard.photos;
    const view = emptyView();
    view.alert = photos.tooLargeAlert;
    view.errors = { evidence: format(photos.tooLargeField, { total: MAX_UPLOAD_MEGABYTES }) };
    return { ...view, product, batch, reports };
  }
  const upload = { bucket: page.locals.services.media.bucket, file: form.files('evidence')[0] ?? null };
  const owner = { cooperativeId: product.cooperativeId, productId: product.id };
  const outcome = await runForm(
    page,
    locale,
    valuesFrom(form.fields),
    (db) => recordLabReport(db, owner, batch.id, labReportInputFrom(form.fields), new Date(), upload),
    claimWords(locale),
  );
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return { ...outcome.view, product, batch, reports };
  return seeOther(`${dashboardProductPaths(product.slug).labReports(batch.id)[locale]}?saved=1`);
}
