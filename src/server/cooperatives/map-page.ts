import type { Database } from '../db/client';
import { provinceOptions } from '../products/filter-options';
import type { ListPage } from '../search/list-query';
import { readListPage } from '../search/list-page';
import type { FilterFromQuery } from '../search/filter-words';
import { type CooperativeFeature, cooperativeFeatures, MAX_MAP_FEATURES, mapFilterShape } from './map-features';

/**
 * Everything /ban-do shows for a URL: the directory's filters, read as
 * leniently as the directory reads them, and the matching cooperatives as
 * features with paths of this site (the page's list and the map's markers).
 */
export async function loadMapPage(db: Database, params: URLSearchParams) {
  const read = await readListPage(
    mapFilterShape,
    params,
    async (filters): Promise<ListPage<CooperativeFeature, 'name'> & { filtersFromQuery: FilterFromQuery[] }> => {
      const { collection, filtersFromQuery } = await cooperativeFeatures(db, filters, '');
      return {
        filtersFromQuery,
        items: collection.features,
        total: collection.features.length,
        totalIsCapped: collection.truncated,
        page: 1,
        limit: MAX_MAP_FEATURES,
        sort: 'name',
      };
    },
  );
  const provinces = provinceOptions();
  return { ...read, provinces };
}

export type MapPageData = Awaited<ReturnType<typeof loadMapPage>>;
