/**
 * The targets of the provincial plans this portal serves, shipped as
 * reference data: seeding and scripts/reference-sql.ts insert each row when
 * its id is missing, so an officer's later edit is never overwritten.
 * "About" and "over" figures are recorded as the plan's number as the
 * minimum; a range ("85-90", "3-5") keeps both ends.
 */
import type { provinceTargets } from '../db/schema';
import type { TargetMetric } from './vocabulary';

type TargetRow = typeof provinceTargets.$inferInsert;

export const VINH_LINH_PLAN = 'Kế hoạch 67-KH/HU (2023) của Huyện ủy Vĩnh Linh';
export const BAC_GIANG_PLAN = 'Chương trình 38-CTr/TU (2022) của Tỉnh ủy Bắc Giang';

/** Both plans run to the end of 2030. */
const BY_2030 = '2030-12-31';

function target(
  id: string,
  scope: { provinceCode: string; formerUnit: string; source: string },
  metric: TargetMetric,
  minimum: number,
  maximum: number | null = null,
): TargetRow {
  return { id: `plan-${id}`, ...scope, metric, minimum, maximum, dueDate: BY_2030 };
}

const vinhLinh = { provinceCode: '44', formerUnit: 'huyen-vinh-linh', source: VINH_LINH_PLAN };
const bacGiang = { provinceCode: '24', formerUnit: 'tinh-bac-giang', source: BAC_GIANG_PLAN };

export const PLAN_TARGETS: readonly TargetRow[] = [
  target('vinh-linh-cooperatives', vinhLinh, 'active_cooperatives', 85, 90),
  target('vinh-linh-fair-or-better', vinhLinh, 'fair_or_better_share', 70),
  target('vinh-linh-value-chain', vinhLinh, 'value_chain_share', 50),
  target('bac-giang-cooperatives', bacGiang, 'active_cooperatives', 1600),
  target('bac-giang-members', bacGiang, 'cooperative_members', 51_000),
  target('bac-giang-fair-or-better', bacGiang, 'fair_or_better_share', 65),
  target('bac-giang-value-chain', bacGiang, 'value_chain_share', 60),
  target('bac-giang-ocop', bacGiang, 'ocop_products', 350),
  target('bac-giang-five-star', bacGiang, 'five_star_products', 3, 5),
  target('bac-giang-ocop-collective', bacGiang, 'ocop_collective_share', 80),
];
