/**
 * Page controllers of a product's certificates in the dashboard: the list
 * with a form to add one, and the edit form of one, each with the
 * certificate's evidence file (multipart). Same rules as the API
 * (certificateInputSchema: valid until no earlier than valid from; the file
 * checked by src/server/claims/evidence-file.ts and stored only with a
 * certificate that is saved).
 */
import type { AstroGlobal } from 'astro';
import { dictionary, format, type Locale } from '../../../src/i18n';
import { evidencePath } from '../../../src/server/claims/evidence-access';
import { MAX_UPLOAD_MEGABYTES } from '../../../src/server/media/limits';
import { dashboardProductPaths } from '../../../src/i18n/routes';
import { findOwnedProduct, type OwnedProduct } from '../../../src/server/products/owned-product';
import { NotFoundError } from '../../../src/server/errors';
import {
  listProductCertificates,
  recordCertificate,
  type StoredCertificate,
  updateCertificate,
} from '../../../src/server/provenance/batches';
import { field, optionalText, text } from './form-values';
import { emptyView, type FormView, noStore, seeOther } from '../form-handling';
import { readUploadForm } from './upload-form';
import { gated, runForm } from '../handle-page';
import { claimWords } from './claim-words';

const CERTIFICATE_FIELDS = ['kind', 'number', 'issuer', 'validFrom', 'validUntil', 'evidenceUrl'] as const;

/** The checkbox letting the public download the evidence of a verified certificate. */
const PUBLIC_EVIDENCE_FIELD = 'evidencePublic';
/** The certificate's revision as the edit form showed it (src/server/claims/claim-version.ts). */
const VERSION_FIELD = 'version';

function certificateInputFrom(form: Record<string, string>) {
  return {
    kind: text(form.kind),
    number: text(form.number),
    issuer: text(form.issuer),
    validFrom: text(form.validFrom),
    validUntil: optionalText(form.validUntil),
    evidenceUrl: optionalText(form.evidenceUrl),
    evidencePublic: form[PUBLIC_EVIDENCE_FIELD] === 'on',
  };
}

const valuesFrom = (form: Record<string, string>) => ({
  ...Object.fromEntries(CERTIFICATE_FIELDS.map((name) => [name, form[name] ?? ''])),
  [PUBLIC_EVIDENCE_FIELD]: form[PUBLIC_EVIDENCE_FIELD] === 'on' ? 'on' : '',
  [VERSION_FIELD]: form[VERSION_FIELD] ?? '',
});

/** The form's values of the certificate as stored (none for a new one). */
const storedValues = (editing: StoredCertificate | null): Record<string, string> =>
  editing
    ? {
        ...Object.fromEntries(CERTIFICATE_FIELDS.map((name) => [name, field(editing[name])])),
        [PUBLIC_EVIDENCE_FIELD]: editing.evidencePublic ? 'on' : '',
        [VERSION_FIELD]: String(editing.revision),
      }
    : {};

export interface CertificatesView extends FormView {
  product: OwnedProduct;
  certificates: StoredCertificate[];
  /** The certificate being edited, or null on the list page (whose form adds one). */
  editing: StoredCertificate | null;
  /** Where the edited certificate's evidence file is downloaded, if it has one. */
  evidenceHref: string | null;
}

export async function handleCertificates(
  page: AstroGlobal,
  locale: Locale,
  slug: string,
  certificateId: string | null,
): Promise<CertificatesView | Response> {
  noStore(page);
  const gate = await gated(page, locale, async (db, user) => {
    const product = await findOwnedProduct(db, user, slug);
    const certificates = await listProductCertificates(db, product.id);
    const editing = certificateId === null ? null : (certificates.find((c) => c.id === certificateId) ?? null);
    if (certificateId !== null && !editing) throw new NotFoundError('certificate');
    return { product, certificates, editing };
  });
  if (gate instanceof Response) return gate;
  const { product, certificates, editing } = gate.data;
  const evidenceHref = editing?.evidenceType ? evidencePath('certificate', editing.id) : null;

  if (page.request.method !== 'POST') {
    const view = emptyView(storedValues(editing));
    if (page.url.searchParams.has('saved')) view.notice = dictionary(locale).dashboard.certificates.saved;
    return { ...view, product, certificates, editing, evidenceHref };
  }
  const form = await readUploadForm(page.request);
  if (form === 'too_large') {
    // Refused unread: said next to the file input, nothing saved.
    page.response.status = 413;
    const t = dictionary(locale).dashboard.photos;
    const view = emptyView(storedValues(editing));
    view.alert = t.tooLargeAlert;
    view.errors = { evidence: format(t.tooLargeField, { total: MAX_UPLOAD_MEGABYTES }) };
    return { ...view, product, certificates, editing, evidenceHref };
  }
  const values = valuesFrom(form.fields);
  const owner = { cooperativeId: product.cooperativeId, productId: product.id };
  const upload = { bucket: page.locals.services.media.bucket, file: form.files('evidence')[0] ?? null };
  const input = certificateInputFrom(form.fields);
  const outcome = await runForm(
    page,
    locale,
    values,
    (db) =>
      editing
        ? updateCertificate(
            db,
            owner,
            editing.id,
            { ...input, version: form.fields[VERSION_FIELD] },
            new Date(),
            upload,
          )
        : recordCertificate(db, owner, input, new Date(), upload),
    claimWords(locale),
  );
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return { ...outcome.view, product, certificates, editing, evidenceHref };
  return seeOther(`${dashboardProductPaths(product.slug).certificates[locale]}?saved=1`);
}
