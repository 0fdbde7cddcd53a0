/**
 * A plausible past for the demo's trends: the months before the first real
 * snapshot, drawn back from it. Counts grew by about a third over two years
 * and shares by up to a dozen points, unevenly from month to month (a
 * deterministic wobble per area and month), so charts and trajectories have
 * something to show from the first `npm start`. Fictional, like the rest of
 * the demo.
 */
import type { statisticsSnapshots } from '../schema';
import type { SnapshotFigures, TrendFigure } from '../../stats/snapshots';
import { addMonths } from '../../time/vietnam';
import { hashSeed } from './random';

type SnapshotRow = typeof statisticsSnapshots.$inferInsert;

const PERCENT_FIGURES: readonly TrendFigure[] = [
  'fairOrBetterPercent',
  'inValueChainPercent',
  'withPublishedProductPercent',
];

/** A number in [-1, 1), the same for the same area, figure and month. */
const wobble = (...parts: string[]) => hashSeed(...parts) / 2 ** 31 - 1;

/** The `months` months before each latest row, oldest first, ending the month before it. */
export function backfilledSnapshots(latest: readonly SnapshotRow[], months: number): SnapshotRow[] {
  return latest.flatMap((row) =>
    Array.from({ length: months }, (_, i) => {
      const back = months - i;
      const month = addMonths(row.month, -back);
      const share = back / months;
      const figures = Object.fromEntries(
        Object.entries(row.figures).map(([key, value]) => {
          if (value === null) return [key, null];
          const noise = wobble(row.area, key, month);
          if (PERCENT_FIGURES.includes(key as TrendFigure)) {
            const past = value - 12 * share + noise;
            return [key, Math.round(Math.min(100, Math.max(0, past)) * 10) / 10];
          }
          return [key, Math.max(0, Math.round(value * (1 - 0.35 * share + 0.02 * noise)))];
        }),
      ) as SnapshotFigures;
      return { month, area: row.area, figures, takenAt: row.takenAt };
    }),
  );
}
