/**
 * The map page's only script: draws the cooperatives of the list below the
 * map (each item carries its coordinates) as clustered Leaflet markers. The
 * list is the page without script and the map's text alternative, so the
 * markers are made from it and the two cannot disagree. Names and places go
 * into the popups as text (cloned nodes), never as HTML.
 */
import './leaflet-global';
import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import './cooperative-map.css';
import { VIETNAM, vietnamMap } from './map-base';

function markerFor(item: HTMLElement): L.Marker | null {
  const latitude = Number(item.dataset.lat);
  const longitude = Number(item.dataset.lng);
  const link = item.querySelector('a');
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || !link) return null;
  const approximate = item.dataset.approximate === 'true';
  const name = link.textContent ?? '';
  const marker = L.marker([latitude, longitude], {
    // A focusable button (Leaflet's keyboard option): Tab reaches it, Enter opens its card.
    keyboard: true,
    title: name,
    icon: L.divIcon({
      className: approximate ? 'map-marker map-marker--approximate' : 'map-marker',
      iconSize: [18, 18],
    }),
  });
  const card = item.cloneNode(true) as HTMLElement;
  card.removeAttribute('id');
  card.className = 'map-card';
  marker.bindPopup(card);
  // Leaflet names only image icons (alt); a div icon gets its name here, each time clustering puts it back on the map.
  marker.on('add', () => marker.getElement()?.setAttribute('aria-label', name));
  return marker;
}

/** Cooperatives spread over more latitude than this (of the country's 15) are a national list. */
const NATIONWIDE_DEGREES = 6;

function drawMap(container: HTMLElement, list: HTMLElement) {
  container.hidden = false;
  const map = vietnamMap(container);
  const clusterLabel = container.dataset.clusterLabel ?? '{count}';
  const clusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 50,
    // The count for the eye, and a sentence for a screen reader ("12 cooperatives here: zoom in").
    iconCreateFunction: (cluster) => {
      const count = cluster.getChildCount();
      const label = document.createElement('span');
      label.className = 'visually-hidden';
      label.textContent = clusterLabel.replace('{count}', String(count));
      return L.divIcon({
        className: 'marker-cluster',
        html: `<div><span aria-hidden="true">${count}</span>${label.outerHTML}</div>`,
        iconSize: [40, 40],
      });
    },
  });
  for (const item of list.querySelectorAll<HTMLElement>('li[data-lat]')) {
    const marker = markerFor(item);
    if (marker) clusters.addLayer(marker);
  }
  map.addLayer(clusters);
  // A list across the country is shown with the whole country, its archipelagos included; a
  // narrower one (a province, a region) with its own cooperatives.
  const bounds = clusters.getBounds();
  if (bounds.isValid() && bounds.getNorth() - bounds.getSouth() < NATIONWIDE_DEGREES) {
    map.fitBounds(bounds.pad(0.1), { maxZoom: 12 });
  } else map.fitBounds(VIETNAM);
}

const container = document.getElementById('cooperative-map');
const list = document.getElementById('map-list');
if (container && list) drawMap(container, list);
