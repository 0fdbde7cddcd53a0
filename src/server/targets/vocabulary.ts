/**
 * What the provincial plans under Resolution 20-NQ/TW set numeric targets
 * for, and which figure of the portal's statistics measures each
 * (src/server/stats/catalogue-statistics.ts, PlanFigures). Shares are of the
 * province's active cooperatives; counts are of published products.
 */
export const TARGET_METRICS = [
  /** Rated good (tốt) or fair (khá) in the annual classification. */
  'fair_or_better_share',
  /** Linked into a value chain (liên kết chuỗi giá trị). */
  'value_chain_share',
  /** Selling on the portal: at least one published product (the plans' e-commerce target). */
  'selling_online_share',
  /** Registered for at least one trade-promotion event in the year. */
  'trade_promotion_share',
  'active_cooperatives',
  /** Members of the active cooperatives, as their profiles state. */
  'cooperative_members',
  'ocop_products',
  'five_star_products',
  /**
   * OCOP products owned by collective-economy organisations, as a share of all
   * the province's OCOP products. Every product on the portal belongs to a
   * cooperative, so the portal cannot know the denominator: the department
   * enters the figure it reports.
   */
  'ocop_collective_share',
] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

/** Metrics whose current figure is the one the department reports, not one the portal counts. */
export const REPORTED_METRICS: readonly TargetMetric[] = ['ocop_collective_share'];

export const isReportedMetric = (metric: TargetMetric) => REPORTED_METRICS.includes(metric);

export type TargetUnit = 'percent' | 'count';

export function targetUnit(metric: TargetMetric): TargetUnit {
  return metric.endsWith('_share') ? 'percent' : 'count';
}
