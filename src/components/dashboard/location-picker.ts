/**
 * The profile form's place picker, the only script of that page besides the
 * unsaved-changes warning: a map above the latitude and longitude fields,
 * where a click (or dragging the pin) writes the two numbers into the fields.
 * The fields stay the form: without script they are typed, with it they can
 * still be typed (the pin follows), and the server judges them either way
 * (inside Viet Nam, both or neither). A click outside Viet Nam's extent
 * writes nothing.
 */
import '../map/leaflet-global';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './location-picker.css';
import { VIETNAM, vietnamMap } from '../map/map-base';

/** Six decimals are about 10 cm: more than a click on a map can mean. */
const DECIMALS = 6;
/** Close enough to see the street when a place is known; without tiles, close enough to still see the coast. */
const placeZoom = (container: HTMLElement) => (container.dataset.tilesUrl ? 14 : 8);

const bounds = L.latLngBounds(VIETNAM);

/** A typed coordinate, with a decimal comma as people type it on Vietnamese keyboards. */
const typedNumber = (input: HTMLInputElement) => Number(input.value.trim().replace(',', '.'));

function typedPlace(latitude: HTMLInputElement, longitude: HTMLInputElement): L.LatLng | null {
  if (latitude.value.trim() === '' || longitude.value.trim() === '') return null;
  const place = L.latLng(typedNumber(latitude), typedNumber(longitude));
  return Number.isFinite(place.lat) && Number.isFinite(place.lng) && bounds.contains(place) ? place : null;
}

function pickPlace(container: HTMLElement, latitude: HTMLInputElement, longitude: HTMLInputElement) {
  container.hidden = false;
  for (const note of document.querySelectorAll<HTMLElement>('[data-location-picker-note]')) note.hidden = false;
  const map = vietnamMap(container);
  const pin = L.marker([0, 0], {
    draggable: true,
    keyboard: false,
    icon: L.divIcon({ className: 'place-marker', iconSize: [18, 18] }),
  });

  const show = (place: L.LatLng | null, move: boolean) => {
    // Fields emptied: no pin, and the view stays where the person was looking.
    if (!place) {
      pin.remove();
      return;
    }
    pin.setLatLng(place).addTo(map);
    if (move) map.setView(place, Math.max(map.getZoom() || 0, placeZoom(container)));
  };

  const write = (place: L.LatLng) => {
    if (!bounds.contains(place)) return;
    latitude.value = place.lat.toFixed(DECIMALS);
    longitude.value = place.lng.toFixed(DECIMALS);
    // As if typed: the unsaved-changes warning and anything else listening hear of it.
    for (const input of [latitude, longitude]) input.dispatchEvent(new Event('input', { bubbles: true }));
    show(place, false);
  };

  map.on('click', (event: L.LeafletMouseEvent) => write(event.latlng));
  pin.on('dragend', () => write(pin.getLatLng()));
  for (const input of [latitude, longitude])
    input.addEventListener('change', () => show(typedPlace(latitude, longitude), true));
  const known = typedPlace(latitude, longitude);
  if (known) show(known, true);
  else map.fitBounds(VIETNAM);
}

const container = document.getElementById('location-picker');
const form = container?.closest('form');
const latitude = form?.querySelector<HTMLInputElement>('input[name="latitude"]');
const longitude = form?.querySelector<HTMLInputElement>('input[name="longitude"]');
if (container && latitude && longitude) pickPlace(container, latitude, longitude);
