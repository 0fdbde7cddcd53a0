/**
 * The demo's pictures, drawn as SVG: one illustration per product type (what
 * the product is — a honey jar, a coffee bag, a fish-sauce bottle, a rice
 * sack…) in colours of its own, and a round badge per cooperative with its
 * main product's motif in a colour derived from its name. Shapes only, no
 * text: text would need fonts the renderer may not have, and a picture with
 * words in one language would be wrong in the other.
 * `scripts/draw-demo-pictures.ts` renders them to WebP files that are committed.
 */

/** Colours of one drawing: the object's body, its accent, the backdrop. */
export interface Palette {
  body: string;
  accent: string;
  light: string;
  backdrop: [string, string];
}

type Motif = (p: Palette) => string;

import { stableHash } from '../../src/server/cooperatives/mark';
import type { OcopGroup } from '../../src/server/products/vocabulary';

const INK = '#2b2b2b';

/** Points around a circle, for stars, flowers and anise. */
function star(cx: number, cy: number, outer: number, inner: number, points: number, turn = 0): string {
  const out: string[] = [];
  for (let i = 0; i < points * 2; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = turn + (Math.PI * i) / points - Math.PI / 2;
    out.push(`${(cx + r * Math.cos(a)).toFixed(1)},${(cy + r * Math.sin(a)).toFixed(1)}`);
  }
  return `<polygon points="${out.join(' ')}"`;
}

/** A small pile of round things (grains, beans, nuts) in front of an object. */
function pile(cx: number, cy: number, r: number, fill: string, count = 9, stroke = INK): string {
  const spots: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = Math.floor(Math.sqrt(2 * i + 0.25) - 0.5);
    const col = i - (row * (row + 1)) / 2;
    const x = cx + (col - row / 2) * r * 1.9;
    const y = cy - row * r * 1.5;
    spots.push(
      `<ellipse cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" rx="${r}" ry="${(r * 0.8).toFixed(1)}" fill="${fill}" stroke="${stroke}" stroke-width="2"/>`,
    );
  }
  return spots.reverse().join('');
}

const leaf = (x: number, y: number, angle: number, fill: string, size = 1) =>
  `<path transform="translate(${x} ${y}) rotate(${angle}) scale(${size})" d="M0 0 C 14 -22 46 -22 60 0 C 46 22 14 22 0 0 Z" fill="${fill}" stroke="${INK}" stroke-width="2"/><path transform="translate(${x} ${y}) rotate(${angle}) scale(${size})" d="M4 0 L 54 0" stroke="${INK}" stroke-width="1.5" opacity="0.5"/>`;

