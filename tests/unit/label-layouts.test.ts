import { describe, expect, it } from 'vitest';
import {
  A4_MM,
  LABEL_LAYOUT_IDS,
  LABEL_LAYOUTS,
  POINTS_PER_MM,
  isLabelLayoutId,
  labelBoxes,
  labelsPerSheet,
  mm,
} from '../../src/server/print/label-layouts';

const A4_POINTS = { width: 595.2756, height: 841.8898 };

describe('label sheet geometry', () => {
  it('converts millimetres to PDF points (72 per inch)', () => {
    expect(POINTS_PER_MM).toBeCloseTo(2.834646, 6);
    expect(mm(25.4)).toBeCloseTo(72, 10);
    expect(mm(A4_MM.width)).toBeCloseTo(A4_POINTS.width, 3);
    expect(mm(A4_MM.height)).toBeCloseTo(A4_POINTS.height, 3);
  });

  it.each([
    ['a4-3x8', 24, 70, 37],
    ['a4-2x7', 14, 99.1, 38.1],
    ['a4-2x5', 10, 105, 57],
  ] as const)('%s: %i labels of %s × %s mm', (id, count, width, height) => {
    const layout = LABEL_LAYOUTS[id];
    const boxes = labelBoxes(layout);
    expect(labelsPerSheet(layout)).toBe(count);
    expect(boxes).toHaveLength(count);
    for (const box of boxes) {
      expect(box.width).toBeCloseTo(mm(width), 6);
      expect(box.height).toBeCloseTo(mm(height), 6);
    }
  });

  it.each(LABEL_LAYOUT_IDS)('%s: every label lies on the page and no two overlap', (id) => {
    const boxes = labelBoxes(LABEL_LAYOUTS[id]);
    const epsilon = 1e-6;
    for (const box of boxes) {
      expect(box.x).toBeGreaterThanOrEqual(-epsilon);
      expect(box.y).toBeGreaterThanOrEqual(-epsilon);
      expect(box.x + box.width).toBeLessThanOrEqual(A4_POINTS.width + 1e-3);
      expect(box.y + box.height).toBeLessThanOrEqual(A4_POINTS.height + 1e-3);
    }
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        const apart =
          a.x + a.width <= b.x + epsilon ||
          b.x + b.width <= a.x + epsilon ||
          a.y + a.height <= b.y + epsilon ||
          b.y + b.height <= a.y + epsilon;
        expect(apart).toBe(true);
      }),
    );
  });

  it('places the labels where the sheet maker cuts them, first at the top left', () => {
    const [first, second] = labelBoxes(LABEL_LAYOUTS['a4-2x7']);
    // Avery L7163: 4.65 mm from the left, 15.15 mm from the top, 2.5 mm between the columns.
    expect(first!.x).toBeCloseTo(mm(4.65), 6);
    expect(first!.y + first!.height).toBeCloseTo(mm(297 - 15.15), 6);
    expect(second!.x).toBeCloseTo(mm(4.65 + 99.1 + 2.5), 6);
    expect(second!.y).toBeCloseTo(first!.y, 6);
    const last = labelBoxes(LABEL_LAYOUTS['a4-3x8']).at(-1)!;
    expect(last.x + last.width).toBeCloseTo(mm(210), 6);
    expect(last.y).toBeCloseTo(mm(0.5), 6);
  });

  it('knows its layouts by id and nothing else', () => {
    expect(isLabelLayoutId('a4-3x8')).toBe(true);
    expect(isLabelLayoutId('toString')).toBe(false);
    expect(isLabelLayoutId('a4-4x10')).toBe(false);
  });
});
