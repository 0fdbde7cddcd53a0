/**
 * The buyer's shortlist (/danh-sach-mua, /en/shortlist) and the comparison
 * of up to four of its products (/so-sanh, /en/compare). No account: the
 * list lives in a cookie (src/server/shortlist/). Adding and removing are
 * plain form posts answered 303 to where the buyer was, so they work
 * without script. The page's inquiry form sends one request to the
 * cooperatives of the listed products (src/server/inquiries/request.ts);
 * the list stays, and the page then says what was sent.
 */
import type { AstroGlobal } from 'astro';
import type { Locale } from '../../../src/i18n';
import { routes } from '../../../src/i18n/routes';
import { ConflictError, NotFoundError } from '../../../src/server/errors';
import type { ProductCard } from '../../../src/server/products/card';
import { productCardsBySlugs } from '../../../src/server/products/card-queries';
import { getPublicProduct, type ProductDetail } from '../../../src/server/products/product-detail';
import { shortlistCookie } from '../../../src/server/shortlist/cookie';
import {
  addToShortlist,
  isProductSlug,
  MAX_COMPARED,
  removeFromShortlist,
} from '../../../src/server/shortlist/shortlist';
import { formSecret } from '../../../src/server/inquiries/form-token';
import { inquiryFromForm } from '../../../src/server/inquiries/input';
import { normaliseReference } from '../../../src/server/inquiries/reference';
import { submitInquiryRequest } from '../../../src/server/inquiries/request';
import { clientAddress } from '../../../src/server/security/client-address';
import { emptyView, type FormView, noStore, readFormWithLists, safeNext, seeOther } from '../form-handling';
import { loadPage, runForm } from '../handle-page';
import { deliverAfterResponse, inquiryFormWords, links } from '../inquiries/inquiry-pages';

export interface ShortlistData {
  products: ProductCard[];
  /** Set after an add was refused because the list is full. */
  full: boolean;
  /** The inquiry form: empty, or as typed with its errors. */
  inquiry: FormView;
  /** What the inquiry form just sent (read from the address after the redirect: nothing is loaded). */
  sent: { reference: string; conversations: number; mailed: boolean } | null;
}

/** The shortlist page, or (POST) a change to the list and a redirect back, or the inquiry to its cooperatives. */
export async function handleShortlist(page: AstroGlobal, locale: Locale): Promise<ShortlistData | Response> {
  noStore(page);
  if (page.request.method === 'POST') {
    const posted = await readFormWithLists(page.request, ['products']);
    if (posted.fields.intent === 'inquire') return sendRequest(page, locale, posted.fields, posted.lists.products);
    return changeShortlist(page, locale, posted.fields);
  }
  return shortlistView(page, locale, emptyView());
}

async function shortlistView(page: AstroGlobal, locale: Locale, inquiry: FormView): Promise<ShortlistData | Response> {
  const slugs = page.locals.shortlist ?? [];
  const products = await loadPage(page, locale, (db) => productCardsBySlugs(db, slugs));
  if (products instanceof Response) return products;
  const params = page.url.searchParams;
  const reference = normaliseReference(params.get('sent') ?? '');
  const conversations = Number(params.get('to') ?? '0');
  return {
    products,
    full: params.get('full') === '1',
    inquiry,
    sent:
      reference && Number.isInteger(conversations) && conversations > 0
        ? { reference, conversations, mailed: params.get('mailed') === '1' }
        : null,
  };
}

/**
 * The inquiry form's POST: one request to the cooperatives of the products
 * the form listed (as the page showed them), with the same checks as the
 * product page's form. Sent, 303 back to the list, which says what went;
 * refused, the page again with what was typed and the errors.
 */