/** Every motif is drawn in a 200 × 200 box, standing on y ≈ 180. */
const MOTIFS = {
  jar: (p) =>
    `<rect x="52" y="58" width="96" height="122" rx="26" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    `<rect x="60" y="40" width="80" height="24" rx="6" fill="${p.accent}" stroke="${INK}" stroke-width="3"/>` +
    `<rect x="52" y="100" width="96" height="44" fill="${p.light}" stroke="${INK}" stroke-width="3"/>` +
    `${star(100, 122, 14, 6, 6)} fill="${p.accent}"/>` +
    `<path d="M66 70 q -4 30 0 60" stroke="#fff" stroke-width="6" fill="none" opacity="0.45" stroke-linecap="round"/>`,
  bottle: (p) =>
    `<path d="M86 20 h28 v38 q24 16 24 44 v70 q0 10 -10 10 h-56 q-10 0 -10 -10 v-70 q0 -28 24 -44 z" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    `<rect x="84" y="10" width="32" height="16" rx="3" fill="${p.accent}" stroke="${INK}" stroke-width="3"/>` +
    `<rect x="62" y="108" width="76" height="48" rx="4" fill="${p.light}" stroke="${INK}" stroke-width="3"/>` +
    `<path d="M72 132 h56" stroke="${p.accent}" stroke-width="6"/>` +
    `<path d="M74 70 q-6 20 -4 30" stroke="#fff" stroke-width="5" fill="none" opacity="0.5" stroke-linecap="round"/>`,
  sack: (p) =>
    `<path d="M60 62 q-20 60 -6 118 h92 q14 -58 -6 -118 z" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    `<path d="M60 62 q40 -16 80 0 l-8 -22 q-32 -10 -64 0 z" fill="${p.light}" stroke="${INK}" stroke-width="3"/>` +
    `<path d="M62 62 q38 10 76 0" stroke="${p.accent}" stroke-width="6" fill="none"/>` +
    `<rect x="70" y="108" width="60" height="40" rx="6" fill="${p.light}" stroke="${INK}" stroke-width="2.5"/>` +
    `${leaf(82, 130, -20, p.accent, 0.6)}` +
    pile(150, 178, 5, p.light, 10),
  pouch: (p) =>
    `<path d="M58 40 h84 l8 140 h-100 z" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    `<rect x="58" y="40" width="84" height="14" fill="${p.accent}" stroke="${INK}" stroke-width="3"/>` +
    `<circle cx="100" cy="82" r="8" fill="${p.light}" stroke="${INK}" stroke-width="2.5"/>` +
    `<rect x="70" y="110" width="60" height="44" rx="5" fill="${p.light}" stroke="${INK}" stroke-width="2.5"/>` +
    `<ellipse cx="100" cy="132" rx="12" ry="16" fill="${p.accent}" stroke="${INK}" stroke-width="2"/><path d="M100 118 q-6 14 0 28" stroke="${INK}" stroke-width="2" fill="none"/>` +
    pile(160, 180, 7, p.accent, 6),
  tea: (p) =>
    `<path d="M52 110 h96 q0 58 -48 64 q-48 -6 -48 -64 z" fill="${p.light}" stroke="${INK}" stroke-width="3"/>` +
    `<path d="M148 122 q26 4 14 30 q-8 10 -22 8" stroke="${INK}" stroke-width="3" fill="none"/>` +
    `<ellipse cx="100" cy="110" rx="48" ry="10" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    `<path d="M84 96 q-8 -16 0 -30 M104 94 q-8 -18 2 -36 M122 96 q-6 -14 2 -26" stroke="${INK}" stroke-width="2" fill="none" opacity="0.4"/>` +
    leaf(30, 60, -30, p.accent, 0.8) +
    leaf(130, 46, 20, p.accent, 0.7) +
    `<ellipse cx="100" cy="180" rx="62" ry="6" fill="${p.accent}" opacity="0.5"/>`,
  fruit: (p) =>
    `<path d="M100 48 q6 -20 22 -26" stroke="${INK}" stroke-width="4" fill="none"/>` +
    leaf(104, 40, -35, p.accent, 0.8) +
    `<circle cx="100" cy="112" r="66" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    `<circle cx="78" cy="88" r="16" fill="#fff" opacity="0.35"/>` +
    `<circle cx="150" cy="168" r="22" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    `<circle cx="52" cy="170" r="16" fill="${p.body}" stroke="${INK}" stroke-width="3"/>`,
  cluster: (p) =>
    `<path d="M100 20 q-4 30 -30 50 M100 20 q4 30 30 50 M100 20 v40" stroke="${INK}" stroke-width="3" fill="none"/>` +
    leaf(100, 24, -160, p.accent, 0.8) +
    leaf(100, 24, -20, p.accent, 0.8) +
    [
      [70, 82],
      [130, 82],
      [100, 92],
      [80, 120],
      [120, 120],
      [60, 150],
      [100, 150],
      [140, 150],
      [80, 172],
      [120, 172],
    ]
      .map(
        ([x, y]) =>
          `<circle cx="${x}" cy="${y}" r="19" fill="${p.body}" stroke="${INK}" stroke-width="2.5"/><circle cx="${(x ?? 0) - 6}" cy="${(y ?? 0) - 6}" r="5" fill="#fff" opacity="0.4"/>`,
      )
      .join(''),
  dragon: (p) =>
    `<ellipse cx="100" cy="116" rx="56" ry="66" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    [
      [60, 90, -40],
      [140, 90, 220],
      [70, 140, -20],
      [130, 140, 200],
      [100, 56, -90],
      [100, 176, 90],
    ]
      .map(
        ([x, y, a]) =>
          `<path transform="translate(${x} ${y}) rotate(${a})" d="M0 0 q14 -8 30 0 q-14 8 -30 0z" fill="${p.accent}" stroke="${INK}" stroke-width="2"/>`,
      )
      .join('') +
    `<circle cx="82" cy="92" r="12" fill="#fff" opacity="0.3"/>`,
  pineapple: (p) =>
    leaf(100, 60, -120, p.accent, 0.9) +
    leaf(100, 60, -60, p.accent, 0.9) +
    leaf(100, 60, -90, p.accent, 1) +
    `<ellipse cx="100" cy="124" rx="50" ry="60" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    `<path d="M62 96 l76 60 M54 124 l70 54 M70 74 l76 60 M138 96 l-76 60 M146 124 l-70 54 M130 74 l-76 60" stroke="${INK}" stroke-width="2" opacity="0.6"/>`,
  noodles: (p) =>
    `<path d="M30 100 h140 q-6 70 -70 76 q-64 -6 -70 -76 z" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    `<path d="M42 100 q10 -30 20 0 q10 -30 20 0 q10 -30 20 0 q10 -30 20 0 q10 -30 20 0 q10 -30 20 0" stroke="${p.light}" stroke-width="5" fill="none"/>` +
    `<path d="M120 30 l40 80 M136 26 l34 84" stroke="${p.accent}" stroke-width="6" stroke-linecap="round"/>` +
    `<path d="M40 130 h120" stroke="${p.accent}" stroke-width="6" opacity="0.7"/>`,
  fish: (p) =>
    [0, 1, 2]
      .map(
        (i) =>
          `<g transform="translate(${28 + i * 8} ${60 + i * 42})"><path d="M0 20 q50 -40 110 0 q-60 40 -110 0z" fill="${i === 1 ? p.accent : p.body}" stroke="${INK}" stroke-width="3"/><path d="M108 20 l30 -18 v36z" fill="${p.body}" stroke="${INK}" stroke-width="3"/><circle cx="22" cy="16" r="4" fill="${INK}"/><path d="M40 12 q20 8 40 0 M40 28 q20 -8 40 0" stroke="${INK}" stroke-width="1.5" fill="none" opacity="0.5"/></g>`,
      )
      .join(''),
  shrimp: (p) =>
    [0, 1, 2, 3]
      .map(
        (i) =>
          `<g transform="translate(${40 + (i % 2) * 60} ${60 + Math.floor(i / 2) * 60})"><path d="M10 10 q40 -10 50 30 q-4 20 -24 16 q10 -10 0 -26 q-12 -10 -26 -6z" fill="${p.body}" stroke="${INK}" stroke-width="2.5"/><path d="M18 16 q10 -20 30 -24" stroke="${INK}" stroke-width="1.5" fill="none"/></g>`,
      )
      .join('') + `<ellipse cx="100" cy="180" rx="80" ry="8" fill="${p.accent}" opacity="0.6"/>`,
  patties: (p) =>
    [
      [70, 150],
      [130, 150],
      [100, 110],
    ]
      .map(
        ([x, y]) =>
          `<ellipse cx="${x}" cy="${y}" rx="42" ry="26" fill="${p.body}" stroke="${INK}" stroke-width="3"/><ellipse cx="${x}" cy="${(y ?? 0) - 4}" rx="30" ry="14" fill="${p.light}" opacity="0.5"/>`,
      )
      .join('') + leaf(20, 176, -10, p.accent, 1.2),
  box: (p) =>
    `<rect x="40" y="80" width="120" height="96" rx="6" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    `<rect x="34" y="64" width="132" height="26" rx="5" fill="${p.light}" stroke="${INK}" stroke-width="3"/>` +
    `<rect x="92" y="64" width="16" height="112" fill="${p.accent}" stroke="${INK}" stroke-width="2.5"/>` +
    `<path d="M100 64 q-30 -34 -40 -10 q10 14 40 10 q30 4 40 -10 q-10 -24 -40 10z" fill="${p.accent}" stroke="${INK}" stroke-width="2.5"/>`,
  parcel: (p) =>
    `<path d="M100 40 l70 40 l-20 90 h-100 l-20 -90 z" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    `<path d="M30 80 l70 30 l70 -30" stroke="${INK}" stroke-width="2.5" fill="none"/>` +
    `<path d="M100 110 v60" stroke="${INK}" stroke-width="2.5"/>` +
    `<path d="M60 60 q40 30 80 0" stroke="${p.accent}" stroke-width="6" fill="none"/>` +
    pile(100, 186, 5, p.light, 6),
  discs: (p) =>
    [0, 1, 2, 3, 4]
      .map(
        (i) =>
          `<ellipse cx="100" cy="${170 - i * 14}" rx="74" ry="20" fill="${i % 2 ? p.light : p.body}" stroke="${INK}" stroke-width="2.5"/>`,
      )
      .join('') +
    `<path d="M40 110 q60 -20 120 0" stroke="${p.accent}" stroke-width="3" stroke-dasharray="4 8" fill="none"/>`,
  nuts: (p) =>
    `<path d="M24 120 h152 q-8 60 -76 60 q-68 0 -76 -60z" fill="${p.accent}" stroke="${INK}" stroke-width="3"/>` +
    pile(100, 118, 12, p.body, 15) +
    `<path d="M30 140 h140" stroke="${INK}" stroke-width="2" opacity="0.4"/>`,
  anise: (p) =>
    `<path d="M24 130 h152 q-8 50 -76 50 q-68 0 -76 -50z" fill="${p.accent}" stroke="${INK}" stroke-width="3"/>` +
    [
      [66, 108],
      [134, 104],
      [100, 84],
    ]
      .map(
        ([x, y]) =>
          `${star(x ?? 0, y ?? 0, 34, 12, 8)} fill="${p.body}" stroke="${INK}" stroke-width="2.5"/><circle cx="${x}" cy="${y}" r="5" fill="${p.light}"/>`,
      )
      .join(''),
  garlic: (p) =>
    [
      [70, 130],
      [130, 130],
      [100, 110],
    ]
      .map(
        ([x, y]) =>
          `<path transform="translate(${x} ${y})" d="M0 -56 q8 20 36 34 q18 30 -6 52 h-60 q-24 -22 -6 -52 q28 -14 36 -34z" fill="${p.body}" stroke="${INK}" stroke-width="3"/><path transform="translate(${x} ${y})" d="M0 -40 q-14 30 -10 68 M0 -40 q14 30 10 68" stroke="${p.accent}" stroke-width="2" fill="none"/>`,
      )
      .join(''),
  root: (p) =>
    `<path d="M96 70 q-20 40 -12 70 q-20 20 -40 30 M92 120 q20 20 44 40 M90 150 q0 20 10 30" stroke="${p.body}" stroke-width="16" fill="none" stroke-linecap="round"/>` +
    `<path d="M96 70 q-20 40 -12 70 q-20 20 -40 30 M92 120 q20 20 44 40 M90 150 q0 20 10 30" stroke="${INK}" stroke-width="2" fill="none" opacity="0.5"/>` +
    leaf(96, 68, -120, p.accent) +
    leaf(96, 68, -60, p.accent) +
    `<circle cx="96" cy="22" r="8" fill="#c62828" stroke="${INK}" stroke-width="2"/>`,
  sticks: (p) =>
    [0, 1, 2, 3, 4]
      .map(
        (i) =>
          `<rect x="${44 + i * 22}" y="${50 + (i % 2) * 10}" width="20" height="120" rx="9" fill="${p.body}" stroke="${INK}" stroke-width="2.5"/><path d="M${50 + i * 22} ${60 + (i % 2) * 10} v100" stroke="${p.light}" stroke-width="3" opacity="0.6"/>`,
      )
      .join('') +
    `<rect x="38" y="104" width="124" height="16" fill="${p.accent}" stroke="${INK}" stroke-width="2.5"/>`,
  basket: (p) =>
    `<path d="M52 100 q48 -90 96 0" stroke="${p.body}" stroke-width="10" fill="none"/>` +
    `<path d="M30 100 h140 l-18 80 h-104 z" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    [0, 1, 2, 3]
      .map((i) => `<path d="M${36 + i * 2} ${116 + i * 16} h${128 - i * 4}" stroke="${p.accent}" stroke-width="4"/>`)
      .join('') +
    [0, 1, 2, 3, 4, 5, 6]
      .map(
        (i) => `<path d="M${46 + i * 18} 100 l${(i - 3) * -2} 80" stroke="${INK}" stroke-width="1.5" opacity="0.5"/>`,
      )
      .join(''),
  vase: (p) =>
    `<path d="M80 24 h40 v20 q40 30 36 80 q-4 40 -30 56 h-52 q-26 -16 -30 -56 q-4 -50 36 -80z" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    `<path d="M52 98 h96 M50 130 h100" stroke="${p.accent}" stroke-width="4"/>` +
    `<path d="M62 114 q10 -10 20 0 q10 10 20 0 q10 -10 20 0 q10 10 20 0" stroke="${p.accent}" stroke-width="3" fill="none"/>` +
    `<rect x="76" y="20" width="48" height="10" rx="4" fill="${p.light}" stroke="${INK}" stroke-width="2.5"/>`,
  fabric: (p) =>
    `<path d="M24 70 h152 v100 h-152z" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    [0, 1, 2, 3, 4, 5]
      .map(
        (i) =>
          `${star(38 + i * 25, 100, 10, 4, 4)} fill="${p.light}" stroke="${INK}" stroke-width="1.5"/>${star(38 + i * 25, 140, 10, 4, 4)} fill="${p.accent}" stroke="${INK}" stroke-width="1.5"/>`,
      )
      .join('') +
    `<path d="M24 120 h152" stroke="${p.accent}" stroke-width="6"/>` +
    `<path d="M24 70 q30 -30 60 0 z" fill="${p.light}" stroke="${INK}" stroke-width="2.5"/>`,
  silk: (p) =>
    `<rect x="40" y="40" width="120" height="40" rx="20" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    `<path d="M50 80 q50 40 10 100 h90 q-40 -40 -10 -100" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    `<path d="M60 100 q40 30 20 70 M120 100 q-10 40 10 70" stroke="${p.light}" stroke-width="4" fill="none" opacity="0.7"/>` +
    `<ellipse cx="160" cy="60" rx="10" ry="20" fill="${p.accent}" stroke="${INK}" stroke-width="2.5"/>`,
  mat: (p) =>
    `<rect x="20" y="110" width="120" height="66" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    [0, 1, 2, 3, 4]
      .map((i) => `<path d="M20 ${122 + i * 12} h120" stroke="${i % 2 ? p.accent : p.light}" stroke-width="5"/>`)
      .join('') +
    `<rect x="130" y="50" width="44" height="126" rx="22" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    `<ellipse cx="152" cy="64" rx="16" ry="10" fill="${p.light}" stroke="${INK}" stroke-width="2"/>` +
    `<path d="M130 100 h44 M130 140 h44" stroke="${p.accent}" stroke-width="5"/>`,
  lacquer: (p) =>
    `<rect x="30" y="30" width="140" height="140" rx="8" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    `<rect x="42" y="42" width="116" height="116" rx="4" fill="none" stroke="${p.accent}" stroke-width="3"/>` +
    `<circle cx="130" cy="74" r="16" fill="${p.accent}"/>` +
    `<path d="M50 150 q30 -50 50 -30 q20 -40 50 -10" stroke="${p.light}" stroke-width="5" fill="none"/>` +
    `${star(76, 84, 14, 5, 5)} fill="${p.light}"/>`,
  hat: (p) =>
    `<path d="M100 36 l84 112 q-84 26 -168 0 z" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    [1, 2, 3, 4]
      .map(
        (i) =>
          `<path d="M${100 - i * 19} ${36 + i * 25} q${i * 19} ${6 + i} ${i * 38} 0" stroke="${INK}" stroke-width="1.5" fill="none" opacity="0.5"/>`,
      )
      .join('') +
    `<path d="M40 150 q60 50 120 0" stroke="${p.accent}" stroke-width="5" fill="none"/>`,
  orchid: (p) =>
    `<path d="M60 180 q0 -90 60 -140" stroke="${p.accent}" stroke-width="5" fill="none"/>` +
    [
      [80, 90],
      [104, 60],
      [128, 40],
      [64, 128],
    ]
      .map(
        ([x, y], i) =>
          `<g transform="translate(${x} ${y}) scale(${1 - i * 0.08})">${[0, 72, 144, 216, 288]
            .map(
              (a) =>
                `<ellipse rx="10" ry="22" transform="rotate(${a}) translate(0 -18)" fill="${p.body}" stroke="${INK}" stroke-width="2"/>`,
            )
            .join('')}<circle r="8" fill="${p.light}" stroke="${INK}" stroke-width="2"/></g>`,
      )
      .join('') +
    leaf(60, 176, -160, '#4caf50', 1.1) +
    leaf(60, 176, -20, '#4caf50', 1.1),
  blossom: (p) =>
    `<path d="M20 170 q60 -20 90 -80 q20 -30 70 -50 M90 120 q30 10 60 0" stroke="#5d4037" stroke-width="8" fill="none" stroke-linecap="round"/>` +
    [
      [110, 86],
      [150, 50],
      [60, 150],
      [150, 118],
      [176, 40],
      [124, 120],
    ]
      .map(
        ([x, y]) =>
          `${star(x ?? 0, y ?? 0, 18, 10, 5)} fill="${p.body}" stroke="${INK}" stroke-width="2" stroke-linejoin="round"/><circle cx="${x}" cy="${y}" r="5" fill="${p.light}"/>`,
      )
      .join(''),
  bonsai: (p) =>
    `<path d="M46 150 h108 l-12 30 h-84z" fill="${p.accent}" stroke="${INK}" stroke-width="3"/>` +
    `<path d="M100 150 q-16 -30 10 -60 q20 -20 0 -40" stroke="#5d4037" stroke-width="10" fill="none" stroke-linecap="round"/>` +
    `<ellipse cx="70" cy="86" rx="40" ry="20" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    `<ellipse cx="126" cy="60" rx="46" ry="22" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    `<ellipse cx="100" cy="34" rx="30" ry="16" fill="${p.body}" stroke="${INK}" stroke-width="3"/>`,
  landscape: (p) =>
    `<circle cx="150" cy="50" r="18" fill="${p.light}" stroke="${INK}" stroke-width="2"/>` +
    `<path d="M0 150 l50 -80 l40 50 l40 -70 l70 100 v30 h-200z" fill="${p.body}" stroke="${INK}" stroke-width="3"/>` +
    `<path d="M0 160 q50 -20 100 0 q50 20 100 0 v40 h-200z" fill="${p.accent}" stroke="${INK}" stroke-width="3"/>` +
    `<path d="M40 150 l30 -24 l30 24 z" fill="#8d6e63" stroke="${INK}" stroke-width="2.5"/><path d="M48 150 v16 M92 150 v16" stroke="${INK}" stroke-width="3"/>` +
    `<path d="M120 176 q20 8 40 0 l-6 8 h-28z" fill="#6d4c41" stroke="${INK}" stroke-width="2"/>`,
} satisfies Record<string, Motif>;

export type MotifName = keyof typeof MOTIFS;

/** What each demo product type is drawn as, and in which colours. */
const DRAWINGS: Record<string, { motif: MotifName; body: string; accent: string; light?: string }> = {
  vai_thieu: { motif: 'cluster', body: '#d84343', accent: '#3f8f3f' },
  nhan_long: { motif: 'cluster', body: '#d9b26a', accent: '#4c8c3a' },
  buoi: { motif: 'fruit', body: '#9ccc65', accent: '#33691e' },
  cam: { motif: 'fruit', body: '#f59b26', accent: '#2e7d32' },
  xoai: { motif: 'fruit', body: '#ffca28', accent: '#558b2f' },
  thanh_long: { motif: 'dragon', body: '#e23f8c', accent: '#7cb342' },
  khom: { motif: 'pineapple', body: '#f2b705', accent: '#388e3c' },
  gao_st25: { motif: 'sack', body: '#e8d9b0', accent: '#2e7d32', light: '#fffdf5' },
  gao_nam: { motif: 'sack', body: '#d7c4a0', accent: '#8e2f2f', light: '#fff8ec' },
  gao_bac: { motif: 'sack', body: '#efe6cc', accent: '#1565c0', light: '#ffffff' },
  mien_dong: { motif: 'noodles', body: '#8d6e63', accent: '#5d4037', light: '#d7ccc8' },
  mi_gao: { motif: 'noodles', body: '#1e6f8f', accent: '#8d6e63', light: '#fff8e1' },
  nuoc_mam: { motif: 'bottle', body: '#b5651d', accent: '#c62828', light: '#fff3e0' },
  kho_ca: { motif: 'fish', body: '#c9a26b', accent: '#a1887f' },
  tom_kho: { motif: 'shrimp', body: '#ef7d57', accent: '#8d6e63' },
  cha_muc: { motif: 'patties', body: '#e0b97a', accent: '#43a047', light: '#fff3d6' },
  yen_sao: { motif: 'jar', body: '#fbf3e4', accent: '#c62828', light: '#f4d58d' },
  mat_ong: { motif: 'jar', body: '#f2a900', accent: '#6d4c41', light: '#fff8e1' },
  mat_ong_bac_ha: { motif: 'jar', body: '#e08e0b', accent: '#7b1fa2', light: '#f3e5f5' },
  hat_dieu: { motif: 'nuts', body: '#f0d9a7', accent: '#8d6e63' },
  tieu: { motif: 'nuts', body: '#3e3a36', accent: '#a1887f' },
  banh_trang: { motif: 'discs', body: '#f6ecd6', accent: '#bf8f4f', light: '#fffaf0' },
  banh_dau_xanh: { motif: 'box', body: '#f2c94c', accent: '#c62828', light: '#fff6d5' },
  com: { motif: 'parcel', body: '#7cb342', accent: '#c0a060', light: '#c5e1a5' },
  keo_dua: { motif: 'box', body: '#fff3e0', accent: '#2e7d32', light: '#a1887f' },
  thot_not: { motif: 'patties', body: '#b07a3a', accent: '#2e7d32', light: '#e0b97a' },
  toi: { motif: 'garlic', body: '#f6efe6', accent: '#b39ddb' },
  hat_de: { motif: 'nuts', body: '#7b4a2b', accent: '#c8a97e' },
  hoi: { motif: 'anise', body: '#8b3a1f', accent: '#d7b98e', light: '#e9c46a' },
  che: { motif: 'tea', body: '#6a8f2a', accent: '#43a047', light: '#ffffff' },
  che_shan: { motif: 'tea', body: '#c28e2b', accent: '#2e7d32', light: '#f1f8e9' },
  ca_phe: { motif: 'pouch', body: '#5d4037', accent: '#3e2723', light: '#efebe9' },
  ca_phe_arabica: { motif: 'pouch', body: '#2e7d32', accent: '#4e342e', light: '#f1f8e9' },
  ruou: { motif: 'bottle', body: '#eaf4f4', accent: '#8e2f2f', light: '#fff8e1' },
  ca_cao: { motif: 'pouch', body: '#8d4b2b', accent: '#d4a373', light: '#fdf0e0' },
  sam_ngoc_linh: { motif: 'root', body: '#e8c9a0', accent: '#2e7d32' },
  que: { motif: 'sticks', body: '#a0522d', accent: '#c62828', light: '#d2a679' },
  tram: { motif: 'bottle', body: '#8fbc8f', accent: '#1b5e20', light: '#f1f8e9' },
  ba_kich: { motif: 'root', body: '#8e4b6a', accent: '#558b2f' },
  nghe: { motif: 'root', body: '#f2a007', accent: '#689f38' },
  tra_thao_duoc: { motif: 'tea', body: '#b5852e', accent: '#7cb342', light: '#fffde7' },
  may_tre_dan: { motif: 'basket', body: '#d9b46c', accent: '#8d6e63' },
  gom: { motif: 'vase', body: '#2f5d9e', accent: '#f5f5f5', light: '#e3f2fd' },
  tho_cam: { motif: 'fabric', body: '#b71c1c', accent: '#263238', light: '#ffd54f' },
  lua: { motif: 'silk', body: '#d81b60', accent: '#ffb300', light: '#f8bbd0' },
  chieu_coi: { motif: 'mat', body: '#d9c27a', accent: '#b23a48', light: '#f6eac0' },
  son_mai: { motif: 'lacquer', body: '#3b0d0d', accent: '#d4af37', light: '#f0d78c' },
  non_la: { motif: 'hat', body: '#f1e3b8', accent: '#c62828' },
  hoa_lan: { motif: 'orchid', body: '#ba68c8', accent: '#558b2f', light: '#fff59d' },
  cay_canh: { motif: 'bonsai', body: '#4caf50', accent: '#8d6e63' },
  hoa_tet: { motif: 'blossom', body: '#f48fb1', accent: '#5d4037', light: '#fff176' },
  du_lich: { motif: 'landscape', body: '#66bb6a', accent: '#4fc3f7', light: '#fff176' },
};

export const DRAWN_PRODUCT_TYPES = Object.keys(DRAWINGS);

const hsl = (h: number, s: number, l: number) => `hsl(${h % 360} ${s}% ${l}%)`;

function drawingOf(typeKey: string) {
  const drawing = DRAWINGS[typeKey];
  if (!drawing) throw new Error(`no drawing for product type "${typeKey}"`);
  return drawing;
}

/** A 4:3 product picture (960 × 720): the object on a soft backdrop with a few shapes of its own hue. */
export function productPictureSvg(typeKey: string): string {
  const drawing = drawingOf(typeKey);
  const h = stableHash(typeKey);
  const hue = h % 360;
  const palette: Palette = {
    body: drawing.body,
    accent: drawing.accent,
    light: drawing.light ?? '#fffaf0',
    backdrop: [hsl(hue, 55, 94), hsl(hue + 30, 45, 84)],
  };
  const dots = Array.from({ length: 7 }, (_, i) => {
    const x = (h >>> (i * 3)) % 960;
    const y = (h >>> (i * 2 + 5)) % 720;
    const r = 30 + ((h >>> i) % 70);
    return `<circle cx="${x}" cy="${y}" r="${r}" fill="#ffffff" opacity="0.28"/>`;
  }).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="720" viewBox="0 0 960 720">` +
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${palette.backdrop[0]}"/><stop offset="1" stop-color="${palette.backdrop[1]}"/></linearGradient></defs>` +
    `<rect width="960" height="720" fill="url(#bg)"/>${dots}` +
    `<ellipse cx="480" cy="610" rx="300" ry="34" fill="#000" opacity="0.12"/>` +
    `<g transform="translate(230 110) scale(2.5)" stroke-linejoin="round">${MOTIFS[drawing.motif](palette)}</g>` +
    `</svg>`
  );
}

