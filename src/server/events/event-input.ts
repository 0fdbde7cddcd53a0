/**
 * What a trade officer types to announce an event, and the rules it must
 * keep. Dates and times arrive as a form sends them — calendar dates and
 * wall-clock times in Viet Nam — and leave as the instants stored in `events`.
 *
 * Every rule reports on the field a person would correct, with a message key
 * under `validation.` in the dictionaries (see fieldIssuesFromZod). The same
 * schema checks the demo seed's events, the events a recurrence rule expands
 * to, and (with the accounts work) the officers' forms and API.
 */
import { z } from 'zod';
import { type FieldIssues, ValidationError } from '../errors';
import {
  addDaysToDate,
  isCalendarDate,
  isClockTime,
  vietnamDate,
  vietnamDateTime,
  vietnamMidnight,
  vietnamTime,
} from '../time/vietnam';
import type { events } from '../db/schema';
import { fieldIssuesFromZod } from '../validation';
import { eventDays } from './event-days';
import { EVENT_KINDS, type EventKind } from './vocabulary';

export const MAX_BOOTHS = 10_000;
const MAX_TITLE = 200;
const MAX_DESCRIPTION = 10_000;

/** Form fields left empty arrive as ""; they mean "not given". */
function absentIfBlank<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema.optional(),
  );
}

/** A malformed date or time is reported as such, not as a generic "invalid". */
const malformed = { params: { code: 'invalid_format' } };
const calendarDate = z.string().refine(isCalendarDate, malformed);
const clockTime = z.string().refine(isClockTime, malformed);
/** An <input type="datetime-local"> value, read in Viet Nam: 2026-12-01T08:00. */
const localDateTime = z.string().refine((value) => {
  const [date, time] = value.split('T');
  return date !== undefined && time !== undefined && isCalendarDate(date) && isClockTime(time);
}, malformed);
/** A checkbox sends "on" when ticked and nothing otherwise; JSON sends a boolean. */
const checkbox = z.preprocess(
  (value) =>
    value === 'on' || value === 'true' || value === '1'
      ? true
      : value === 'false' || value === '0' || value === undefined
        ? false
        : value,
  z.boolean(),
);

/** What the API's document says of a field (zod's own metadata, which the OpenAPI generator reads). */
const localDateTimeDoc = { example: '2026-12-01T08:00', description: 'Wall-clock time in Viet Nam, YYYY-MM-DDTHH:mm.' };
const clockDoc = (description: string) => ({ example: '08:00', description: `HH:mm in Viet Nam. ${description}` });

export const eventInputShape = {
  kind: z.enum(EVENT_KINDS),
  titleVi: z.string().trim().min(3).max(MAX_TITLE).meta({ example: 'Phiên chợ OCOP tháng 12' }),
  titleEn: absentIfBlank(z.string().trim().max(MAX_TITLE)),
  descriptionVi: absentIfBlank(z.string().trim().max(MAX_DESCRIPTION)),
  descriptionEn: absentIfBlank(z.string().trim().max(MAX_DESCRIPTION)),
  allDay: checkbox
    .default(false)
    .meta({ description: 'Whole days in Viet Nam; startTime and endTime are then not used.' }),
  /** First day. */
  startDate: calendarDate.meta({ format: 'date', description: 'First day (Viet Nam).' }),
  /** Last day, inclusive (the same as startDate for a one-day event). */
  endDate: calendarDate.meta({
    format: 'date',
    description: 'Last day, inclusive; the same as startDate for a one-day event.',
  }),
  /** Required unless allDay. */
  startTime: absentIfBlank(clockTime).meta(clockDoc('Required unless allDay.')),
  endTime: absentIfBlank(clockTime).meta(clockDoc('Required unless allDay; after the start.')),
  venue: absentIfBlank(z.string().trim().max(MAX_TITLE)).meta({
    description:
      'Venue of an event in person; then address and provinceCode are required. A venue or onlineUrl (or both) is needed.',
  }),
  address: absentIfBlank(z.string().trim().max(300)),
  /** GSO code of the province the venue is in. */
  provinceCode: absentIfBlank(z.string().trim().max(8)).meta({
    description: 'GSO code of one of the 34 provinces.',
    example: '01',
  }),
  onlineUrl: absentIfBlank(z.url({ protocol: /^https?$/ }).max(500)),
  organiser: z.string().trim().min(2).max(MAX_TITLE),
  registrationOpens: absentIfBlank(localDateTime).meta(localDateTimeDoc),
  registrationCloses: absentIfBlank(localDateTime).meta({
    ...localDateTimeDoc,
    description: `${localDateTimeDoc.description} After registrationOpens and no later than the start.`,
  }),
  boothCapacity: absentIfBlank(z.coerce.number().int().min(1).max(MAX_BOOTHS)).meta({
    type: 'integer',
    minimum: 1,
    maximum: MAX_BOOTHS,
    description: 'Booths for cooperatives; never below the booths registrations already hold.',
  }),
};

