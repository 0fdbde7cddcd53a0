/**
 * Where a province stands against a target: the current figure read off the
 * statistics (never stored, so it cannot go stale), how far along it is, and
 * whether it is met. A range target ("3-5 five-star products") is met from
 * its minimum; going past its maximum is reported, not counted as failure.
 */
import type { PlanFigures } from '../stats/catalogue-statistics';
import { isReportedMetric, type TargetMetric } from './vocabulary';

export type TargetState = 'met' | 'not_met' | 'overdue' | 'no_data';

export interface TargetProgress {
  /** The figure now: a percent for shares, a count otherwise; null when a share has no cooperatives to be a share of. */
  current: number | null;
  /** current / minimum, between 0 and 1 (1 when met); null without a current figure. */
  fraction: number | null;
  state: TargetState;
  aboveRange: boolean;
}

/** The figures of a province with no active cooperatives and no products. */
export const EMPTY_PLAN_FIGURES: PlanFigures = {
  activeCooperatives: 0,
  members: 0,
  fairOrBetter: { count: 0, percent: null },
  inValueChain: { count: 0, percent: null },
  withPublishedProduct: { count: 0, percent: null },
  atEventsThisYear: { count: 0, percent: null },
  ocopProducts: 0,
  fiveStarProducts: 0,
};

export function currentFigure(metric: TargetMetric, figures: PlanFigures): number | null {
  switch (metric) {
    case 'fair_or_better_share':
      return figures.fairOrBetter.percent;
    case 'value_chain_share':
      return figures.inValueChain.percent;
    case 'selling_online_share':
      return figures.withPublishedProduct.percent;
    case 'trade_promotion_share':
      return figures.atEventsThisYear.percent;
    case 'active_cooperatives':
      return figures.activeCooperatives;
    case 'cooperative_members':
      return figures.members;
    case 'ocop_products':
      return figures.ocopProducts;
    case 'five_star_products':
      return figures.fiveStarProducts;
    // Reported by the department, not counted (see targetProgress).
    case 'ocop_collective_share':
      return null;
  }
}

export function targetProgress(
  target: {
    metric: TargetMetric;
    minimum: number;
    maximum: number | null;
    dueDate: string;
    reportedValue?: number | null;
  },
  figures: PlanFigures,
  today: string,
): TargetProgress {
  const current = isReportedMetric(target.metric)
    ? (target.reportedValue ?? null)
    : currentFigure(target.metric, figures);
  if (current === null) return { current, fraction: null, state: 'no_data', aboveRange: false };
  const met = current >= target.minimum;
  return {
    current,
    fraction: target.minimum <= 0 ? 1 : Math.min(1, current / target.minimum),
    state: met ? 'met' : target.dueDate < today ? 'overdue' : 'not_met',
    aboveRange: target.maximum !== null && current > target.maximum,
  };
}
