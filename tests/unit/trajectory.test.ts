import { describe, expect, it } from 'vitest';
import { monthlyPace, projectTarget, type TrendPoint } from '../../src/server/targets/trajectory';

/** Monthly points from `start`, one per value. */
function series(start: string, values: readonly number[]): TrendPoint[] {
  const [year, month] = start.split('-').map(Number) as [number, number];
  return values.map((value, i) => ({
    month: new Date(Date.UTC(year, month - 1 + i, 1)).toISOString().slice(0, 7),
    value,
  }));
}

const by2030 = { minimum: 85, dueDate: '2030-12-31' };

describe('monthly pace', () => {
  it('is the slope of the least-squares line', () => {
    expect(monthlyPace(series('2025-01', [10, 12, 14, 16]))).toBeCloseTo(2);
    // Noise around a rise of 1 a month.
    expect(monthlyPace(series('2025-01', [10, 11.5, 11.5, 13]))).toBeCloseTo(0.9);
    // A missing month keeps the months apart.
    expect(
      monthlyPace([
        { month: '2025-01', value: 0 },
        { month: '2025-03', value: 4 },
      ]),
    ).toBeCloseTo(2);
  });

  it('is unknown from one point', () => {
    expect(monthlyPace(series('2025-01', [10]))).toBeNull();
    expect(monthlyPace([])).toBeNull();
  });
});

describe('the trajectory of a target', () => {
  it('is met when the latest figure reaches the minimum, whatever the history', () => {
    expect(projectTarget(series('2026-11', [85]), by2030)).toEqual({ kind: 'met' });
    expect(projectTarget(series('2025-01', [90, 88, 86]), by2030)).toEqual({ kind: 'met' });
  });

  it('needs three months of snapshots for a pace', () => {
    expect(projectTarget([], by2030)).toEqual({ kind: 'too_little_history' });
    expect(projectTarget(series('2026-10', [40, 41]), by2030)).toEqual({ kind: 'too_little_history' });
    expect(projectTarget(series('2026-09', [40, 41, 42]), by2030).kind).toBe('on_pace');
  });

  it('gives the month and year the pace reaches the minimum', () => {
    // 60 in December 2026, 1 a month: 25 more months, January 2029.
    const points = series('2026-01', [49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60]);
    expect(projectTarget(points, by2030)).toEqual({ kind: 'on_pace', month: '2029-01', year: 2029 });
  });

  it('is not met by the due date when too slow, flat or falling', () => {
    const slow = series('2026-01', [50, 50.1, 50.2, 50.3]);
    expect(projectTarget(slow, by2030)).toEqual({ kind: 'not_by_due', dueYear: 2030 });
    expect(projectTarget(series('2026-01', [50, 50, 50]), by2030)).toEqual({ kind: 'not_by_due', dueYear: 2030 });
    expect(projectTarget(series('2026-01', [52, 51, 50]), by2030)).toEqual({ kind: 'not_by_due', dueYear: 2030 });
    // A pace so slow it would take millions of months stays arithmetic, not a date.
    expect(projectTarget(series('2026-01', [0, 1e-9, 2e-9]), by2030).kind).toBe('not_by_due');
  });

  it('counts the due month itself as in time', () => {
    // 84 in November 2030, 1 a month: 85 in December 2030, the due month.
    expect(projectTarget(series('2030-09', [82, 83, 84]), by2030)).toEqual({
      kind: 'on_pace',
      month: '2030-12',
      year: 2030,
    });
  });
});
