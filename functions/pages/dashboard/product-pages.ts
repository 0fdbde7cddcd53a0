/**
 * Page controllers of the dashboard's product pages, shared by the
 * Vietnamese and English routes.
 */
import type { AstroGlobal } from 'astro';
import { dictionary, format, type Locale } from '../../../src/i18n';
import { MAX_UPLOAD_MEGABYTES } from '../../../src/server/media/limits';
import { dashboardProductPaths, routes } from '../../../src/i18n/routes';
import { requireRole } from '../../../src/server/accounts/guards';
import type { SessionUser } from '../../../src/server/accounts/users';
import { findOwnedProduct } from '../../../src/server/products/owned-product';
import { newProductDefaults } from '../../../src/server/products/new-product-defaults';
import {
  createProduct,
  duplicateProduct,
  EDITABLE_STATUSES,
  FORM_STATUSES,
  submitProduct,
  unpublishProduct,
  updateProduct,
} from '../../../src/server/products/product-writes';
import {
  cooperativeName,
  type DashboardProductRow,
  type EditableProduct,
  listCooperativeProducts,
  loadEditableProduct,
} from '../../../src/server/products/owner-list';
import {
  discardProductRevision,
  loadProductRevision,
  type ProductRevisionState,
} from '../../../src/server/products/product-revisions';
import type { Database } from '../../../src/server/db/client';
import { NotFoundError, ValidationError } from '../../../src/server/errors';
import { imageListFromForm, NEW_IMAGES_FIELD, postedImagesFrom } from '../../../src/server/media/image-list';
import type { StoredImage } from '../../../src/server/media/stored-image';
import { productInputSchema } from '../../../src/server/products/product-input';
import { fieldIssuesOf } from '../../../src/server/validation';
import { productInputFrom, productValuesFrom, productValuesOf } from './product-form';
import { readUploadForm, runUploadForm, type UploadForm } from './upload-form';
import { emptyView, type FormView, noStore, seeOther } from '../form-handling';
import { type FormWords, gated, runForm } from '../handle-page';

/** A submission refused for want of a photo is said next to the photo field, where one is added. */
const SUBMISSION_WORDS: FormWords = {
  invalid: ({ images, ...rest }) => ({ fields: images ? { ...rest, [NEW_IMAGES_FIELD]: images } : rest }),
};

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
    const [name, products] = await Promise.all([
      cooperativeName(db, cooperativeId),
      listCooperativeProducts(db, cooperativeId),
    ]);
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
  /** A published product's change waiting for review or sent back; the form shows its values. */
  revision: ProductRevisionState | null;
  /** Whether photos can be changed: in place only (a change for review of a published product does not carry photos yet). */
  photosEditable: boolean;
  /** The photos the form shows: stored ones, or after a refused save the list as posted (new uploads kept). */
  images: StoredImage[];
}

/** A post larger than the upload limit, refused unread: said next to the file input, nothing saved. */
function tooLarge(page: AstroGlobal, locale: Locale, values: Record<string, string>): FormView {
  page.response.status = 413;
  const t = dictionary(locale);
  const message = format(t.dashboard.photos.tooLargeField, { total: MAX_UPLOAD_MEGABYTES });
  return { ...emptyView(values), alert: t.dashboard.photos.tooLargeAlert, errors: { [NEW_IMAGES_FIELD]: message } };
}

/**
 * The product's fields and photos from a posted form, then `save` with both.
 * New files are stored first (so a refused save keeps them in the form);
 * photo refusals and field errors are reported together.
 */
async function saveWithImages<T>(
  page: AstroGlobal,
  locale: Locale,
  form: UploadForm,
  owner: { cooperativeId: string; userId: string },
  save: (db: Database, input: ReturnType<typeof productInputFrom>, images: StoredImage[]) => Promise<T>,
) {
  const values = productValuesFrom(form.fields);
  const posted = postedImagesFrom(form.fields);
  let images: StoredImage[] = [];
  const outcome = await runUploadForm(page, locale, values, async (db, store) => {
    const list = await imageListFromForm(db, store, owner, posted, form.files(NEW_IMAGES_FIELD), NEW_IMAGES_FIELD);
    images = list.images;
    const input = productInputFrom(values);
    if (Object.keys(list.issues).length > 0)
      throw new ValidationError({ ...fieldIssuesOf(productInputSchema, input), ...list.issues });
    return save(db, input, list.images);
  });
  if (!(outcome instanceof Response) && !outcome.ok) {
    // Alt texts as typed, so a too-long one is shown with its error.
    for (const image of images) {
      const typed = posted.find((p) => p.id === image.id);
      if (typed) Object.assign(image, { altVi: typed.altVi, altEn: typed.altEn });
    }
  }
  return { outcome, images };
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
    proposed: t.proposed,
    unchanged: t.unchangedProposal,
    discarded: t.discarded,
  };
  return done ? (notices[done] ?? null) : null;
}

