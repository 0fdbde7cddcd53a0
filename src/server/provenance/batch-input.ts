/**
 * The rules every batch, provenance step and certificate obeys wherever it
 * enters: the seed, the API and the cooperative dashboard all parse through
 * these schemas, so a timeline out of order or a certificate that ends
 * before it starts is refused with the same field messages everywhere.
 *
 * The static schemas (batchInputObject, provenanceStepInput,
 * certificateInputSchema) are what the API documents; batchInputSchema(now)
 * adds the rules that depend on when the data arrives ("not in the future").
 */
import { z } from 'zod';
import { CERTIFICATE_NUMBER_EXAMPLES, isCertificateNumberOfKind } from '../products/certificate-number';
import { vietnamToday } from '../products/validity';
import { CERTIFICATION_KINDS } from '../products/vocabulary';
import { parseGtin } from './gtin';
import { LOT_CODE_PATTERN } from './lot-code';
import { isCalendarDate } from '../time/vietnam';
import { PROVENANCE_ACTOR_KINDS, PROVENANCE_STEP_KINDS } from './vocabulary';
import { optionalText } from '../validation';

/**
 * Clocks of phones in the field run a little fast or slow; a step stamped a
 * few minutes ahead of the server is a clock, not a forecast.
 */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
export const MAX_STEPS = 30;

const issue = (code: string, params: Record<string, string | number> = {}) => ({
  code: 'custom' as const,
  params: { code, ...params },
});

const calendarDate = z.string().refine(isCalendarDate, { params: { code: 'calendar_date' }, abort: true });
const httpUrl = z.url({ protocol: /^https?$/ }).max(500);

/** A GTIN-8/12/13/14 as typed, stored as 14 digits; a wrong length or check digit is named. */
export const gtinField = z.string().transform((value, ctx) => {
  const parsed = parseGtin(value);
  if (parsed.ok) return parsed.gtin14;
  ctx.addIssue(issue(`gtin_${parsed.problem}`));
  return z.NEVER;
});

export const lotCodeField = z
  .string()
  .trim()
  .refine((value) => LOT_CODE_PATTERN.test(value), { params: { code: 'lot_code' } });

/**
 * A provenance step as it is written, with the rules that hold whenever it
 * arrives; stepSchema(now) adds "not in the future". The metadata is what the
 * API's OpenAPI document says (zod's `.meta()`, read by the generator).
 */
export const provenanceStepInput = z
  .strictObject({
    kind: z.enum(PROVENANCE_STEP_KINDS),
    occurredAt: z.iso
      .datetime({ offset: true })
      .transform((value) => new Date(value))
      .meta({
        example: '2026-06-10T07:00:00+07:00',
        description: `With its UTC offset; no later than now (${FUTURE_TOLERANCE_MS / 60_000} minutes of clock drift allowed).`,
      }),
    provinceCode: z
      .string()
      .regex(/^\d{2}$/)
      .nullish()
      .transform((value) => value ?? null)
      .meta({ description: 'GSO code of one of the 34 provinces.', example: '24' }),
    place: z.string().trim().min(2).max(300),
    latitude: z
      .number()
      .min(-90)
      .max(90)
      .nullish()
      .transform((value) => value ?? null),
    longitude: z
      .number()
      .min(-180)
      .max(180)
      .nullish()
      .transform((value) => value ?? null)
      .meta({ description: 'Given together with latitude, or neither.' }),
    actorName: z.string().trim().min(2).max(200),
    actorKind: z.enum(PROVENANCE_ACTOR_KINDS),
    evidenceNumber: optionalText(100),
    evidenceUrl: httpUrl.nullish().transform((value) => value ?? null),
    noteVi: optionalText(1000),
    noteEn: optionalText(1000),
  })
  .superRefine((step, ctx) => {
    if ((step.latitude === null) !== (step.longitude === null)) {
      ctx.addIssue({ ...issue('coordinates_pair'), path: [step.latitude === null ? 'latitude' : 'longitude'] });
    }
  })
  .meta({ id: 'ProvenanceStepInput' });

function stepSchema(now: Date) {
  return provenanceStepInput.superRefine((step, ctx) => {
    // zod runs refinements even when a field failed: a malformed occurredAt is still the string typed.
    if (step.occurredAt instanceof Date && step.occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      ctx.addIssue({ ...issue('in_future'), path: ['occurredAt'] });
    }
  });
}

