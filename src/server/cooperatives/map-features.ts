/**
 * The public cooperatives as GeoJSON (RFC 7946): the map page's data and an
 * open dataset. Filtered like the directory; each feature is a Point in
 * [longitude, latitude] order, at the cooperative's own place or, marked
 * `approximate`, at its commune's centre or its province's seat (`placedAt`).
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { cooperativePaths } from '../../i18n/routes';
import type { Database } from '../db/client';
import type { FilterFromQuery } from '../search/filter-words';
import { queryDirectory } from './directory';
import { type DirectoryFilters, directoryFilterShape } from './directory-filters';
import { cooperativeLocation, type Placement } from './location';
import type { CooperativeKind } from './vocabulary';

/**
 * At most this many features per answer. The map's JavaScript clusters a few
 * thousand points without effort; a national catalogue (tens of thousands)
 * is narrowed by province or kind, and `truncated` says when it must be.
 */
export const MAX_MAP_FEATURES = 5_000;

/** The directory's filters without its order and pages: a map shows all it matches. */
export const mapFilterShape = z.object(directoryFilterShape).omit({ sort: true, page: true, limit: true }).shape;
export type MapFilters = Omit<DirectoryFilters, 'sort' | 'page' | 'limit'>;

export interface CooperativeFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [longitude: number, latitude: number] };
  properties: {
    name: string;
    slug: string;
    kind: CooperativeKind;
    province: string;
    provinceEn: string;
    /** The cooperative's page, Vietnamese and English. */
    url: string;
    urlEn: string;
    /** True when the point stands in for a place the cooperative has not given. */
    approximate: boolean;
    /** Where the point is: the cooperative's own place, its commune's centre, its province's seat. */
    placedAt: Placement;
  };
}

export interface CooperativeFeatureCollection {
  type: 'FeatureCollection';
  features: CooperativeFeature[];
  /** A foreign member (RFC 7946 §6.1): more cooperatives match than MAX_MAP_FEATURES. */
  truncated: boolean;
}

interface MapRow {
  id: string;
  slug: string;
  name: string;
  kind: CooperativeKind;
  province_code: string;
  commune: string;
  province_name_vi: string;
  province_name_en: string;
  latitude: number | null;
  longitude: number | null;
}

const MAP_COLUMNS = sql`c.id, c.slug, c.name, c.kind, c.province_code, c.commune,
  pr.name_vi AS province_name_vi, pr.name_en AS province_name_en, c.latitude, c.longitude`;

/** Matching active cooperatives as features, in name order; `origin` makes their page addresses absolute. */
export async function cooperativeFeatureCollection(
  db: Database,
  filters: MapFilters,
  origin: string,
): Promise<CooperativeFeatureCollection> {
  return (await cooperativeFeatures(db, filters, origin)).collection;
}

/** The features, and the filters the search words were read as (the map page's chips and hints). */
export async function cooperativeFeatures(
  db: Database,
  filters: MapFilters,
  origin: string,
): Promise<{ collection: CooperativeFeatureCollection; filtersFromQuery: FilterFromQuery[] }> {
  const found = await queryDirectory<MapRow>(
    db,
    { ...filters, sort: 'name', page: 1, limit: MAX_MAP_FEATURES + 1 },
    MAP_COLUMNS,
    { count: false },
  );
  const features = found.items.slice(0, MAX_MAP_FEATURES).flatMap((row): CooperativeFeature[] => {
    const place = cooperativeLocation({
      latitude: row.latitude === null ? null : Number(row.latitude),
      longitude: row.longitude === null ? null : Number(row.longitude),
      provinceCode: row.province_code,
      commune: row.commune,
    });
    if (!place) return [];
    const paths = cooperativePaths(row.slug);
    return [
      {
        type: 'Feature',
        id: row.id,
        geometry: { type: 'Point', coordinates: [place.longitude, place.latitude] },
        properties: {
          name: row.name,
          slug: row.slug,
          kind: row.kind,
          province: row.province_name_vi,
          provinceEn: row.province_name_en,
          url: `${origin}${paths.vi}`,
          urlEn: `${origin}${paths.en}`,
          approximate: place.approximate,
          placedAt: place.placedAt,
        },
      },
    ];
  });
  return {
    collection: { type: 'FeatureCollection', features, truncated: found.items.length > MAX_MAP_FEATURES },
    filtersFromQuery: found.filtersFromQuery,
  };
}
