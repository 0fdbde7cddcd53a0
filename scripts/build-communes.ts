/**
 * `npx tsx scripts/build-communes.ts <folder>`: writes
 * src/server/provinces/commune-data.ts, the 3,321 commune-level units (xã,
 * phường, đặc khu) in force since 1 July 2025, from a copy of the
 * Vietnamese Provinces Database.
 *
 * Source: https://github.com/thanglequoc/vietnamese-provinces-database
 * (MIT licence, © 2021 Thang Le Quoc), read at commit
 * cd58063299585146ded3981f2272946ef19ced54 (2 August 2026), which follows
 * Decision 19/2025/QĐ-TTg. Names and codes are the National Statistics
 * Office's (Cục Thống kê) list; the boundaries, from which the centres are
 * computed here, were derived by that project from the official reference
 * map of the reorganised units (sapnhap.bando.com.vn, the cartography
 * publishing house of the Ministry of Agriculture and Environment).
 *
 * To re-download (about 610 MB of boundaries; only two paths are read):
 *
 *   git clone --depth 1 --filter=blob:none --sparse \
 *     https://github.com/thanglequoc/vietnamese-provinces-database /tmp/vn-units
 *   git -C /tmp/vn-units sparse-checkout set json
 *   npx tsx scripts/build-communes.ts /tmp/vn-units
 *
 * It reads `json/simplified_json_generated_data_vn_units_*.json` (the units,
 * newest file) and `json/geojson/<province>/wards/<code>_*.geojson` (one
 * boundary per unit). A centre  is the centroid of the unit's largest polygon,
 * moved inside the polygon when the centroid falls outside (a crescent-shaped
 * commune), rounded to 3 decimals (about 100 m, as the province seats). It is
 * dropped, and the unit kept without one, when it is outside Viet Nam's
 * bounds or its province's boundary box: the run prints how many. The source
 * puts tone marks on the second vowel of an open "oa", "oe", "uy" ("Hoà");
 * names are written as the resolutions and this portal write them ("Hòa").
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { format, resolveConfig } from 'prettier';
import { VIETNAM_BOUNDS } from '../src/server/cooperatives/location';
import { PROVINCES } from '../src/server/provinces/reference';
import { resolutionToneMarks } from '../src/server/provinces/tone-marks';

const OUTPUT = 'src/server/provinces/commune-data.ts';
/** Degrees (about 25 km) a centre may lie beyond its province's boundary box, which leaves out some islands (Nhơn Châu). */
const PROVINCE_MARGIN = 0.25;

type Ring = [number, number][];
type Polygon = Ring[];

interface SourceUnit {
  Code: string;
  Name: string;
  FullName: string;
  ProvinceCode: string;
}

const KINDS = [
  ['Xã ', 'x'],
  ['Phường ', 'p'],
  ['Đặc khu ', 'd'],
] as const;

function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    sum += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return sum / 2;
}

function ringCentroid(ring: Ring): [number, number] {
  let x = 0;
  let y = 0;
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const cross = ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
    area += cross;
    x += (ring[j]![0] + ring[i]![0]) * cross;
    y += (ring[j]![1] + ring[i]![1]) * cross;
  }
  return [x / (3 * area), y / (3 * area)];
}

function insideRing([x, y]: [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const insidePolygon = (point: [number, number], [outer, ...holes]: Polygon) =>
  insideRing(point, outer!) && !holes.some((hole) => insideRing(point, hole));

/** The middle of the widest stretch of the polygon along the centroid's parallel: a point inside it. */
function pointOnParallel(polygon: Polygon, y: number): [number, number] | null {
  const crossings: number[] = [];
  for (const ring of polygon)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y) crossings.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
    }
  crossings.sort((a, b) => a - b);
  let best: [number, number] | null = null;
  let width = 0;
  for (let i = 0; i + 1 < crossings.length; i += 2)
    if (crossings[i + 1]! - crossings[i]! > width) {
      width = crossings[i + 1]! - crossings[i]!;
      best = [(crossings[i]! + crossings[i + 1]!) / 2, y];
    }
  return best;
}

/** [longitude, latitude] inside the unit's largest polygon. */
function centreOf(polygons: Polygon[]): [number, number] | null {
  const largest = polygons.reduce<Polygon | null>(
    (best, polygon) => (!best || Math.abs(ringArea(polygon[0]!)) > Math.abs(ringArea(best[0]!)) ? polygon : best),
    null,
  );
  if (!largest) return null;
  const centroid = ringCentroid(largest[0]!);
  if (insidePolygon(centroid, largest)) return centroid;
  return pointOnParallel(largest, centroid[1]);
}

