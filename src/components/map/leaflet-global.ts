/**
 * leaflet.markercluster is a UMD script that extends the global `L`: this
 * module, imported before it, gives it the bundled Leaflet to extend.
 */
import L from 'leaflet';

(globalThis as { L?: typeof L }).L = L;