export type ProvenanceStepInput = z.output<typeof provenanceStepInput>;

/** Each step no earlier than the one before it. */
function inOrder(steps: readonly { occurredAt: unknown }[], ctx: z.RefinementCtx) {
  for (let i = 1; i < steps.length; i++) {
    const previous = steps[i - 1];
    const step = steps[i];
    if (
      previous?.occurredAt instanceof Date &&
      step?.occurredAt instanceof Date &&
      step.occurredAt < previous.occurredAt
    ) {
      // Positions as people count them: "step 3 is before step 2".
      ctx.addIssue({ ...issue('out_of_order', { step: i + 1, previous: i }), path: [i, 'occurredAt'] });
    }
  }
}

/** Steps in the order given, each no earlier than the one before it, none in the future. */
export function timelineSchema(now: Date) {
  return z.array(stepSchema(now)).max(MAX_STEPS).superRefine(inOrder);
}

/** A batch as it is written; batchInputSchema(now) adds the rules that depend on the day it arrives. */
export const batchInputObject = z
  .strictObject({
    lotCode: lotCodeField.meta({
      example: 'LN2026-06A',
      description: 'GS1 AI (10): 1-20 characters of the GS1 encodable set; unique per product.',
    }),
    productionDate: calendarDate.meta({ format: 'date', description: 'Not after today in Viet Nam.' }),
    bestBefore: calendarDate
      .nullish()
      .transform((value) => value ?? null)
      .meta({ format: 'date', description: 'Not before productionDate.' }),
    quantity: z.number().positive().max(1_000_000_000).meta({ example: 500 }),
    quantityUnit: z.string().trim().min(1).max(30).meta({ example: 'kg' }),
    steps: z
      .array(provenanceStepInput)
      .max(MAX_STEPS)
      .superRefine(inOrder)
      .meta({
        description: `The timeline in order, at most ${MAX_STEPS} steps, each no earlier than the one before and none in the future. A PUT replaces the whole timeline: that is how steps are reordered or removed.`,
      }),
  })
  .meta({ id: 'BatchInput' });

export function batchInputSchema(now: Date) {
  const today = vietnamToday(now);
  return batchInputObject.extend({ steps: timelineSchema(now) }).superRefine((batch, ctx) => {
    if (batch.productionDate > today) ctx.addIssue({ ...issue('date_in_future'), path: ['productionDate'] });
    if (batch.bestBefore !== null && batch.bestBefore < batch.productionDate) {
      ctx.addIssue({ ...issue('best_before_before_production'), path: ['bestBefore'] });
    }
  });
}

export type BatchInput = z.output<ReturnType<typeof batchInputSchema>>;

export const certificateInputSchema = z
  .strictObject({
    kind: z.enum(CERTIFICATION_KINDS),
    number: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .meta({
        description:
          'As on the certificate, in the shape of its kind (src/server/products/certificate-number.ts): a GGN of 13 ' +
          'digits, a geographical indication of up to 6, a collective trademark as 4-0123456-000; others without markup.',
        example: 'VietGAP-TT-15-01-26-0001',
      }),
    issuer: z.string().trim().min(2).max(200),
    validFrom: calendarDate.meta({ format: 'date' }),
    /** Last valid day, inclusive; null for certificates without an end (a geographic indication). */
    validUntil: calendarDate
      .nullish()
      .transform((value) => value ?? null)
      .meta({
        format: 'date',
        description: 'Last valid day, inclusive, no earlier than validFrom; null when it has no end.',
      }),
    evidenceUrl: httpUrl.nullish().transform((value) => value ?? null),
    evidencePublic: z.boolean().default(false).meta({
      description:
        'Whether anyone may download the evidence file once an officer verified the certificate; otherwise only the cooperative and the officers.',
    }),
  })
  .superRefine((certificate, ctx) => {
    if (!isCertificateNumberOfKind(certificate.kind, certificate.number)) {
      const example = CERTIFICATE_NUMBER_EXAMPLES[certificate.kind];
      ctx.addIssue({ ...issue('certificate_number', { example }), path: ['number'] });
    }
    if (certificate.validUntil !== null && certificate.validUntil < certificate.validFrom) {
      ctx.addIssue({ ...issue('until_before_from'), path: ['validUntil'] });
    }
  })
  .meta({ id: 'CertificateInput' });

export type CertificateInput = z.output<typeof certificateInputSchema>;