/** The fields as one object, without the rules that need reference data (eventInputSchema adds them). */
export const eventInputObject = z.strictObject(eventInputShape).meta({ id: 'EventInput' });

/** The input as our own code writes it (forms send the same fields as strings). */
export interface EventInput {
  kind: EventKind;
  titleVi: string;
  titleEn?: string;
  descriptionVi?: string;
  descriptionEn?: string;
  allDay: boolean;
  startDate: string;
  endDate: string;
  startTime?: string;
  endTime?: string;
  venue?: string;
  address?: string;
  provinceCode?: string;
  onlineUrl?: string;
  organiser: string;
  /** YYYY-MM-DDTHH:mm in Viet Nam. */
  registrationOpens?: string;
  registrationCloses?: string;
  boothCapacity?: number;
}
type ParsedInput = z.output<z.ZodObject<typeof eventInputShape>>;

/** An event's own columns, as stored (ids, slug, status and bookkeeping are the caller's). */
export type EventFields = Pick<
  typeof events.$inferSelect,
  | 'kind'
  | 'titleVi'
  | 'titleEn'
  | 'descriptionVi'
  | 'descriptionEn'
  | 'startsAt'
  | 'endsAt'
  | 'allDay'
  | 'venue'
  | 'address'
  | 'provinceCode'
  | 'onlineUrl'
  | 'organiser'
  | 'registrationOpensAt'
  | 'registrationClosesAt'
  | 'boothCapacity'
>;

function localInstant(value: string): Date {
  const [date, time] = value.split('T') as [string, string];
  return vietnamDateTime(date, time);
}

function isLocalDateTime(value: string | undefined): boolean {
  if (value === undefined) return true;
  const [date, time] = value.split('T');
  return date !== undefined && time !== undefined && isCalendarDate(date) && isClockTime(time);
}

/**
 * The rules across fields. zod runs them even when a field failed a check of
 * its own (so a person sees every problem at once), hence the guard: timing
 * rules only judge dates and times that are well-formed.
 */
function checkRules(input: ParsedInput, provinceCodes: ReadonlySet<string>, ctx: z.RefinementCtx): void {
  // A rule's message key travels in params.code (see fieldIssuesFromZod).
  const issue = (path: string, code: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message: code, params: { code } });

  if (typeof input.provinceCode === 'string' && !provinceCodes.has(input.provinceCode)) {
    issue('provinceCode', 'unknown_value');
  }
  if (input.venue === undefined && input.onlineUrl === undefined) issue('venue', 'venue_or_online');
  if (input.venue !== undefined) {
    if (input.address === undefined) issue('address', 'required');
    if (input.provinceCode === undefined) issue('provinceCode', 'required');
  }

  const wellFormed =
    isCalendarDate(input.startDate) &&
    isCalendarDate(input.endDate) &&
    [input.startTime, input.endTime].every((time) => time === undefined || isClockTime(time)) &&
    isLocalDateTime(input.registrationOpens) &&
    isLocalDateTime(input.registrationCloses);
  if (!wellFormed) return;

  if (!input.allDay) {
    if (!input.startTime) issue('startTime', 'required');
    if (!input.endTime) issue('endTime', 'required');
  }
  if (input.endDate < input.startDate) {
    issue('endDate', 'ends_before_start');
  } else if (!input.allDay && input.startTime && input.endTime) {
    const startsAt = vietnamDateTime(input.startDate, input.startTime);
    if (vietnamDateTime(input.endDate, input.endTime) <= startsAt) issue('endTime', 'ends_before_start');
  }

  const startsAt =
    input.allDay || !input.startTime
      ? vietnamMidnight(input.startDate)
      : vietnamDateTime(input.startDate, input.startTime);
  const opens = input.registrationOpens ? localInstant(input.registrationOpens) : null;
  const closes = input.registrationCloses ? localInstant(input.registrationCloses) : null;
  if (closes && closes > startsAt) issue('registrationCloses', 'registration_after_start');
  else if (opens && closes && closes <= opens) issue('registrationCloses', 'closes_before_opens');
  if (opens && opens >= startsAt) issue('registrationOpens', 'registration_after_start');
}

