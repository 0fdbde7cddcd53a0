import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/server/errors';
import { EMPTY_PLAN_FIGURES, targetProgress } from '../../src/server/targets/progress';
import { targetInputSchema } from '../../src/server/targets/target-input';
import { parseInput } from '../../src/server/validation';

const now = new Date('2026-11-24T03:00:00Z');
const valid = {
  province: 'ha-noi',
  metric: 'fair_or_better_share',
  minimum: 65,
  dueDate: '2030-12-31',
  source: 'Kế hoạch 45/KH-UBND',
};

function fieldsOf(input: unknown): Record<string, string> {
  try {
    parseInput(targetInputSchema(now), input);
  } catch (error) {
    if (error instanceof ValidationError)
      return Object.fromEntries(Object.entries(error.fields).map(([field, issue]) => [field, issue.code]));
    throw error;
  }
  return {};
}

describe('target input', () => {
  it('accepts a share by 2030 and a count range', () => {
    expect(parseInput(targetInputSchema(now), valid)).toEqual({
      ...valid,
      maximum: null,
      area: '',
      reportedValue: null,
      reportedOn: null,
    });
    expect(fieldsOf({ ...valid, metric: 'five_star_products', minimum: 3, maximum: 5 })).toEqual({});
  });

  it('refuses a share over 100 %, on the field that has it', () => {
    expect(fieldsOf({ ...valid, minimum: 101 })).toEqual({ minimum: 'percent_over_100' });
    expect(fieldsOf({ ...valid, minimum: 60, maximum: 120 })).toEqual({ maximum: 'percent_over_100' });
    // A count may well exceed 100.
    expect(fieldsOf({ ...valid, metric: 'ocop_products', minimum: 350 })).toEqual({});
  });

  it('refuses a due date that has passed in Viet Nam, but not today', () => {
    expect(fieldsOf({ ...valid, dueDate: '2025-12-31' })).toEqual({ dueDate: 'date_in_past' });
    // 03:00 UTC on 24 November is 10:00 the same day in Viet Nam.
    expect(fieldsOf({ ...valid, dueDate: '2026-11-23' })).toEqual({ dueDate: 'date_in_past' });
    expect(fieldsOf({ ...valid, dueDate: '2026-11-24' })).toEqual({});
    // At 17:30 UTC it is already the 25th in Viet Nam.
    expect(() =>
      parseInput(targetInputSchema(new Date('2026-11-24T17:30:00Z')), { ...valid, dueDate: '2026-11-24' }),
    ).toThrow(ValidationError);
  });

  it('refuses impossible dates, far years, fractions of products, negative values and upside-down ranges', () => {
    expect(fieldsOf({ ...valid, dueDate: '2030-02-30' })).toEqual({ dueDate: 'calendar_date' });
    expect(fieldsOf({ ...valid, dueDate: '2099-12-31' })).toEqual({ dueDate: 'year_too_far' });
    expect(fieldsOf({ ...valid, metric: 'ocop_products', minimum: 2.5 })).toEqual({ minimum: 'whole_number' });
    expect(fieldsOf({ ...valid, minimum: -1 })).toEqual({ minimum: 'too_small' });
    expect(fieldsOf({ ...valid, metric: 'five_star_products', minimum: 5, maximum: 3 })).toEqual({
      maximum: 'maximum_below_minimum',
    });
    expect(fieldsOf({ ...valid, metric: 'happiness' })).toEqual({ metric: 'invalid_value' });
    expect(fieldsOf({ ...valid, minimum: '65' })).toEqual({ minimum: 'number_invalid' });
    expect(fieldsOf({ province: 'ha-noi' })).toEqual({ metric: 'required', minimum: 'required', dueDate: 'required' });
    expect(fieldsOf({ ...valid, role: 'admin' })).toEqual({ role: 'unknown_field' });
  });
});

describe('target progress', () => {
  const figures = {
    ...EMPTY_PLAN_FIGURES,
    activeCooperatives: 10,
    fairOrBetter: { count: 5, percent: 50 },
    fiveStarProducts: 6,
    ocopProducts: 120,
  };
  const target = { metric: 'fair_or_better_share' as const, minimum: 65, maximum: null, dueDate: '2030-12-31' };

  it('reads the matching figure and says how far along it is', () => {
    const progress = targetProgress(target, figures, '2026-11-24');
    expect(progress).toEqual({ current: 50, fraction: 50 / 65, state: 'not_met', aboveRange: false });
    expect(targetProgress({ ...target, metric: 'ocop_products', minimum: 100 }, figures, '2026-11-24')).toMatchObject({
      current: 120,
      fraction: 1,
      state: 'met',
    });
  });

  it('meets a range from its minimum and reports going past its maximum', () => {
    expect(
      targetProgress({ ...target, metric: 'five_star_products', minimum: 3, maximum: 5 }, figures, '2026-11-24'),
    ).toEqual({
      current: 6,
      fraction: 1,
      state: 'met',
      aboveRange: true,
    });
  });

  it('is overdue when the date has passed unmet, and has no data for a share of no cooperatives', () => {
    expect(targetProgress({ ...target, dueDate: '2025-12-31' }, figures, '2026-11-24').state).toBe('overdue');
    expect(targetProgress(target, EMPTY_PLAN_FIGURES, '2026-11-24')).toEqual({
      current: null,
      fraction: null,
      state: 'no_data',
      aboveRange: false,
    });
    expect(
      targetProgress({ ...target, metric: 'ocop_products', minimum: 10 }, EMPTY_PLAN_FIGURES, '2026-11-24'),
    ).toMatchObject({ current: 0, fraction: 0, state: 'not_met' });
  });
});

describe('reported figures', () => {
  it('are only for metrics the portal cannot count, with their date, not in the future', () => {
    const reported = { ...valid, metric: 'ocop_collective_share', minimum: 80 };
    expect(fieldsOf({ ...reported, reportedValue: 72, reportedOn: '2026-06-30' })).toEqual({});
    expect(fieldsOf({ ...valid, reportedValue: 40, reportedOn: '2026-06-30' })).toEqual({
      reportedValue: 'not_reported_metric',
    });
    expect(fieldsOf({ ...reported, reportedValue: 72 })).toEqual({ reportedOn: 'required' });
    expect(fieldsOf({ ...reported, reportedValue: 172, reportedOn: '2026-06-30' })).toEqual({
      reportedValue: 'percent_over_100',
    });
    expect(fieldsOf({ ...reported, reportedValue: 72, reportedOn: '2027-01-01' })).toEqual({
      reportedOn: 'date_in_future',
    });
  });
});
