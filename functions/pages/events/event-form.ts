/**
 * The officers' event form: posted strings to the inputs the domain parses
 * (src/server/events/event-input.ts, recurrence.ts), stored events back to
 * form values, and the domain's field names to the form's.
 */
import type { EventInput } from '../../../src/server/events/event-input';

export const EVENT_FIELDS = [
  'kind',
  'titleVi',
  'titleEn',
  'descriptionVi',
  'descriptionEn',
  'organiser',
  'allDay',
  'startDate',
  'endDate',
  'startTime',
  'endTime',
  'venue',
  'address',
  'provinceCode',
  'onlineUrl',
  'registrationOpens',
  'registrationCloses',
  'boothCapacity',
] as const satisfies readonly (keyof EventInput)[];

/** The repeat fields of the new-event form, by the recurrence rule's key they fill. */
export const REPEAT_FIELDS = {
  frequency: 'repeat',
  interval: 'repeatInterval',
  ordinal: 'repeatOrdinal',
  weekday: 'repeatWeekday',
  day: 'repeatDay',
  count: 'repeatCount',
  until: 'repeatUntil',
} as const;

/** Which rule keys each kind of repeat uses; the others on the form are ignored. */
const RULE_KEYS: Record<string, readonly (keyof typeof REPEAT_FIELDS)[]> = {
  weekly: ['interval'],
  monthly_weekday: ['ordinal', 'weekday'],
  monthly_day: ['day'],
};

/** Only the event's own fields are read: a crafted `status` or `revision` in the form goes nowhere. */
export function eventValuesFrom(form: Record<string, string>): Record<string, string> {
  const names = [...EVENT_FIELDS, ...Object.values(REPEAT_FIELDS)];
  return Object.fromEntries(names.map((name) => [name, form[name] ?? '']));
}

/** The event's fields as the domain's schema takes them (blank means not given; a ticked box sends "on"). */
export function eventInputFrom(values: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = Object.fromEntries(
    EVENT_FIELDS.map((name) => [name, (values[name] ?? '').trim()]),
  );
  input.allDay = values.allDay === 'on';
  return input;
}

/** The recurrence rule the form gives, or null for a single event. */
export function recurrenceFrom(values: Record<string, string>): Record<string, string> | null {
  const frequency = (values.repeat ?? '').trim();
  if (!frequency) return null;
  const rule: Record<string, string> = { frequency };
  for (const key of [...(RULE_KEYS[frequency] ?? []), 'count', 'until'] as const) {
    const value = (values[REPEAT_FIELDS[key]] ?? '').trim();
    if (value) rule[key] = value;
  }
  return rule;
}

/** A stored event's input as form values. */
export function eventValuesOf(input: EventInput): Record<string, string> {
  const values: Record<string, string> = Object.fromEntries(
    EVENT_FIELDS.map((name) => {
      const value = input[name];
      return [name, value === undefined || value === null ? '' : String(value)];
    }),
  );
  values.allDay = input.allDay ? 'on' : '';
  return values;
}

/** Error messages keyed by the domain's field names (recurrence.count), re-keyed by the form's (repeatCount). */
export function formErrors(errors: Record<string, string>): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    let name = field;
    if (field === 'recurrence') name = REPEAT_FIELDS.frequency;
    else if (field.startsWith('recurrence.'))
      name = REPEAT_FIELDS[field.slice('recurrence.'.length) as keyof typeof REPEAT_FIELDS] ?? REPEAT_FIELDS.frequency;
    mapped[name] ??= message;
  }
  return mapped;
}
