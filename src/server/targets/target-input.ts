/**
 * The rules a province's plan target obeys, for the console's form and the
 * API alike. A target is a promise about the future: its due date cannot
 * have passed, a share cannot exceed 100 %, a count is a whole number, and
 * a range's top is not below its bottom. Custom rules name their message
 * key in params.code (src/server/validation.ts).
 */
import { z } from 'zod';
import { isCalendarDate, vietnamDate } from '../time/vietnam';
import { isReportedMetric, TARGET_METRICS, targetUnit } from './vocabulary';

/** Plans run to 2030 with a vision to 2045; a target beyond that is a typo. */
export const LATEST_TARGET_YEAR = 2050;

const issue = (code: string, params: Record<string, string | number> = {}) => ({
  code: 'custom' as const,
  params: { code, ...params },
});

/** A target as it is written (the province named by its slug, as everywhere in URLs and the API); the rules come with targetInputSchema. */
export const targetInputObject = z
  .strictObject({
    province: z.string().trim().min(1).max(100).meta({ description: 'Province slug.', example: 'ha-noi' }),
    metric: z.enum(TARGET_METRICS),
    minimum: z
      .number()
      .min(0)
      .max(1_000_000)
      .meta({ description: 'Percent 0-100 for *_share metrics, a whole number for counts.', example: 65 }),
    maximum: z
      .number()
      .min(0)
      .max(1_000_000)
      .nullish()
      .transform((value) => value ?? null)
      .meta({ description: 'Top of a range target ("3-5"), not below minimum; omit for "at least".' }),
    dueDate: z
      .string()
      .refine(isCalendarDate, { params: { code: 'calendar_date' }, abort: true })
      .meta({
        format: 'date',
        example: '2030-12-31',
        description: `Today or later in Viet Nam, up to ${LATEST_TARGET_YEAR}.`,
      }),
    source: z
      .string()
      .trim()
      .max(300)
      .nullish()
      .transform((value) => value ?? '')
      .meta({ description: 'The plan document, at most 300 characters.', example: 'Kế hoạch 45/KH-UBND' }),
    area: z
      .string()
      .trim()
      .max(100)
      .nullish()
      .transform((value) => value ?? '')
      .meta({
        description:
          "Key of a former district or province of this province the plan was written for (e.g. 'huyen-vinh-linh'); omit or '' for the whole province.",
        example: 'huyen-vinh-linh',
      }),
    reportedValue: z
      .number()
      .min(0)
      .max(1_000_000)
      .nullish()
      .transform((value) => value ?? null)
      .meta({
        description:
          'The figure the department reports, for metrics the portal cannot count (ocop_collective_share); required with reportedOn.',
        example: 72,
      }),
    reportedOn: z
      .string()
      .nullish()
      .transform((value) => value || null)
      .refine((value) => value === null || isCalendarDate(value), { params: { code: 'calendar_date' }, abort: true })
      .meta({ format: 'date', description: 'The day the reported figure stands for, not in the future.' }),
  })
  .meta({ id: 'ProvinceTargetInput' });

/** The target with its rules; the due date is judged against `now`, the day it is written. */
export function targetInputSchema(now: Date) {
  const today = vietnamDate(now);
  return targetInputObject.superRefine((target, ctx) => {
    const percent = targetUnit(target.metric) === 'percent';
    for (const key of ['minimum', 'maximum', 'reportedValue'] as const) {
      const value = target[key];
      if (value === null) continue;
      if (percent && value > 100) ctx.addIssue({ ...issue('percent_over_100'), path: [key] });
      if (!percent && !Number.isInteger(value)) ctx.addIssue({ ...issue('whole_number'), path: [key] });
    }
    if (target.maximum !== null && target.maximum < target.minimum)
      ctx.addIssue({ ...issue('maximum_below_minimum'), path: ['maximum'] });
    if (target.reportedValue !== null || target.reportedOn !== null) {
      // A reported figure stands in for a count only where the portal has none.
      if (!isReportedMetric(target.metric)) ctx.addIssue({ ...issue('not_reported_metric'), path: ['reportedValue'] });
      else if (target.reportedValue === null) ctx.addIssue({ ...issue('required'), path: ['reportedValue'] });
      else if (target.reportedOn === null) ctx.addIssue({ ...issue('required'), path: ['reportedOn'] });
    }
    if (target.reportedOn !== null && target.reportedOn > today)
      ctx.addIssue({ ...issue('date_in_future'), path: ['reportedOn'] });
    if (target.dueDate < today) ctx.addIssue({ ...issue('date_in_past'), path: ['dueDate'] });
    else if (Number(target.dueDate.slice(0, 4)) > LATEST_TARGET_YEAR)
      ctx.addIssue({ ...issue('year_too_far', { year: LATEST_TARGET_YEAR }), path: ['dueDate'] });
  });
}

export type TargetInput = z.output<ReturnType<typeof targetInputSchema>>;
