/**
 * Page controller of the map of cooperatives (/ban-do, /en/map): the list's
 * data and the tile server from configuration. A template the CSP would not
 * allow (not https) counts as none, so the page never asks for tiles the
 * browser is told to refuse.
 */
import type { AstroGlobal } from 'astro';
import type { Locale } from '../../../src/i18n';
import { loadMapPage, type MapPageData } from '../../../src/server/cooperatives/map-page';
import { mapTilesSource } from '../../security-headers';
import { loadListPage } from '../handle-page';

export interface MapTiles {
  url: string;
  attribution: string;
}

export interface MapView {
  data: MapPageData;
  /** Null when no tile server is configured: the markers are drawn on a plain background. */
  tiles: MapTiles | null;
}

/** The tiles of this deployment's maps (the map page, the profile form's place picker), or null for none. */
export function configuredTiles(env: Env): MapTiles | null {
  const { MAP_TILES_URL: url, MAP_TILES_ATTRIBUTION: attribution } = env;
  return url && mapTilesSource(url) ? { url: url.trim(), attribution: attribution?.trim() ?? '' } : null;
}

export async function handleMapPage(page: AstroGlobal, locale: Locale): Promise<MapView | Response> {
  const data = await loadListPage(page, locale, (db, params) => loadMapPage(db, params));
  if (data instanceof Response) return data;
  return { data, tiles: configuredTiles(page.locals.services.env) };
}
