/**
 * Page controllers of a product's certificates in the dashboard: the list
 * with a form to add one, and the edit form of one. Same rules as the API
 * (certificateInputSchema: valid until no earlier than valid from).
 */
import type { AstroGlobal } from 'astro';
import { dictionary, type Locale } from '../../../src/i18n';
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
import { emptyView, type FormView, noStore, readForm, seeOther } from '../form-handling';
import { gated, runForm } from '../handle-page';

const CERTIFICATE_FIELDS = ['kind', 'number', 'issuer', 'validFrom', 'validUntil', 'evidenceUrl'] as const;

function certificateInputFrom(form: Record<string, string>) {
  return {
    kind: text(form.kind),
    number: text(form.number),
    issuer: text(form.issuer),
    validFrom: text(form.validFrom),
    validUntil: optionalText(form.validUntil),
    evidenceUrl: optionalText(form.evidenceUrl),
  };
}

const valuesFrom = (form: Record<string, string>) =>
  Object.fromEntries(CERTIFICATE_FIELDS.map((name) => [name, form[name] ?? '']));

export interface CertificatesView extends FormView {
  product: OwnedProduct;
  certificates: StoredCertificate[];
  /** The certificate being edited, or null on the list page (whose form adds one). */
  editing: StoredCertificate | null;
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

  if (page.request.method !== 'POST') {
    const values = editing ? Object.fromEntries(CERTIFICATE_FIELDS.map((name) => [name, field(editing[name])])) : {};
    const view = emptyView(values);
    if (page.url.searchParams.has('saved')) view.notice = dictionary(locale).dashboard.certificates.saved;
    return { ...view, product, certificates, editing };
  }
  const form = await readForm(page.request);
  const values = valuesFrom(form);
  const owner = { cooperativeId: product.cooperativeId, productId: product.id };
  const outcome = await runForm(page, locale, values, (db) =>
    editing
      ? updateCertificate(db, owner, editing.id, certificateInputFrom(form), new Date())
      : recordCertificate(db, owner, certificateInputFrom(form), new Date()),
  );
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return { ...outcome.view, product, certificates, editing };
  return seeOther(`${dashboardProductPaths(product.slug).certificates[locale]}?saved=1`);
}
