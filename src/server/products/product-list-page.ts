import type { Database } from '../db/client';
import { readListPage } from '../search/list-page';
import { vietnamDate } from '../time/vietnam';
import type { AfterResponse } from '../search/facet-cube';
import { provinceOptions } from './filter-options';
import { checkProductFilters, productFilterShape } from './product-filters';
import { listProducts, productSearchHelp } from './product-list';

/** Everything /san-pham shows for a URL. */
export async function loadProductListPage(db: Database, params: URLSearchParams, now: Date, later?: AfterResponse) {
  const today = vietnamDate(now);
  const read = await readListPage(
    productFilterShape,
    params,
    (filters) => listProducts(db, filters, { today, facets: true, ...(later ? { later } : {}) }),
    checkProductFilters,
  );
  const provinces = provinceOptions();
  const help = await productSearchHelp(db, read.filters, read.result, { order: [...params.keys()], today });
  return { ...read, provinces, help };
}

export type ProductListPageData = Awaited<ReturnType<typeof loadProductListPage>>;