function polygonsOf(file: string): { polygons: Polygon[]; bbox: [number, number, number, number] } {
  const collection = JSON.parse(readFileSync(file, 'utf8')) as {
    bbox: [number, number, number, number];
    features: { geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } }[];
  };
  const polygons = collection.features.flatMap(({ geometry }) =>
    geometry.type === 'Polygon' ? [geometry.coordinates as Polygon] : (geometry.coordinates as Polygon[]),
  );
  return { polygons, bbox: collection.bbox };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

async function main(root: string) {
  const jsonDir = join(root, 'json');
  const listFile = readdirSync(jsonDir)
    .filter((name) => name.startsWith('simplified_json_generated_data_vn_units_'))
    .sort()
    .at(-1);
  if (!listFile) throw new Error(`no simplified_json_generated_data_vn_units_*.json in ${jsonDir}`);
  const source = JSON.parse(readFileSync(join(jsonDir, listFile), 'utf8')) as { Code: string; Wards: SourceUnit[] }[];
  const folders = new Map(
    readdirSync(join(jsonDir, 'geojson'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => [entry.name.slice(0, 2), join(jsonDir, 'geojson', entry.name)]),
  );

  const lines: string[] = [];
  const report: string[] = [];
  let total = 0;
  let dropped = 0;
  let missing = 0;
  for (const province of PROVINCES) {
    const units = source.find((entry) => entry.Code === province.code)?.Wards;
    const folder = folders.get(province.code);
    if (!units || !folder) throw new Error(`province ${province.code} missing from the source`);
    const [west, south, east, north] = polygonsOf(
      join(
        folder,
        readdirSync(folder).find((name) => name.endsWith('.geojson'))!,
      ),
    ).bbox;
    const boundaries = new Map(
      readdirSync(join(folder, 'wards')).map((name) => [name.split('_')[0]!, join(folder, 'wards', name)]),
    );
    const tuples = units
      .map((unit) => {
        const full = unit.FullName.normalize('NFC');
        const kind = KINDS.find(([prefix]) => full.toLowerCase().startsWith(prefix.toLowerCase()));
        if (!kind) throw new Error(`${unit.Code} ${full}: neither xã, phường nor đặc khu`);
        const name = resolutionToneMarks(full.slice(kind[0].length).trim());
        const file = boundaries.get(unit.Code);
        let centre = file ? centreOf(polygonsOf(file).polygons) : null;
        if (!file || !centre) missing++;
        if (centre) {
          const [lng, lat] = centre;
          const inCountry =
            lat >= VIETNAM_BOUNDS.south &&
            lat <= VIETNAM_BOUNDS.north &&
            lng >= VIETNAM_BOUNDS.west &&
            lng <= VIETNAM_BOUNDS.east;
          const nearProvince =
            lat >= south - PROVINCE_MARGIN &&
            lat <= north + PROVINCE_MARGIN &&
            lng >= west - PROVINCE_MARGIN &&
            lng <= east + PROVINCE_MARGIN;
          if (!inCountry || !nearProvince) {
            dropped++;
            report.push(`  dropped ${province.code} ${unit.Code} ${name}: ${lat}, ${lng}`);
            centre = null;
          }
        }
        const place = centre ? `,${round(centre[1])},${round(centre[0])}` : '';
        return {
          name,
          line: `[${Number(unit.Code)},'${kind[1]}',${JSON.stringify(name)}${place}]`,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    total += tuples.length;
    report.push(`${province.code} ${province.nameVi}: ${tuples.length}`);
    lines.push(`  '${province.code}': [${tuples.map((tuple) => tuple.line).join(',')}],`);
  }

  const generated = `/**
 * Generated by scripts/build-communes.ts: do not edit. The commune-level units
 * (xã, phường, đặc khu) of each province since 1 July 2025, in name order:
 * [NSO code, kind (x: xã, p: phường, d: đặc khu), name, centre latitude,
 * centre longitude]. Names and codes from the National Statistics Office's
 * list, centres computed from the official reference map's boundaries, both
 * as published by the Vietnamese Provinces Database (MIT licence, © Thang Le
 * Quoc); see the script's header.
 */
export type CommuneTuple = readonly [code: number, kind: 'x' | 'p' | 'd', name: string, lat?: number, lng?: number];

export const COMMUNE_DATA: Readonly<Record<string, readonly CommuneTuple[]>> = {
${lines.join('\n')}
};
`;
  // In the repository's format, one unit a line: a change in the list is a change of a few lines.
  const module = await format(generated, { ...(await resolveConfig(OUTPUT)), filepath: OUTPUT });
  writeFileSync(OUTPUT, module);
  console.log(report.join('\n'));
  console.log(`${total} units, ${missing} without a boundary, ${dropped} centres dropped`);
  console.log(`${OUTPUT}: ${module.length} bytes, ${gzipSync(module).length} gzip`);
}

const root = process.argv[2];
if (!root) {
  console.error('usage: tsx scripts/build-communes.ts <copy of vietnamese-provinces-database>');
  process.exit(1);
}
await main(root);
