/**
 * What every map of the site draws under its own layers (the map page's
 * markers, the profile form's place picker): the tiles of configuration
 * (`data-tiles-url`, `data-tiles-attribution` on the container), or without
 * them Viet Nam's outline with the archipelagos named (`data-hoang-sa`,
 * `data-truong-sa`, in the page's language).
 */
import L from 'leaflet';
import './map-base.css';
import { ARCHIPELAGOS, VIETNAM_OUTLINE } from './vietnam-outline';

/** Viet Nam with its islands: the view before any place is known, and the limit of panning. */
export const VIETNAM: L.LatLngBoundsLiteral = [
  [8.1, 102.1],
  [23.4, 117.9],
];

/** A map in `container` kept over Viet Nam, with its background. */
export function vietnamMap(container: HTMLElement): L.Map {
  // maxZoom on the map itself: the cluster plugin needs one even when no tile layer brings its own.
  // minZoom 4.5: at 5 a phone's map (328 px across at 360) holds 14° of longitude, less than the
  // country and its archipelagos (15.8°), which were cut at both sides.
  const map = L.map(container, {
    maxBounds: VIETNAM,
    maxBoundsViscosity: 0.8,
    minZoom: 4.5,
    maxZoom: 18,
    zoomSnap: 0.5,
  });
  map.attributionControl.setPrefix(false);
  const tiles = container.dataset.tilesUrl;
  if (tiles) {
    // The attribution is configuration, but Leaflet writes it as HTML: set it as text.
    const attribution = document.createElement('span');
    attribution.textContent = container.dataset.tilesAttribution ?? '';
    L.tileLayer(tiles, { attribution: attribution.innerHTML, crossOrigin: '', maxZoom: 18 }).addTo(map);
  } else drawOutline(map, container);
  return map;
}

/** Without tiles: the country's shape and the archipelagos' names, drawn from committed data. */
function drawOutline(map: L.Map, container: HTMLElement) {
  // One polygon per ring (the mainland, Phú Quốc): nested once more, or Leaflet reads the island as a hole.
  const polygons = VIETNAM_OUTLINE.map((ring) => [ring.map(([longitude, latitude]) => L.latLng(latitude, longitude))]);
  L.polygon(polygons, { className: 'map-outline', interactive: false }).addTo(map);
  for (const { label, at, direction } of ARCHIPELAGOS) {
    const name = document.createElement('span');
    name.textContent = container.dataset[label] ?? '';
    L.circleMarker([at[1], at[0]], { className: 'map-outline', radius: 3, interactive: false })
      .bindTooltip(name, {
        permanent: true,
        direction,
        className: `map-outline__label map-outline__label--${direction}`,
      })
      .addTo(map);
  }
}
