/**
 * The rules a product and an OCOP rating obey when a cooperative writes them
 * (the dashboard's forms and, later, the API parse through these). Custom
 * rules name their message key in params.code, like batch-input.ts.
 */
import { z } from 'zod';
import { ocopValidUntil, vietnamToday } from './validity';
import { isCalendarDate } from '../time/vietnam';
import { OCOP_GROUPS, OCOP_LEVELS } from './vocabulary';
import { gtinField } from '../provenance/batch-input';
import { optionalText } from '../validation';
import { wholesaleInputShape, wholesaleIssues } from './wholesale';
import { checkCommune, withOfficialCommune } from '../provinces/communes';

const issue = (code: string) => ({ code: 'custom' as const, params: { code } });

const textOrEmpty = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value ?? '');

/**
 * A cooperative's own product code as its books write it (letters, digits and - _ . /, starting
 * with a letter or digit): ASCII, so a spreadsheet or a scanner types it the same way every time.
 */
export const PRODUCT_SKU = /^[0-9A-Za-z][0-9A-Za-z._/-]{0,39}$/;

/** What a cooperative says about its product; status, slug, trace code and owner are never part of it. */
export const productInputSchema = z
  .strictObject({
    nameVi: z.string().trim().min(2).max(200),
    nameEn: textOrEmpty(200),
    descriptionVi: textOrEmpty(5000),
    descriptionEn: textOrEmpty(5000),
    ocopGroup: z.enum(OCOP_GROUPS),
    provinceCode: z.string().regex(/^\d{2}$/),
    commune: optionalText(200),
    originFormerly: optionalText(200),
    gtin: gtinField.nullish().transform((value) => value ?? null),
    /** The cooperative's own code for it, unique within the cooperative; null when it keeps none. */
    sku: z
      .string()
      .trim()
      .refine((value) => value === '' || PRODUCT_SKU.test(value), { params: { code: 'product_sku' } })
      .nullish()
      .transform((value) => value || null),
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
    ...wholesaleInputShape,
  })
  .superRefine((product, ctx) => {
    for (const problem of wholesaleIssues(product)) ctx.addIssue(problem);
    checkCommune(product, ctx);
  })
  .transform(withOfficialCommune);

export type ProductInput = z.output<typeof productInputSchema>;

/**
 * The shape of a recognition decision's number as ministries and provincial
 * people's committees write it: a running number, sometimes the year, then
 * "QĐ-" and the issuing body's abbreviation (1234/QĐ-UBND,
 * 567/QĐ-BNN-KTHT, 12/2024/QĐ-UBND). "QD" without the mark is accepted, as
 * people type it on keyboards without Vietnamese input.
 */
export const OCOP_DECISION_NUMBER = /^\d{1,6}(?:\/\d{4})?\/Q[ĐD]-[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*$/iu;

/**
 * An OCOP rating as recorded from its decision: 3-4 stars by the province, 5
 * by the national council. A new rating (`isNew`) must still be valid today:
 * one whose 36 months already ran out is history, not a claim.
 */
export function ocopRatingInputSchema(now: Date, { isNew = true }: { isNew?: boolean } = {}) {
  const today = vietnamToday(now);
  return z
    .strictObject({
      stars: z.number().int().min(3).max(5),
      level: z.enum(OCOP_LEVELS),
      decisionNumber: z
        .string()
        .trim()
        .min(1)
        .max(100)
        .transform((value) => value.normalize('NFC'))
        .refine((value) => OCOP_DECISION_NUMBER.test(value), { params: { code: 'ocop_decision_number' } })
        .meta({ description: 'As on the decision, e.g. `1234/QĐ-UBND` or `567/QĐ-BNN-KTHT`.' }),
      decisionDate: z
        .string()
        .refine(isCalendarDate, { params: { code: 'calendar_date' }, abort: true })
        .meta({ format: 'date', description: 'Not in the future; for a new rating, within the last 36 months.' }),
      evidencePublic: z.boolean().default(false).meta({
        description:
          'Whether anyone may download the evidence file once an officer verified the rating; otherwise only the cooperative and the officers.',
      }),
    })
    .superRefine((rating, ctx) => {
      if (rating.decisionDate > today) ctx.addIssue({ ...issue('date_in_future'), path: ['decisionDate'] });
      else if (isNew && ocopValidUntil(rating.decisionDate) < today)
        ctx.addIssue({ ...issue('ocop_expired'), path: ['decisionDate'] });
      if ((rating.stars === 5) !== (rating.level === 'national'))
        ctx.addIssue({ ...issue('ocop_level_mismatch'), path: ['level'] });
    });
}

export type OcopRatingInput = z.output<ReturnType<typeof ocopRatingInputSchema>>;
