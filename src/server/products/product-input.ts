/**
 * The rules a product and an OCOP rating obey when a cooperative writes them
 * (the dashboard's forms and, later, the API parse through these). Custom
 * rules name their message key in params.code, like batch-input.ts.
 */
import { z } from 'zod';
import { vietnamToday } from './validity';
import { isCalendarDate } from '../time/vietnam';
import { OCOP_GROUPS, OCOP_LEVELS } from './vocabulary';
import { gtinField } from '../provenance/batch-input';
import { optionalText } from '../validation';

const issue = (code: string) => ({ code: 'custom' as const, params: { code } });

const textOrEmpty = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value ?? '');

/** What a cooperative says about its product; status, slug, trace code and owner are never part of it. */
export const productInputSchema = z.strictObject({
  nameVi: z.string().trim().min(2).max(200),
  nameEn: textOrEmpty(200),
  descriptionVi: textOrEmpty(5000),
  descriptionEn: textOrEmpty(5000),
  ocopGroup: z.enum(OCOP_GROUPS),
  provinceCode: z.string().regex(/^\d{2}$/),
  commune: optionalText(200),
  originFormerly: optionalText(200),
  gtin: gtinField.nullish().transform((value) => value ?? null),
  /** Whole VND; null when the price is given on request. */
  priceVnd: z
    .number()
    .int()
    .min(0)
    .max(1_000_000_000_000)
    .nullish()
    .transform((value) => value ?? null),
  unitVi: z.string().trim().min(1).max(30),
  /** Optional like the other English fields: English pages fall back to the Vietnamese unit, marked as such. */
  unitEn: textOrEmpty(30),
  minOrder: z.number().int().min(1).max(1_000_000),
  seasonVi: optionalText(200),
  seasonEn: optionalText(200),
});

export type ProductInput = z.output<typeof productInputSchema>;

/** An OCOP rating as recorded from its decision: 3-4 stars by the province, 5 by the national council. */
export function ocopRatingInputSchema(now: Date) {
  const today = vietnamToday(now);
  return z
    .strictObject({
      stars: z.number().int().min(3).max(5),
      level: z.enum(OCOP_LEVELS),
      decisionNumber: z.string().trim().min(1).max(100),
      decisionDate: z.string().refine(isCalendarDate, { params: { code: 'calendar_date' }, abort: true }),
    })
    .superRefine((rating, ctx) => {
      if (rating.decisionDate > today) ctx.addIssue({ ...issue('date_in_future'), path: ['decisionDate'] });
      if ((rating.stars === 5) !== (rating.level === 'national'))
        ctx.addIssue({ ...issue('ocop_level_mismatch'), path: ['level'] });
    });
}

export type OcopRatingInput = z.output<ReturnType<typeof ocopRatingInputSchema>>;
