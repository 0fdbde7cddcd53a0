/**
 * The buyer's shortlist (/danh-sach-mua, /en/shortlist) and the comparison
 * of up to four of its products (/so-sanh, /en/compare). No account: the
 * list lives in a cookie (src/server/shortlist/). Adding and removing are
 * plain form posts answered 303 to where the buyer was, so they work
 * without script.
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
import { noStore, readForm, safeNext, seeOther } from '../form-handling';
import { loadPage } from '../handle-page';

export interface ShortlistData {
  products: ProductCard[];
  /** Set after an add was refused because the list is full. */
  full: boolean;
}

/** The shortlist page, or (POST) a change to the list and a redirect back. */
export async function handleShortlist(page: AstroGlobal, locale: Locale): Promise<ShortlistData | Response> {
  noStore(page);
  if (page.request.method === 'POST') return changeShortlist(page, locale);
  const slugs = page.locals.shortlist ?? [];
  const products = await loadPage(page, locale, (db) => productCardsBySlugs(db, slugs));
  if (products instanceof Response) return products;
  return { products, full: page.url.searchParams.get('full') === '1' };
}

/**
 * `intent` add | remove | clear, `product` a slug, `back` where to return
 * (a path of this site; the shortlist page otherwise). Only a product the
 * public can see is added, so the cookie never holds an unknown slug.
 */
async function changeShortlist(page: AstroGlobal, locale: Locale): Promise<Response> {
  const form = await readForm(page.request);
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