function toFields(input: ParsedInput): EventFields {
  const startsAt = input.allDay
    ? vietnamMidnight(input.startDate)
    : vietnamDateTime(input.startDate, input.startTime as string);
  // All-day events end at the midnight after their last day (exclusive, as in iCalendar).
  const endsAt = input.allDay
    ? vietnamMidnight(addDaysToDate(input.endDate, 1))
    : vietnamDateTime(input.endDate, input.endTime as string);
  const inPerson = input.venue !== undefined;
  return {
    kind: input.kind,
    titleVi: input.titleVi,
    titleEn: input.titleEn ?? '',
    descriptionVi: input.descriptionVi ?? '',
    descriptionEn: input.descriptionEn ?? '',
    startsAt,
    endsAt,
    allDay: input.allDay,
    venue: input.venue ?? null,
    address: inPerson ? (input.address ?? null) : null,
    provinceCode: inPerson ? (input.provinceCode ?? null) : null,
    onlineUrl: input.onlineUrl ?? null,
    organiser: input.organiser,
    registrationOpensAt: input.registrationOpens ? localInstant(input.registrationOpens) : null,
    registrationClosesAt: input.registrationCloses ? localInstant(input.registrationCloses) : null,
    boothCapacity: input.boothCapacity ?? null,
  };
}

/** The schema, given the GSO codes of the provinces that exist (reference data, so the caller's to load). */
export function eventInputSchema(provinceCodes: ReadonlySet<string>) {
  return eventInputObject.superRefine((input, ctx) => checkRules(input, provinceCodes, ctx)).transform(toFields);
}

export type EventValidation = { ok: true; fields: EventFields } | { ok: false; issues: FieldIssues };

export function validateEventInput(input: unknown, provinceCodes: ReadonlySet<string>): EventValidation {
  const result = eventInputSchema(provinceCodes).safeParse(input);
  return result.success
    ? { ok: true, fields: result.data }
    : { ok: false, issues: fieldIssuesFromZod(result.error, input) };
}

/** The fields, or a ValidationError (422 for the API) naming every wrong field. */
export function parseEventInput(input: unknown, provinceCodes: ReadonlySet<string>): EventFields {
  const result = validateEventInput(input, provinceCodes);
  if (!result.ok) throw new ValidationError(result.issues);
  return result.fields;
}

function localDateTimeOf(instant: Date | null): string | undefined {
  return instant ? `${vietnamDate(instant)}T${vietnamTime(instant)}` : undefined;
}

/** An event back as the form would show it: to edit it, copy it, or check stored rows with the same rules. */
export function eventInputFromFields(fields: EventFields): EventInput {
  const days = eventDays(fields);
  return {
    kind: fields.kind,
    titleVi: fields.titleVi,
    titleEn: fields.titleEn || undefined,
    descriptionVi: fields.descriptionVi || undefined,
    descriptionEn: fields.descriptionEn || undefined,
    allDay: fields.allDay,
    startDate: days.first,
    endDate: fields.allDay ? days.last : vietnamDate(fields.endsAt),
    startTime: fields.allDay ? undefined : vietnamTime(fields.startsAt),
    endTime: fields.allDay ? undefined : vietnamTime(fields.endsAt),
    venue: fields.venue ?? undefined,
    address: fields.address ?? undefined,
    provinceCode: fields.provinceCode ?? undefined,
    onlineUrl: fields.onlineUrl ?? undefined,
    organiser: fields.organiser,
    registrationOpens: localDateTimeOf(fields.registrationOpensAt),
    registrationCloses: localDateTimeOf(fields.registrationClosesAt),
    boothCapacity: fields.boothCapacity ?? undefined,
  };
}
