/**
 * The rules a province's plan target obeys, for the console's form and the
 * API alike. A target is a promise about the future: its due date cannot
 * have passed, a share cannot exceed 100 %, a count is a whole number, and
 * a range's top is not below its bottom. Custom rules name their message
 * key in params.code (src/server/validation.ts).
 */
import { z } from 'zod';
import { isCalendarDate, vietnamDate } from '../time/vietnam';
import { TARGET_METRICS, targetUnit } from './vocabulary';

/** Plans run to 2030 with a vision to 2045; a target beyond that is a typo. */
export const LATEST_TARGET_YEAR = 2050;

const issue = (code: string, params: Record<string, string | number> = {}) => ({ code: 'custom' as const, params: { code, ...params } });

/** The province is named by its slug, as everywhere in URLs and the API. */
export function targetInputSchema(now: Date) {
  const today = vietnamDate(now);
  return z
    .strictObject({
      province: z.string().trim().min(1).max(100),
      metric: z.enum(TARGET_METRICS),
      minimum: z.number().min(0).max(1_000_000),
      maximum: z
        .number()
        .min(0)
        .max(1_000_000)
        .nullish()
        .transform((value) => value ?? null),
      dueDate: z.string().refine(isCalendarDate, { params: { code: 'calendar_date' }, abort: true }),
      source: z
        .string()
        .trim()
        .max(300)
        .nullish()
        .transform((value) => value ?? ''),
    })
    .superRefine((target, ctx) => {
      const percent = targetUnit(target.metric) === 'percent';
      for (const key of ['minimum', 'maximum'] as const) {
        const value = target[key];
        if (value === null) continue;
        if (percent && value > 100) ctx.addIssue({ ...issue('percent_over_100'), path: [key] });
        if (!percent && !Number.isInteger(value)) ctx.addIssue({ ...issue('whole_number'), path: [key] });
      }
      if (target.maximum !== null && target.maximum < target.minimum) ctx.addIssue({ ...issue('maximum_below_minimum'), path: ['maximum'] });
      if (target.dueDate < today) ctx.addIssue({ ...issue('date_in_past'), path: ['dueDate'] });
      else if (Number(target.dueDate.slice(0, 4)) > LATEST_TARGET_YEAR)
        ctx.addIssue({ ...issue('year_too_far', { year: LATEST_TARGET_YEAR }), path: ['dueDate'] });
    });
}

export type TargetInput = z.output<ReturnType<typeof targetInputSchema>>;