async function sendRequest(
  page: AstroGlobal,
  locale: Locale,
  form: Record<string, string>,
  productSlugs: string[],
): Promise<ShortlistData | Response> {
  // Values go back into the form as typed (the honeypot never does; the token does, see InquiryForm).
  const { website: _w, intent: _i, ...values } = form;
  const { formToken } = form;
  const outcome = await runForm(
    page,
    locale,
    values,
    async (db) => {
      const result = await submitInquiryRequest(
        db,
        { ...inquiryFromForm(form), products: productSlugs },
        {
          clientAddress: clientAddress(page.request),
          locale,
          idempotencyKey: null,
          formToken: { secret: formSecret(page.locals.services.env), token: formToken ?? '' },
          // Turnstile needs JavaScript in the browser; this form must work without it (README, "Configuration").
          turnstile: null,
          links: links(page),
        },
        new Date(),
      );
      if (result.kind === 'created' && result.deliver) {
        for (const id of result.inquiryIds) deliverAfterResponse(page, db, id);
      }
      return result.receipt;
    },
    inquiryFormWords(locale),
  );
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return shortlistView(page, locale, withProductErrors(outcome.view));
  const receipt = outcome.value;
  const mailed = form.email?.trim() ? '&mailed=1' : '';
  const count = Math.max(1, receipt.conversations.length);
  return seeOther(
    `${routes.shortlist[locale]}?sent=${encodeURIComponent(receipt.reference)}&to=${count}${mailed}#inquiry-sent`,
  );
}

/**
 * The list's problems under one name, as the form shows them: a product
 * unpublished since the page was shown (`products.2`) is named by the
 * list's own error, and the page shows the list as it now is.
 */
function withProductErrors(view: FormView): FormView {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(view.errors)) {
    const key = field.startsWith('products.') ? 'products' : field;
    errors[key] ??= message;
  }
  return { ...view, errors };
}

/**
 * `intent` add | remove | clear, `product` a slug, `back` where to return
 * (a path of this site; the shortlist page otherwise). Only a product the
 * public can see is added, so the cookie never holds an unknown slug.
 */
async function changeShortlist(page: AstroGlobal, locale: Locale, form: Record<string, string>): Promise<Response> {
  const here = routes.shortlist[locale];
  const back = safeNext(form.back, here);
  const slug = form.product ?? '';
  const slugs = page.locals.shortlist ?? [];
  const kept = (list: readonly string[]) => seeOther(back, [shortlistCookie(page.url, list)]);
  if (form.intent === 'clear') return kept([]);
  if (form.intent === 'remove') return kept(removeFromShortlist(slugs, slug));
  const outcome = await loadPage(page, locale, async (db) => {
    const [product] = isProductSlug(slug) ? await productCardsBySlugs(db, [slug]) : [];
    if (!product) throw new NotFoundError('product');
    try {
      return addToShortlist(slugs, product.slug);
    } catch (error) {
      if (error instanceof ConflictError) return null;
      throw error;
    }
  });
  if (outcome instanceof Response) return outcome;
  return outcome === null ? seeOther(`${here}?full=1`) : kept(outcome);
}

export interface CompareData {
  products: ProductDetail[];
}

/**
 * The products named by `p` (as the shortlist's compare form sends them),
 * or the first of the shortlist; at most MAX_COMPARED, each read as its
 * public page reads it, so the comparison says what the pages say.
 */
export async function handleCompare(page: AstroGlobal, locale: Locale): Promise<CompareData | Response> {
  noStore(page);
  const chosen = page.url.searchParams.getAll('p').filter(isProductSlug);
  const slugs = [...new Set(chosen.length > 0 ? chosen : (page.locals.shortlist ?? []))].slice(0, MAX_COMPARED);
  const now = new Date();
  const products = await loadPage(page, locale, (db) =>
    Promise.all(
      slugs.map((slug) =>
        getPublicProduct(db, slug, now).catch((error: unknown) => {
          // Unpublished since it was shortlisted: left out, like on the shortlist.
          if (error instanceof NotFoundError) return null;
          throw error;
        }),
      ),
    ),
  );
  if (products instanceof Response) return products;
  return { products: products.filter((product): product is ProductDetail => product !== null) };
}
