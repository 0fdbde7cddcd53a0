/**
 * Page controllers of the dashboard's product pages, shared by the
 * Vietnamese and English routes.
 */
import type { AstroGlobal } from 'astro';
import { dictionary, type Locale } from '../../i18n';
import { dashboardProductPaths, routes } from '../../i18n/routes';
import { requireRole } from '../../server/accounts/guards';
import type { SessionUser } from '../../server/accounts/users';
import { findOwnedProduct } from '../../server/dashboard/owned-product';
import {
  addOcopRating,
  createProduct,
  duplicateProduct,
  EDITABLE_STATUSES,
  FORM_STATUSES,
  submitProduct,
  unpublishProduct,
  updateProduct,
} from '../../server/dashboard/product-writes';
import {
  cooperativeName,
  type DashboardProductRow,
  type EditableProduct,
  listCooperativeProducts,
  loadEditableProduct,
} from '../../server/dashboard/products';
import { discardProductRevision, loadProductRevision, type ProductRevisionState } from '../../server/dashboard/product-revisions';
import type { Database } from '../../server/db/client';
import { NotFoundError } from '../../server/errors';
import { emptyView, type FormView, noStore, readForm, runForm, seeOther } from '../accounts/form-handling';
import { gated } from './gate';
import { productInputFrom, productValuesFrom, productValuesOf, ratingInputFrom, ratingValuesFrom } from './product-form';

export interface ProductListData {
  cooperativeName: string;
  products: DashboardProductRow[];
  notice: string | null;
}

export async function handleProductList(page: AstroGlobal, locale: Locale): Promise<ProductListData | Response> {
  noStore(page);
  const gate = await gated(page, locale, async (db, user) => {
    const member = requireRole(user, 'member');
    const cooperativeId = member.cooperativeId ?? '';
    const [name, products] = await Promise.all([cooperativeName(db, cooperativeId), listCooperativeProducts(db, cooperativeId)]);
    return { cooperativeName: name, products };
  });
  if (gate instanceof Response) return gate;
  const submitted = page.url.searchParams.get('done') === 'submitted';
  return { ...gate.data, notice: submitted ? dictionary(locale).dashboard.productForm.submitted : null };
}

export interface ProductFormView extends FormView {
  /** The product being edited, or null on the new-product page. */
  product: EditableProduct | null;
  /** Whether its form is open: in place (draft, rejected, unpublished) or as a change for review (published). */
  editable: boolean;
  /** Whether OCOP ratings can be added (only in place: a rating changes what the public sees at once). */
  ratingsEditable: boolean;
  /** A published product's change waiting for review or sent back; the form shows its values. */
  revision: ProductRevisionState | null;
  /** The OCOP rating form's own values, errors and alert. */
  rating: FormView;
}

/** Notices after a redirect (?done=…) on the product page. */
function productNotice(page: AstroGlobal, locale: Locale): string | null {
  const t = dictionary(locale).dashboard.productForm;
  const done = page.url.searchParams.get('done');
  const notices: Record<string, string> = {
    created: t.created,
    saved: t.saved,
    unpublished: t.unpublished,
    duplicated: t.duplicated,
    rating: t.ratingAdded,
    proposed: t.proposed,
    unchanged: t.unchangedProposal,
    discarded: t.discarded,
  };
  return done ? (notices[done] ?? null) : null;
}

export async function handleNewProduct(page: AstroGlobal, locale: Locale): Promise<ProductFormView | Response> {
  noStore(page);
  const gate = await gated(page, locale, async (_db, user) => requireRole(user, 'member'));
  if (gate instanceof Response) return gate;
  const blank = { product: null, editable: true, ratingsEditable: false, revision: null, rating: emptyView() };
  if (page.request.method !== 'POST') return { ...emptyView({ minOrder: '1' }), ...blank };
  const values = productValuesFrom(await readForm(page.request));
  const outcome = await runForm(page, locale, values, (db) => createProduct(db, gate.user, productInputFrom(values)));
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return { ...outcome.view, ...blank };
  return seeOther(`${dashboardProductPaths(outcome.value.slug).edit[locale]}?done=created`);
}

export async function handleProductEdit(page: AstroGlobal, locale: Locale, slug: string): Promise<ProductFormView | Response> {
  noStore(page);
  const load = async (db: Database, user: SessionUser) => {
    const owned = await findOwnedProduct(db, user, slug);
    const [product, revision] = await Promise.all([loadEditableProduct(db, owned.id), loadProductRevision(db, owned.id)]);
    if (!product) throw new NotFoundError('product');
    return { product, revision };
  };
  const gate = await gated(page, locale, load);
  if (gate instanceof Response) return gate;
  const { user } = gate;
  const view = (loaded: { product: EditableProduct; revision: ProductRevisionState | null }, form: FormView, rating: FormView = emptyView()): ProductFormView => ({
    ...form,
    product: loaded.product,
    revision: loaded.revision,
    editable: FORM_STATUSES.includes(loaded.product.status),
    ratingsEditable: EDITABLE_STATUSES.includes(loaded.product.status),
    rating,
  });
  /** What the form shows: the pending change's values while there is one, else the product's. */
  const storedValues = (loaded: { product: EditableProduct; revision: ProductRevisionState | null }) => productValuesOf(loaded.revision?.fields ?? loaded.product.fields);
  const here = dashboardProductPaths(gate.data.product.slug).edit[locale];

  if (page.request.method !== 'POST') {
    return view(gate.data, { ...emptyView(storedValues(gate.data)), notice: productNotice(page, locale) });
  }
  const form = await readForm(page.request);
  const intent = form.intent ?? 'save';
  const t = dictionary(locale).dashboard.productForm;

  if (intent === 'add-rating') {
    const values = ratingValuesFrom(form);
    const outcome = await runForm(page, locale, values, (db) => addOcopRating(db, user, slug, ratingInputFrom(values), new Date()));
    if (outcome instanceof Response) return outcome;
    if (!outcome.ok) return view(gate.data, emptyView(storedValues(gate.data)), outcome.view);
    return seeOther(`${here}?done=rating`);
  }
  if (intent === 'submit' || intent === 'unpublish' || intent === 'duplicate' || intent === 'discard-change') {
    const outcome = await runForm(page, locale, {}, async (db) => {
      if (intent === 'submit') return submitProduct(db, user, slug).then(() => `${routes.accountProducts[locale]}?done=submitted`);
      if (intent === 'unpublish') return unpublishProduct(db, user, slug).then(() => `${here}?done=unpublished`);
      if (intent === 'discard-change') return discardProductRevision(db, user, slug, new Date()).then(() => `${here}?done=discarded`);
      const copy = await duplicateProduct(db, user, slug, t.copySuffix);
      return `${dashboardProductPaths(copy.slug).edit[locale]}?done=duplicated`;
    });
    if (outcome instanceof Response) return outcome;
    if (!outcome.ok) {
      const reloaded = await gated(page, locale, load);
      if (reloaded instanceof Response) return reloaded;
      return view(reloaded.data, { ...outcome.view, values: storedValues(reloaded.data) });
    }
    return seeOther(outcome.value);
  }
  const values = productValuesFrom(form);
  const outcome = await runForm(page, locale, values, (db) => updateProduct(db, user, slug, productInputFrom(values)));
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return view(gate.data, outcome.view);
  return seeOther(`${here}?done=${outcome.value}`);
}
