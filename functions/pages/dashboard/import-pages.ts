/**
 * The import pages (src/server/imports), for any importer: the dashboard's
 * product import, the console's import of one cooperative's products (by an
 * officer, from the cooperative's console page) and the console's import of
 * cooperatives. Templates to
 * download (GET ?template=csv|xlsx), an upload that is previewed and kept
 * (POST with a file, then 303 to ?run=<id>), the preview or the import's
 * state and result at ?run=<id>, the import itself (POST run + mode, and for
 * cooperatives whether to invite their managers), and the refused rows as
 * CSV (?run=<id>&download=refused). Who may import is the importer's guard;
 * the page maps its refusals.
 */
import type { AstroGlobal } from 'astro';
import { dictionary, type Locale } from '../../../src/i18n';
import { cooperativeProductImportPaths, type LocalizedPaths, routes } from '../../../src/i18n/routes';
import { sendDueInvitationMail } from '../../../src/server/accounts/invitation-mail';
import type { ImportColumn } from '../../../src/server/imports/columns';
import { COOPERATIVE_COLUMNS, COOPERATIVE_IMPORTER } from '../../../src/server/imports/cooperative-import';
import {
  type Importer,
  type ImportRun,
  isResumable,
  loadImportRun,
  previewImportRun,
  previewUpload,
  refusedRowsFile,
  runImport,
} from '../../../src/server/imports/import-runs';
import type { ImportMode, ImportPlan } from '../../../src/server/imports/plan';
import { QUEUED_FROM_ROWS, queueImport } from '../../../src/server/imports/import-queue';
import { cooperativeForOfficer } from '../../../src/server/cooperatives/oversight';
import { officerProductImporter, PRODUCT_COLUMNS, PRODUCT_IMPORTER } from '../../../src/server/imports/product-import';
import { importTemplate } from '../../../src/server/imports/templates';
import { afterResponse } from '../../after-response';
import { tokenLink } from '../accounts/account-pages';
import { emptyView, type FormView, noStore, seeOther } from '../form-handling';
import { gated, loadPage, runForm, signedInAs } from '../handle-page';
import { readUploadForm } from './upload-form';

export interface ImportView extends FormView {
  /** The run at ?run=<id>, and its preview while it is not imported yet. */
  run: ImportRun | null;
  plan: ImportPlan | null;
  /** The run stopped part way (failed, or interrupted with no progress): it is continued, not previewed. */
  resumable: boolean;
}

/** The officer's import of a cooperative's products: which cooperative. */
export interface CooperativeProductImportView extends ImportView {
  cooperative: { slug: string; name: string };
}

/** What differs between the import pages. */
interface ImportSetup {
  importer: Importer;
  columns: readonly ImportColumn[];
  paths: LocalizedPaths;
  templateName: (locale: Locale) => string;
  /** New records' managers may be invited (cooperatives). */
  invites: boolean;
}

const PRODUCTS: ImportSetup = {
  importer: PRODUCT_IMPORTER as Importer,
  columns: PRODUCT_COLUMNS,
  paths: routes.productImport,
  templateName: (locale) => dictionary(locale).imports.products.templateFileName,
  invites: false,
};

const COOPERATIVES: ImportSetup = {
  importer: COOPERATIVE_IMPORTER as Importer,
  columns: COOPERATIVE_COLUMNS,
  paths: routes.cooperativeImport,
  templateName: (locale) => dictionary(locale).imports.cooperatives.templateFileName,
  invites: true,
};

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

const runPath = (path: string, id: string) => `${path}?run=${encodeURIComponent(id)}`;

/** The run and, before it is done, its preview again (the catalogue may have changed since the upload). */
async function runView(page: AstroGlobal, locale: Locale, setup: ImportSetup, id: string, view: FormView) {
  const bucket = page.locals.services.media.bucket;
  const loaded = await loadPage(page, locale, async (db) => {
    const run = await loadImportRun(db, setup.importer, page.locals.user, id);
    const plan =
      run.status === 'previewed' ? await previewImportRun(db, bucket, setup.importer, page.locals.user, run) : null;
    return { run, plan, resumable: isResumable(run) };
  });
  return loaded instanceof Response ? loaded : { ...view, ...loaded };
}

