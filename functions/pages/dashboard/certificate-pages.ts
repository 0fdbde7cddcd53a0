/**
 * Page controllers of a product's certificates in the dashboard: the list
 * with a form to add one, and the edit form of one (claim-form-page.ts).
 * Same rules as the API (certificateInputSchema: valid until no earlier than
 * valid from; the file checked by src/server/claims/evidence-file.ts and
 * stored only with a certificate that is saved).
 */
import type { AstroGlobal } from 'astro';
import { dictionary, type Locale } from '../../../src/i18n';
import { dashboardProductPaths } from '../../../src/i18n/routes';
import {
  listProductCertificates,
  recordCertificate,
  type StoredCertificate,
  updateCertificate,
} from '../../../src/server/provenance/batches';
import {
  type ClaimFormKind,
  type ClaimPageView,
  evidencePublicFrom,
  handleClaimPage,
  productScope,
  VERSION_FIELD,
} from './claim-form-page';
import { field, optionalText, text } from './form-values';

const CERTIFICATE_FIELDS = ['kind', 'number', 'issuer', 'validFrom', 'validUntil', 'evidenceUrl'] as const;

function certificateInputFrom(form: Record<string, string>) {
  return {
    kind: text(form.kind),
    number: text(form.number),
    issuer: text(form.issuer),
    validFrom: text(form.validFrom),
    validUntil: optionalText(form.validUntil),
    evidenceUrl: optionalText(form.evidenceUrl),
    evidencePublic: evidencePublicFrom(form),
  };
}

const certificateForms: ClaimFormKind<StoredCertificate> = {
  kind: 'certificate',
  fields: CERTIFICATE_FIELDS,
  scope: productScope,
  list: listProductCertificates,
  storedValue: (certificate, name) => field(certificate[name as (typeof CERTIFICATE_FIELDS)[number]]),
  add: ({ db, product, upload, now }, form) =>
    recordCertificate(
      db,
      { cooperativeId: product.cooperativeId, productId: product.id },
      certificateInputFrom(form),
      now,
      upload,
    ),
  update: ({ db, product, upload, now }, certificate, form) =>
    updateCertificate(
      db,
      { cooperativeId: product.cooperativeId, productId: product.id },
      certificate.id,
      { ...certificateInputFrom(form), version: form[VERSION_FIELD] },
      now,
      upload,
    ),
  listPaths: (slug) => dashboardProductPaths(slug).certificates,
  savedNotice: (locale) => dictionary(locale).dashboard.certificates.saved,
};

export type CertificatesView = ClaimPageView<StoredCertificate>;

export const handleCertificates = (
  page: AstroGlobal,
  locale: Locale,
  slug: string,
  certificateId: string | null,
): Promise<CertificatesView | Response> => handleClaimPage(page, locale, slug, certificateId, certificateForms);