/**
 * A cooperative's logo (320 × 320): a ring in a colour derived from its name,
 * its main product's motif on a light disc, and a band of small marks whose
 * count comes from the name too, so two cooperatives making the same thing
 * still differ.
 */
export function logoSvg(name: string, mainTypeKey: string): string {
  const drawing = drawingOf(mainTypeKey);
  const h = stableHash(name);
  const hue = h % 360;
  const ring = hsl(hue, 52, 34);
  const palette: Palette = {
    body: drawing.body,
    accent: drawing.accent,
    light: drawing.light ?? '#fffaf0',
    backdrop: [ring, ring],
  };
  const marks = 8 + (h % 8);
  const dots = Array.from({ length: marks }, (_, i) => {
    const a = (2 * Math.PI * i) / marks;
    return `<circle cx="${(160 + 138 * Math.cos(a)).toFixed(1)}" cy="${(160 + 138 * Math.sin(a)).toFixed(1)}" r="5" fill="${hsl(hue + 40, 70, 82)}"/>`;
  }).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="320" viewBox="0 0 320 320">` +
    `<circle cx="160" cy="160" r="158" fill="${ring}"/>${dots}` +
    `<circle cx="160" cy="160" r="124" fill="${hsl(hue + 20, 60, 95)}" stroke="${hsl(hue + 40, 70, 82)}" stroke-width="6"/>` +
    `<g transform="translate(80 76) scale(0.8)" stroke-linejoin="round">${MOTIFS[drawing.motif](palette)}</g>` +
    `</svg>`
  );
}

/**
 * What a product without a photo shows, per OCOP group (public/placeholders/):
 * the group's motif drawn faintly on its soft colour, in the cards' 8:5 shape,
 * so it reads as "no photo yet" and never as a photo of the product.
 */
const PLACEHOLDERS: Record<OcopGroup, { motif: MotifName; tint: string; backdrop: [string, string] }> = {
  thuc_pham: { motif: 'sack', tint: '#4c8c5c', backdrop: ['#eef7f1', '#d3eadb'] },
  do_uong: { motif: 'tea', tint: '#3d6f96', backdrop: ['#eef4fa', '#d3e3f1'] },
  duoc_lieu: { motif: 'root', tint: '#6b7d2e', backdrop: ['#f4f7ea', '#e0eacb'] },
  thu_cong_my_nghe: { motif: 'vase', tint: '#97643a', backdrop: ['#faf2ea', '#efdcc8'] },
  sinh_vat_canh: { motif: 'bonsai', tint: '#3f8a55', backdrop: ['#eef8f1', '#d2ebd9'] },
  du_lich_cong_dong: { motif: 'landscape', tint: '#8a5a8a', backdrop: ['#f8f0f8', '#e9d8e9'] },
};

export function placeholderSvg(group: OcopGroup): string {
  const look = PLACEHOLDERS[group];
  const palette: Palette = {
    body: look.backdrop[1],
    accent: look.backdrop[0],
    light: '#ffffff',
    backdrop: look.backdrop,
  };
  // The motif's ink becomes the group's tint, so the whole drawing is one calm colour.
  const motif = MOTIFS[look.motif](palette).replaceAll(INK, look.tint);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500" viewBox="0 0 800 500">` +
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${look.backdrop[0]}"/><stop offset="1" stop-color="${look.backdrop[1]}"/></linearGradient></defs>` +
    `<rect width="800" height="500" fill="url(#bg)"/>` +
    `<circle cx="400" cy="250" r="190" fill="#ffffff" opacity="0.45"/>` +
    `<g transform="translate(250 100) scale(1.5)" stroke-linejoin="round" opacity="0.8">${motif}</g>` +
    `</svg>\n`
  );
}

