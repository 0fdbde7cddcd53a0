/**
 * Where a target is heading at the pace of the monthly snapshots: the
 * least-squares line through the figures by month, extended until it
 * reaches the target's minimum. A pure function, so the arithmetic is tested
 * without a database.
 */
import { addMonths } from '../time/vietnam';

export interface TrendPoint {
  /** 'YYYY-MM' */
  month: string;
  value: number;
}

export type Trajectory =
  | { kind: 'met' }
  /** Fewer than MIN_TREND_MONTHS months of snapshots: no honest pace yet. */
  | { kind: 'too_little_history' }
  /** At this pace the minimum is reached in `month`, by the due date. */
  | { kind: 'on_pace'; month: string; year: number }
  /** Flat, falling, or too slow to reach the minimum by the due date. */
  | { kind: 'not_by_due'; dueYear: number };

/** A pace from fewer months than this is noise more than trend. */
export const MIN_TREND_MONTHS = 3;

/** Months from 'YYYY-MM' a to b. */
function monthsBetween(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}

/** Change per month of the least-squares line through the points (months as x). */
export function monthlyPace(points: readonly TrendPoint[]): number | null {
  const first = points[0];
  if (!first || points.length < 2) return null;
  const xs = points.map((point) => monthsBetween(first.month, point.month));
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = points.reduce((sum, point) => sum + point.value, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  points.forEach((point, i) => {
    const dx = (xs[i] ?? 0) - meanX;
    covariance += dx * (point.value - meanY);
    variance += dx * dx;
  });
  return variance === 0 ? null : covariance / variance;
}

/**
 * The trajectory of a target from its snapshots (oldest first; the last is
 * the latest figure) and its minimum and due date ('YYYY-MM-DD').
 */
export function projectTarget(points: readonly TrendPoint[], target: { minimum: number; dueDate: string }): Trajectory {
  const last = points.at(-1);
  if (last && last.value >= target.minimum) return { kind: 'met' };
  const first = points[0];
  if (!first || !last || monthsBetween(first.month, last.month) + 1 < MIN_TREND_MONTHS)
    return { kind: 'too_little_history' };
  const dueYear = Number(target.dueDate.slice(0, 4));
  const pace = monthlyPace(points);
  if (pace === null || pace <= 0) return { kind: 'not_by_due', dueYear };
  // From the latest figure on, not from the fitted line: the pace is the line's, the start is where things stand.
  const needed = Math.ceil((target.minimum - last.value) / pace);
  // Compared in months before any date is made: a slow pace can need millions of them.
  if (needed > monthsBetween(last.month, target.dueDate.slice(0, 7))) return { kind: 'not_by_due', dueYear };
  const month = addMonths(last.month, needed);
  return { kind: 'on_pace', month, year: Number(month.slice(0, 4)) };
}
