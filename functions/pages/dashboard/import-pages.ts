/**
 * The dashboard's product import page (src/server/imports): templates to
 * download (GET ?template=csv|xlsx), an upload that is previewed and kept
 * (POST with a file, then 303 to ?run=<id>), the preview or the import's
 * state and result at ?run=<id>, the import itself (POST run + mode), and
 * the refused rows as CSV (?run=<id>&download=refused). Members of the
 * cooperative only; the server's guards say so, the page maps their refusals.
 */
import type { AstroGlobal } from 'astro';
import { dictionary, type Locale } from '../../../src/i18n';
import { routes } from '../../../src/i18n/routes';
import { requireCooperativeMember } from '../../../src/server/accounts/guards';
import {
  type ImportRun,
  loadImportRun,
  previewImportRun,
  previewProductUpload,
  refusedRowsFile,
  runProductImport,
} from '../../../src/server/imports/import-runs';
import { type ImportMode, type ImportPlan, PRODUCT_COLUMNS } from '../../../src/server/imports/product-import';
import { importTemplate } from '../../../src/server/imports/templates';
import { emptyView, type FormView, noStore, seeOther } from '../form-handling';
import { loadPage, runForm, signedInAs } from '../handle-page';
import { readUploadForm } from './upload-form';

export interface ProductImportView extends FormView {
  /** The run at ?run=<id>, and its preview while it is not imported yet. */
  run: ImportRun | null;
  plan: ImportPlan | null;
}

function download(bytes: Uint8Array, contentType: string, fileName: string): Response {
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

const runPath = (locale: Locale, id: string) => `${routes.productImport[locale]}?run=${encodeURIComponent(id)}`;

/** The run and, before it is done, its preview again (the catalogue may have changed since the upload). */
async function runView(page: AstroGlobal, locale: Locale, id: string, view: FormView) {
  const bucket = page.locals.services.media.bucket;
  const loaded = await loadPage(page, locale, async (db) => {
    const run = await loadImportRun(db, page.locals.user, id);
    const plan =
      run.status === 'previewed' || run.status === 'failed'
        ? await previewImportRun(db, bucket, page.locals.user, run)
        : null;
    return { run, plan };
  });
  return loaded instanceof Response ? loaded : { ...view, ...loaded };
}

export async function handleProductImport(page: AstroGlobal, locale: Locale): Promise<ProductImportView | Response> {
  noStore(page);
  const member = await signedInAs(page, locale, (user) => requireCooperativeMember(user, user.cooperativeId ?? ''));
  if (member instanceof Response) return member;
  const t = dictionary(locale);
  const bucket = page.locals.services.media.bucket;
  const query = page.url.searchParams;
  const runId = query.get('run');

  if (page.request.method === 'POST') {
    const form = await readUploadForm(page.request);
    if (form === 'too_large') {
      page.response.status = 413;
      return { ...emptyView(), alert: t.errors.formTooLarge, run: null, plan: null };
    }
    const postedRun = form.fields.run;
    if (postedRun) {
      const mode: ImportMode = form.fields.mode === 'valid' ? 'valid' : 'all';
      const outcome = await runForm(page, locale, form.fields, (db) =>
        runProductImport(db, bucket, member, postedRun, mode, locale),
      );
      if (outcome instanceof Response) return outcome;
      if (outcome.ok) return seeOther(runPath(locale, postedRun));
      const view = outcome.view;
      return runView(page, locale, postedRun, { ...view, alert: view.errors.file ?? view.alert });
    }
    const [file] = form.files('file');
    const outcome = await runForm(page, locale, {}, async (db) =>
      previewProductUpload(db, bucket, member, {
        name: file?.name ?? '',
        bytes: file ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(),
      }),
    );
    if (outcome instanceof Response) return outcome;
    if (outcome.ok) return seeOther(runPath(locale, outcome.value.run.id));
    return { ...outcome.view, run: null, plan: null };
  }

  const template = query.get('template');
  if (template === 'csv' || template === 'xlsx') {
    const file = await importTemplate(PRODUCT_COLUMNS, locale, template, t.imports.products.templateFileName);
    return download(file.bytes, file.contentType, file.fileName);
  }
  if (!runId) return { ...emptyView(), run: null, plan: null };
  if (query.get('download') === 'refused') {
    const bytes = await loadPage(page, locale, (db) => refusedRowsFile(db, bucket, member, runId, locale));
    return bytes instanceof Response ? bytes : download(bytes, 'text/csv; charset=utf-8', `${runId}-refused.csv`);
  }
  return runView(page, locale, runId, emptyView());
}