/**
 * The covers of a few demo events (1280 × 720, 16:9), per kind: a row of
 * stalls under striped awnings with bunting across the top (a fair, an OCOP
 * market day) or the white gables of an exhibition hall, each counter showing
 * a few products' motifs. Shapes only, as everywhere here.
 */
interface CoverLook {
  sky: [string, string];
  awnings: string[];
  motifs: MotifName[];
  hall: boolean;
}

const COVERS: Record<string, CoverLook> = {
  fair: {
    sky: ['#fff4d6', '#ffd9a8'],
    awnings: ['#c8412f', '#2f7d4f', '#d99a1e', '#2f6296'],
    motifs: ['jar', 'sack', 'tea', 'fruit', 'basket', 'bottle', 'hat', 'pouch'],
    hall: false,
  },
  ocop_market: {
    sky: ['#e8f6ee', '#bfe3cc'],
    awnings: ['#2f7d4f', '#d99a1e', '#2f7d4f', '#c8412f'],
    motifs: ['cluster', 'dragon', 'noodles', 'fish', 'nuts', 'garlic', 'pineapple', 'box'],
    hall: false,
  },
  exhibition: {
    sky: ['#eaf1f8', '#c9dbee'],
    awnings: ['#2f6296', '#6d4a8c', '#2f6296', '#6d4a8c'],
    motifs: ['vase', 'lacquer', 'silk', 'orchid', 'bonsai', 'mat', 'fabric', 'blossom'],
    hall: true,
  },
};