async function handleImport(page: AstroGlobal, locale: Locale, setup: ImportSetup): Promise<ImportView | Response> {
  noStore(page);
  const person = await signedInAs(page, locale, (user) => setup.importer.scopeOf(user).user);
  if (person instanceof Response) return person;
  const t = dictionary(locale);
  const path = setup.paths[locale];
  const services = page.locals.services;
  const bucket = services.media.bucket;
  const query = page.url.searchParams;
  const runId = query.get('run');

  if (page.request.method === 'POST') {
    const form = await readUploadForm(page.request);
    if (form === 'too_large') {
      page.response.status = 413;
      return { ...emptyView(), alert: t.errors.formTooLarge, run: null, plan: null, resumable: false };
    }
    const postedRun = form.fields.run;
    if (postedRun) {
      const mode: ImportMode = form.fields.mode === 'valid' ? 'valid' : 'all';
      const context = {
        invite: setup.invites && form.fields.invite === '1',
        locale,
        linkFor: tokenLink(page, routes.signUp[locale], 'code'),
      };
      const queue = services.env?.IMPORT_QUEUE;
      const outcome = await runForm(page, locale, form.fields, async (db) => {
        const waiting = await loadImportRun(db, setup.importer, person, postedRun);
        // A file too long for one request goes to the queue's consumer; its page shows the progress.
        if (queue && waiting.rowCount > QUEUED_FROM_ROWS)
          return queueImport(db, bucket, queue, setup.importer, person, postedRun, mode, context.invite);
        const run = await runImport(db, bucket, setup.importer, person, postedRun, mode, context);
        // The invitations' mail was queued with the cooperatives; it goes out now, or with the cron.
        if (context.invite)
          afterResponse(page.locals.cfContext, 'invitation mail', () => sendDueInvitationMail(db, services.mailer(db)));
        return run;
      });
      if (outcome instanceof Response) return outcome;
      if (outcome.ok) return seeOther(runPath(path, postedRun));
      const view = outcome.view;
      return runView(page, locale, setup, postedRun, { ...view, alert: view.errors.file ?? view.alert });
    }
    const [file] = form.files('file');
    const outcome = await runForm(page, locale, {}, async (db) =>
      previewUpload(db, bucket, setup.importer, person, {
        name: file?.name ?? '',
        bytes: file ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(),
      }),
    );
    if (outcome instanceof Response) return outcome;
    if (outcome.ok) return seeOther(runPath(path, outcome.value.run.id));
    return { ...outcome.view, run: null, plan: null, resumable: false };
  }

  const template = query.get('template');
  if (template === 'csv' || template === 'xlsx') {
    const file = await importTemplate(setup.columns, locale, template, setup.templateName(locale));
    return download(file.bytes, file.contentType, file.fileName);
  }
  if (!runId) return { ...emptyView(), run: null, plan: null, resumable: false };
  if (query.get('download') === 'refused') {
    const bytes = await loadPage(page, locale, (db) =>
      refusedRowsFile(db, bucket, setup.importer, person, runId, locale),
    );
    return bytes instanceof Response ? bytes : download(bytes, 'text/csv; charset=utf-8', `${runId}-refused.csv`);
  }
  return runView(page, locale, setup, runId, emptyView());
}

/** The dashboard's product import (/tai-khoan/san-pham/nhap): a cooperative's members, for their own cooperative. */
export const handleProductImport = (page: AstroGlobal, locale: Locale) => handleImport(page, locale, PRODUCTS);

/** The console's import of cooperatives from the department's register: trade officers and admins. */
export const handleCooperativeImport = (page: AstroGlobal, locale: Locale) => handleImport(page, locale, COOPERATIVES);

/**
 * The console's import of one cooperative's products (/quan-tri/hop-tac-xa/<slug>/nhap-san-pham):
 * trade officers and admins, for the cooperative the address names, with the members' importer.
 */
export async function handleCooperativeProductImport(
  page: AstroGlobal,
  locale: Locale,
  slug: string,
): Promise<CooperativeProductImportView | Response> {
  noStore(page);
  const gate = await gated(page, locale, (db, user) => cooperativeForOfficer(db, user, slug));
  if (gate instanceof Response) return gate;
  const cooperative = gate.data;
  const view = await handleImport(page, locale, {
    ...PRODUCTS,
    importer: officerProductImporter(cooperative.id) as Importer,
    paths: cooperativeProductImportPaths(cooperative.slug),
  });
  return view instanceof Response ? view : { ...view, cooperative: { slug: cooperative.slug, name: cooperative.name } };
}
