import { provinceOptions } from '../products/filter-options';
import type { Database } from '../db/client';
import { readListPage } from '../search/list-page';
import { directorySearchHelp, listCooperatives } from './directory';
import { directoryFilterShape } from './directory-filters';
import type { AfterResponse } from '../search/facet-cube';

/** Everything /hop-tac-xa shows for a URL. */
export async function loadDirectoryPage(db: Database, params: URLSearchParams, later?: AfterResponse) {
  const read = await readListPage(directoryFilterShape, params, (filters) =>
    listCooperatives(db, filters, undefined, later),
  );
  const provinces = provinceOptions();
  const help = await directorySearchHelp(db, read.filters, read.result, [...params.keys()]);
  return { ...read, provinces, help };
}

export type DirectoryPageData = Awaited<ReturnType<typeof loadDirectoryPage>>;
