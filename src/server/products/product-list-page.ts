import type { Database } from '../db/client';
import { readListPage } from '../search/list-page';
import { vietnamDate } from '../time/vietnam';
import { listProvinceOptions } from './filter-options';
import { checkProductFilters, productFilterShape } from './product-filters';
import { listProducts } from './product-list';

/** Everything /san-pham shows for a URL. */
export async function loadProductListPage(db: Database, params: URLSearchParams, now: Date) {
  const [read, provinces] = await Promise.all([
    readListPage(
      productFilterShape,
      params,
      (filters) => listProducts(db, filters, { today: vietnamDate(now), facets: true }),
      checkProductFilters,
    ),
    listProvinceOptions(db),
  ]);
  return { ...read, provinces };
}

export type ProductListPageData = Awaited<ReturnType<typeof loadProductListPage>>;
