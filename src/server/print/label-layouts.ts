/**
 * Label sheets: where each label sits on an A4 sheet, in PDF points, from the
 * sheet makers' sizes in millimetres. Pure arithmetic, no PDF library, so the
 * geometry is tested on its own (tests/unit/label-layouts.test.ts).
 *
 * The three layouts are common blank A4 sheets sold in Viet Nam (the sizes of
 * Avery/Tanex/Decal A4 references); a label printed on the wrong stock is
 * wasted, so the form names each by its count and size.
 */

/** PDF user space: 72 points per inch, 25.4 mm per inch. */
export const POINTS_PER_MM = 72 / 25.4;

export const mm = (millimetres: number): number => millimetres * POINTS_PER_MM;

/** ISO 216 A4, portrait. */
export const A4_MM = { width: 210, height: 297 } as const;

export interface LabelLayout {
  columns: number;
  rows: number;
  /** One label's size. */
  labelMm: { width: number; height: number };
  /** From the sheet's left and top edges to the first label. */
  marginMm: { left: number; top: number };
  /** Between neighbouring labels (0 when they touch: die-cut sheets). */
  gapMm: { column: number; row: number };
}

export const LABEL_LAYOUTS = {
  // 70 × 37 mm, 24 to a sheet, edge to edge (e.g. Avery 3474): 8 × 37 = 296 mm, half a millimetre top and bottom.
  'a4-3x8': {
    columns: 3,
    rows: 8,
    labelMm: { width: 70, height: 37 },
    marginMm: { left: 0, top: 0.5 },
    gapMm: { column: 0, row: 0 },
  },
  // 99.1 × 38.1 mm, 14 to a sheet with rounded corners and a 2.5 mm gutter (e.g. Avery L7163).
  'a4-2x7': {
    columns: 2,
    rows: 7,
    labelMm: { width: 99.1, height: 38.1 },
    marginMm: { left: 4.65, top: 15.15 },
    gapMm: { column: 2.5, row: 0 },
  },
  // 105 × 57 mm, 10 to a sheet, edge to edge side to side (e.g. Avery 3425): 5 × 57 = 285 mm, 6 mm top and bottom.
  'a4-2x5': {
    columns: 2,
    rows: 5,
    labelMm: { width: 105, height: 57 },
    marginMm: { left: 0, top: 6 },
    gapMm: { column: 0, row: 0 },
  },
} as const satisfies Record<string, LabelLayout>;

export type LabelLayoutId = keyof typeof LABEL_LAYOUTS;

export const LABEL_LAYOUT_IDS = Object.keys(LABEL_LAYOUTS) as LabelLayoutId[];

export const DEFAULT_LABEL_LAYOUT: LabelLayoutId = 'a4-3x8';

export function isLabelLayoutId(value: string): value is LabelLayoutId {
  return Object.hasOwn(LABEL_LAYOUTS, value);
}

export const labelsPerSheet = (layout: LabelLayout): number => layout.columns * layout.rows;

/** A rectangle in PDF points, origin at the sheet's bottom-left corner (PDF's y axis points up). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Every label of one sheet, left to right then top to bottom (the order
 * people count labels on a sheet), as boxes in points.
 */
export function labelBoxes(layout: LabelLayout): Box[] {
  const width = mm(layout.labelMm.width);
  const height = mm(layout.labelMm.height);
  const boxes: Box[] = [];
  for (let row = 0; row < layout.rows; row++) {
    const topMm = layout.marginMm.top + row * (layout.labelMm.height + layout.gapMm.row);
    for (let column = 0; column < layout.columns; column++) {
      const leftMm = layout.marginMm.left + column * (layout.labelMm.width + layout.gapMm.column);
      boxes.push({ x: mm(leftMm), y: mm(A4_MM.height - topMm - layout.labelMm.height), width, height });
    }
  }
  return boxes;
}