export async function handleNewProduct(page: AstroGlobal, locale: Locale): Promise<ProductFormView | Response> {
  noStore(page);
  const gate = await gated(page, locale, async (db, user) => {
    const member = requireRole(user, 'member');
    return { member, defaults: await newProductDefaults(db, member.cooperativeId) };
  });
  if (gate instanceof Response) return gate;
  const { member, defaults } = gate.data;
  const blank = {
    product: null,
    editable: true,
    photosEditable: true,
    revision: null,
    images: [],
  };
  if (page.request.method !== 'POST') return { ...emptyView({ ...defaults }), ...blank };
  const form = await readUploadForm(page.request);
  if (form === 'too_large') return { ...tooLarge(page, locale, { ...defaults }), ...blank };
  const owner = { cooperativeId: member.cooperativeId ?? '', userId: gate.user.id };
  const { outcome, images } = await saveWithImages(page, locale, form, owner, (db, input, list) =>
    createProduct(db, gate.user, input, list),
  );
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return { ...outcome.view, ...blank, images };
  return seeOther(`${dashboardProductPaths(outcome.value.slug).edit[locale]}?done=created`);
}

export async function handleProductEdit(
  page: AstroGlobal,
  locale: Locale,
  slug: string,
): Promise<ProductFormView | Response> {
  noStore(page);
  const load = async (db: Database, user: SessionUser) => {
    const owned = await findOwnedProduct(db, user, slug);
    const [product, revision] = await Promise.all([
      loadEditableProduct(db, owned.id),
      loadProductRevision(db, owned.id),
    ]);
    if (!product) throw new NotFoundError('product');
    return { product, revision };
  };
  const gate = await gated(page, locale, load);
  if (gate instanceof Response) return gate;
  const { user } = gate;
  type Loaded = { product: EditableProduct; revision: ProductRevisionState | null };
  const view = (loaded: Loaded, form: FormView, images = loaded.product.images): ProductFormView => ({
    ...form,
    product: loaded.product,
    revision: loaded.revision,
    editable: FORM_STATUSES.includes(loaded.product.status),
    photosEditable: EDITABLE_STATUSES.includes(loaded.product.status),
    images,
  });
  /** What the form shows: the pending change's values while there is one, else the product's. */
  const storedValues = (loaded: Loaded) => productValuesOf(loaded.revision?.fields ?? loaded.product.fields);
  const here = dashboardProductPaths(gate.data.product.slug).edit[locale];

  if (page.request.method !== 'POST') {
    return view(gate.data, { ...emptyView(storedValues(gate.data)), notice: productNotice(page, locale) });
  }
  const upload = await readUploadForm(page.request);
  if (upload === 'too_large') return view(gate.data, tooLarge(page, locale, storedValues(gate.data)));
  const form = upload.fields;
  const intent = form.intent ?? 'save';
  const t = dictionary(locale).dashboard.productForm;

  if (intent === 'submit' || intent === 'unpublish' || intent === 'duplicate' || intent === 'discard-change') {
    const outcome = await runForm(
      page,
      locale,
      {},
      async (db) => {
        if (intent === 'submit')
          return submitProduct(db, user, slug).then(() => `${routes.accountProducts[locale]}?done=submitted`);
        if (intent === 'unpublish') return unpublishProduct(db, user, slug).then(() => `${here}?done=unpublished`);
        if (intent === 'discard-change')
          return discardProductRevision(db, user, slug, new Date()).then(() => `${here}?done=discarded`);
        const copy = await duplicateProduct(db, user, slug, t.copySuffix);
        return `${dashboardProductPaths(copy.slug).edit[locale]}?done=duplicated`;
      },
      SUBMISSION_WORDS,
    );
    if (outcome instanceof Response) return outcome;
    if (!outcome.ok) {
      const reloaded = await gated(page, locale, load);
      if (reloaded instanceof Response) return reloaded;
      return view(reloaded.data, { ...outcome.view, values: storedValues(reloaded.data) });
    }
    return seeOther(outcome.value);
  }
  const status = gate.data.product.status;
  if (!FORM_STATUSES.includes(status)) {
    // Refused before any upload is stored: a product awaiting review is not changed.
    page.response.status = 409;
    return view(gate.data, { ...emptyView(storedValues(gate.data)), alert: dictionary(locale).dashboard.conflict });
  }
  if (!EDITABLE_STATUSES.includes(status)) {
    // Published: the fields become a change for review. Its photos are not part of such a change (the
    // form does not offer them), so nothing posted here is stored or lost.
    const values = productValuesFrom(form);
    const outcome = await runForm(page, locale, values, (db) =>
      updateProduct(db, user, slug, productInputFrom(values)),
    );
    if (outcome instanceof Response) return outcome;
    if (!outcome.ok) return view(gate.data, outcome.view);
    return seeOther(`${here}?done=${outcome.value}`);
  }
  // findOwnedProduct (in `load`) made sure the user is a member of the product's cooperative.
  const owner = { cooperativeId: user.cooperativeId ?? '', userId: user.id };
  const { outcome, images } = await saveWithImages(page, locale, upload, owner, async (db, input, list) => {
    const saved = await updateProduct(db, user, slug, input, new Date(), list);
    // A new name gives the product a new slug: back to its form at its new address.
    const { slug: current } = await findOwnedProduct(db, user, slug);
    return `${dashboardProductPaths(current).edit[locale]}?done=${saved}`;
  });
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return view(gate.data, outcome.view, images);
  return seeOther(outcome.value);
}