export const COVERED_EVENT_KINDS = Object.keys(COVERS);

export function eventCoverSvg(kind: string): string {
  const look = COVERS[kind];
  if (!look) throw new Error(`no cover for event kind "${kind}"`);
  const palette = (body: string): Palette => ({
    body,
    accent: '#f2e3c6',
    light: '#fffaf0',
    backdrop: look.sky,
  });
  const stalls = Array.from({ length: 4 }, (_, i) => {
    const x = 40 + i * 305;
    const colour = look.awnings[i % look.awnings.length] ?? INK;
    const stripes = Array.from(
      { length: 5 },
      (_, s) => `<rect x="${x + s * 54}" y="300" width="27" height="70" fill="#ffffff" opacity="0.85" stroke="none"/>`,
    ).join('');
    const scallops = Array.from(
      { length: 10 },
      (_, s) =>
        `<circle cx="${x + 13.5 + s * 27}" cy="370" r="13.5" fill="${colour}" stroke="${INK}" stroke-width="2"/>`,
    ).join('');
    const goods = [0, 1]
      .map((g) => {
        const motif = look.motifs[(i * 2 + g) % look.motifs.length] ?? 'jar';
        return `<g transform="translate(${x + 30 + g * 120} 452) scale(0.62)">${MOTIFS[motif](palette(colour))}</g>`;
      })
      .join('');
    return (
      `<rect x="${x + 8}" y="370" width="8" height="250" fill="#8a6a4a" stroke="${INK}" stroke-width="2"/>` +
      `<rect x="${x + 254}" y="370" width="8" height="250" fill="#8a6a4a" stroke="${INK}" stroke-width="2"/>` +
      `<rect x="${x}" y="300" width="270" height="70" fill="${colour}" stroke="${INK}" stroke-width="3"/>${stripes}${scallops}` +
      goods +
      `<rect x="${x - 6}" y="570" width="282" height="60" rx="6" fill="#c99a64" stroke="${INK}" stroke-width="3"/>`
    );
  }).join('');
  const bunting = Array.from({ length: 24 }, (_, i) => {
    const x = i * 55;
    const y = 60 + 30 * Math.sin((Math.PI * i) / 23);
    const colour = look.awnings[i % look.awnings.length] ?? INK;
    return `<polygon points="${x},${y.toFixed(1)} ${x + 44},${y.toFixed(1)} ${x + 22},${(y + 46).toFixed(1)}" fill="${colour}" stroke="${INK}" stroke-width="2"/>`;
  }).join('');
  const backdrop = look.hall
    ? Array.from(
        { length: 5 },
        (_, i) =>
          `<polygon points="${i * 270 - 20},280 ${i * 270 + 115},150 ${i * 270 + 250},280" fill="#ffffff" stroke="${INK}" stroke-width="3"/>`,
      ).join('') + `<rect x="0" y="280" width="1280" height="40" fill="#ffffff" stroke="${INK}" stroke-width="3"/>`
    : `<path d="M0 ${96} Q 640 ${150} 1280 ${96}" fill="none" stroke="${INK}" stroke-width="2"/>${bunting}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720" viewBox="0 0 1280 720">` +
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${look.sky[0]}"/><stop offset="1" stop-color="${look.sky[1]}"/></linearGradient></defs>` +
    `<rect width="1280" height="720" fill="url(#sky)"/>` +
    `<rect y="620" width="1280" height="100" fill="#d8c9a8"/>` +
    `<g stroke-linejoin="round">${backdrop}${stalls}</g>` +
    `</svg>`
  );
}
