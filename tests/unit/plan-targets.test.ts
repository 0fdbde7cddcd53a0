/**
 * The plans' targets shipped as reference data, against the plans' own
 * figures: Vĩnh Linh's 67-KH/HU (2023) and Bắc Giang's 38-CTr/TU (2022).
 */
import { describe, expect, it } from 'vitest';
import { findFormerUnit, FORMER_UNITS, formerUnitCommuneRows } from '../../src/server/provinces/former-units';
import { provinceByCode } from '../../src/server/provinces/reference';
import { BAC_GIANG_PLAN, PLAN_TARGETS, VINH_LINH_PLAN } from '../../src/server/targets/plan-targets';
import { EMPTY_PLAN_FIGURES, targetProgress } from '../../src/server/targets/progress';
import { targetInputSchema } from '../../src/server/targets/target-input';
import { parseInput } from '../../src/server/validation';

const figures = (unit: string) =>
  Object.fromEntries(
    PLAN_TARGETS.filter((row) => row.formerUnit === unit).map((row) => [
      row.metric,
      { minimum: row.minimum, maximum: row.maximum ?? null, dueDate: row.dueDate, source: row.source },
    ]),
  );

/** A plan's target as figures: minimum, maximum, due at the end of 2030, naming the plan. */
const dueBy2030 =
  (source: string) =>
  (minimum: number, maximum: number | null = null) => ({ minimum, maximum, dueDate: '2030-12-31', source });

describe("the plans' targets", () => {
  it("carry Vĩnh Linh's figures, for the former district in Quảng Trị", () => {
    const by2030 = dueBy2030(VINH_LINH_PLAN);
    expect(figures('huyen-vinh-linh')).toEqual({
      active_cooperatives: by2030(85, 90),
      fair_or_better_share: by2030(70),
      value_chain_share: by2030(50),
    });
    expect(VINH_LINH_PLAN).toContain('67-KH/HU');
    const unit = findFormerUnit('huyen-vinh-linh');
    expect(unit?.kind).toBe('district');
    expect(provinceByCode(unit?.provinceCode ?? '').nameVi).toBe('Quảng Trị');
  });

  it("carry Bắc Giang's figures, for the former province in Bắc Ninh", () => {
    const by2030 = dueBy2030(BAC_GIANG_PLAN);
    expect(figures('tinh-bac-giang')).toEqual({
      active_cooperatives: by2030(1600),
      cooperative_members: by2030(51_000),
      fair_or_better_share: by2030(65),
      value_chain_share: by2030(60),
      ocop_products: by2030(350),
      five_star_products: by2030(3, 5),
      ocop_collective_share: by2030(80),
    });
    expect(BAC_GIANG_PLAN).toContain('38-CTr/TU');
    const unit = findFormerUnit('tinh-bac-giang');
    expect(unit?.kind).toBe('province');
    expect(provinceByCode(unit?.provinceCode ?? '').formedFrom).toContain('Bắc Giang');
  });

  it('are each valid target input, in the province their area belongs to', () => {
    const then = new Date('2026-01-01T00:00:00Z');
    for (const row of PLAN_TARGETS) {
      const unit = findFormerUnit(row.formerUnit ?? '');
      expect(unit?.provinceCode).toBe(row.provinceCode);
      const input = {
        province: provinceByCode(row.provinceCode).slug,
        area: row.formerUnit,
        metric: row.metric,
        minimum: row.minimum,
        maximum: row.maximum,
        dueDate: row.dueDate,
        source: row.source,
      };
      expect(() => parseInput(targetInputSchema(then), input)).not.toThrow();
    }
    expect(new Set(PLAN_TARGETS.map((row) => row.id)).size).toBe(PLAN_TARGETS.length);
  });

  it('list each former commune once, under one unit', () => {
    const rows = formerUnitCommuneRows();
    expect(new Set(rows.map((row) => row.commune)).size).toBe(rows.length);
    expect(rows.length).toBe(FORMER_UNITS.reduce((sum, unit) => sum + unit.communes.length, 0));
    for (const row of rows) expect(row.commune).not.toMatch(/^(xã|phường) /);
  });

  it('measure the OCOP ownership share by the figure the department reports', () => {
    const target = { metric: 'ocop_collective_share' as const, minimum: 80, maximum: null, dueDate: '2030-12-31' };
    expect(targetProgress(target, EMPTY_PLAN_FIGURES, '2026-12-01').state).toBe('no_data');
    expect(targetProgress({ ...target, reportedValue: 72 }, EMPTY_PLAN_FIGURES, '2026-12-01')).toMatchObject({
      current: 72,
      fraction: 0.9,
      state: 'not_met',
    });
  });
});
