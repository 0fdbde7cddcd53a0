/**
 * The dashboard pages of a product's claims (its certificates, its OCOP
 * ratings): a list with a form that declares one, and the edit form of one,
 * each with the claim's evidence file (multipart). One flow for every kind:
 * the product found for its cooperative's members only, the posted body
 * bounded (413 said by the file input, nothing saved), the domain's verb run
 * with the claim forms' words (claim-words.ts), and the list again with a
 * notice once saved. What differs per kind (its fields, its verbs, its
 * paths, and what the claims hang from besides the product: a lab report's
 * batch) is the `ClaimFormKind` the page passes in.
 */
import type { AstroGlobal } from 'astro';
import { dictionary, format, type Locale } from '../../../src/i18n';
import type { LocalizedPaths } from '../../../src/i18n/routes';
import type { SessionUser } from '../../../src/server/accounts/users';
import { evidencePath } from '../../../src/server/claims/evidence-access';
import type { EvidenceUpload } from '../../../src/server/claims/evidence-file';
import type { ClaimKind, EvidenceType } from '../../../src/server/claims/vocabulary';
import type { Database } from '../../../src/server/db/client';
import { NotFoundError } from '../../../src/server/errors';
import { MAX_UPLOAD_MEGABYTES } from '../../../src/server/media/limits';
import { findOwnedProduct, type OwnedProduct } from '../../../src/server/products/owned-product';
import { emptyView, type FormView, noStore, seeOther } from '../form-handling';
import { gated, runForm } from '../handle-page';
import { claimWords } from './claim-words';
import { readUploadForm } from './upload-form';

/** The claim's revision as the edit form showed it (src/server/claims/claim-version.ts). */
export const VERSION_FIELD = 'version';
/** The checkbox letting the public download the evidence of a verified claim. */
export const PUBLIC_EVIDENCE_FIELD = 'evidencePublic';

/** What the pages need of a stored claim, whatever its kind. */
export interface ListedClaim {
  id: string;
  revision: number;
  evidencePublic: boolean;
  /** Null when it has no file (the file is at evidencePath). */
  evidenceType: EvidenceType | null;
}

/** What a claim's save is given: who posts, for which product (and scope), and the file posted with it. */
export interface ClaimSave<S = null> {
  db: Database;
  user: SessionUser;
  product: OwnedProduct;
  scope: S;
  upload: EvidenceUpload;
  now: Date;
}

/** One kind of claim, as its dashboard pages read, show and write it; `S`: what the claims hang from besides the product. */
export interface ClaimFormKind<C extends ListedClaim, S = null> {
  kind: ClaimKind;
  /** Its own fields (not the version nor the public-evidence checkbox). */
  fields: readonly string[];
  /**
   * What the claims hang from besides the product (a lab report's batch),
   * found for that product: a NotFoundError when it has none such. Null for
   * a product's own claims (productScope).
   */
  scope(db: Database, product: OwnedProduct): Promise<S>;
  list(db: Database, productId: string, scope: S): Promise<C[]>;
  /** The form's value of a field of a stored claim. */
  storedValue(claim: C, name: string): string;
  /** Declares one from the posted strings. */
  add(save: ClaimSave<S>, form: Record<string, string>): Promise<unknown>;
  /** Changes one, at the revision the form was shown with (posted as `version`). */
  update(save: ClaimSave<S>, claim: C, form: Record<string, string>): Promise<unknown>;
  /** The list page of the product's (or the scope's) claims of this kind. */
  listPaths(slug: string, scope: S): LocalizedPaths;
  savedNotice(locale: Locale): string;
}

/** The scope of a product's own claims (certificates, OCOP ratings): the product alone. */
export const productScope = async (): Promise<null> => null;

export interface ClaimPageView<C extends ListedClaim, S = null> extends FormView {
  product: OwnedProduct;
  scope: S;
  claims: C[];
  /** The claim being edited, or null on the list page (whose form declares one). */
  editing: C | null;
  /** Where the edited claim's evidence file is downloaded, if it has one. */
  evidenceHref: string | null;
}

/** The posted strings a refused form shows again. */
function postedValues(fields: readonly string[], form: Record<string, string>): Record<string, string> {
  return {
    ...Object.fromEntries(fields.map((name) => [name, form[name] ?? ''])),
    [PUBLIC_EVIDENCE_FIELD]: form[PUBLIC_EVIDENCE_FIELD] === 'on' ? 'on' : '',
    [VERSION_FIELD]: form[VERSION_FIELD] ?? '',
  };
}

/** The form's values of the claim as stored (none for a new one). */
function storedValues<C extends ListedClaim, S>(kind: ClaimFormKind<C, S>, editing: C | null): Record<string, string> {
  if (!editing) return {};
  return {
    ...Object.fromEntries(kind.fields.map((name) => [name, kind.storedValue(editing, name)])),
    [PUBLIC_EVIDENCE_FIELD]: editing.evidencePublic ? 'on' : '',
    [VERSION_FIELD]: String(editing.revision),
  };
}

/** Whether the public may download the evidence, as the form's checkbox says. */
export const evidencePublicFrom = (form: Record<string, string>): boolean => form[PUBLIC_EVIDENCE_FIELD] === 'on';

export async function handleClaimPage<C extends ListedClaim, S = null>(
  page: AstroGlobal,
  locale: Locale,
  slug: string,
  claimId: string | null,
  kind: ClaimFormKind<C, S>,
): Promise<ClaimPageView<C, S> | Response> {
  noStore(page);
  const gate = await gated(page, locale, async (db, user) => {
    const product = await findOwnedProduct(db, user, slug);
    const scope = await kind.scope(db, product);
    const claims = await kind.list(db, product.id, scope);
    const editing = claimId === null ? null : (claims.find((c) => c.id === claimId) ?? null);
    if (claimId !== null && !editing) throw new NotFoundError(kind.kind);
    return { product, scope, claims, editing };
  });
  if (gate instanceof Response) return gate;
  const { product, scope, claims, editing } = gate.data;
  const evidenceHref = editing?.evidenceType ? evidencePath(kind.kind, editing.id) : null;
  const shown = (view: FormView): ClaimPageView<C, S> => ({ ...view, product, scope, claims, editing, evidenceHref });

  if (page.request.method !== 'POST') {
    const view = emptyView(storedValues(kind, editing));
    if (page.url.searchParams.has('saved')) view.notice = kind.savedNotice(locale);
    return shown(view);
  }
  const form = await readUploadForm(page.request);
  if (form === 'too_large') {
    // Refused unread: said next to the file input, nothing saved.
    page.response.status = 413;
    const t = dictionary(locale).dashboard.photos;
    const view = emptyView(storedValues(kind, editing));
    view.alert = t.tooLargeAlert;
    view.errors = { evidence: format(t.tooLargeField, { total: MAX_UPLOAD_MEGABYTES }) };
    return shown(view);
  }
  const upload = { bucket: page.locals.services.media.bucket, file: form.files('evidence')[0] ?? null };
  const outcome = await runForm(
    page,
    locale,
    postedValues(kind.fields, form.fields),
    (db) => {
      const save = { db, user: gate.user, product, scope, upload, now: new Date() };
      return editing ? kind.update(save, editing, form.fields) : kind.add(save, form.fields);
    },
    claimWords(locale),
  );
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return shown(outcome.view);
  return seeOther(`${kind.listPaths(product.slug, scope)[locale]}?saved=1`);
}
