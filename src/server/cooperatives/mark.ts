/**
 * The mark a cooperative without a logo shows: one letter of its name on a
 * shape and in a colour both derived from the name, so every cooperative
 * keeps the same mark and neighbours in a list tell apart. The letter is the
 * first of the name once its kind ("HTX", "Hợp tác xã", …) is left out:
 * "HTX Nước mắm Cát Hải" → "N".
 */

export const MARK_SHAPES = ['circle', 'rounded', 'hexagon', 'leaf'] as const;
export type MarkShape = (typeof MARK_SHAPES)[number];

export interface CooperativeMark {
  letter: string;
  shape: MarkShape;
  /** Background colour; white letters stay above 4.5:1 on it (lightness 30%). */
  colour: string;
  /** A lighter ring of the same hue. */
  ring: string;
}

const KIND_PREFIX = /^(liên hiệp htx|liên hiệp hợp tác xã|hợp tác xã|tổ hợp tác|htx|thtx)\s+/iu;

/** FNV-1a over the text's code points: stable across runs and platforms (also the demo drawings' colours). */
export function stableHash(name: string): number {
  let h = 0x811c9dc5;
  for (const ch of name) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return h;
}

export function cooperativeMark(name: string): CooperativeMark {
  const trimmed = name.trim();
  const rest = trimmed.replace(KIND_PREFIX, '');
  const letter = (Array.from(rest || trimmed)[0] ?? '·').toLocaleUpperCase('vi');
  const h = stableHash(trimmed);
  const hue = h % 360;
  return {
    letter,
    shape: MARK_SHAPES[(h >>> 9) % MARK_SHAPES.length] ?? 'circle',
    colour: `hsl(${hue} 45% 30%)`,
    ring: `hsl(${(hue + 40) % 360} 65% 80%)`,
  };
}
