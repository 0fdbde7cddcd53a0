/**
 * Recurring events: a rule (weekly market days, a monthly training) made
 * into separate dated events that share a series id, so each can be edited,
 * cancelled or registered for on its own.
 */
import { asc, eq } from 'drizzle-orm';
import { requireOfficer } from '../../accounts/guards';
import type { SessionUser } from '../../accounts/users';
import type { Database } from '../../db/client';
import { newId } from '../../db/ids';
import { events } from '../../db/schema';
import { type FieldIssues, ValidationError } from '../../errors';
import { fieldIssuesFromZod } from '../../validation';
import { type EventFields, eventInputFromFields, parseEventInput, validateEventInput } from '../event-input';
import { expandRecurrence, MAX_OCCURRENCES, type RecurrenceRule, recurrenceRuleSchema } from '../recurrence';
import { type CreateOptions, insertEvents, type NewEvent } from './create-event';
import { eventSlugBase } from './event-slugs';
import { type ManagedEvent, managedEvent, provinceCodes } from './managed-event';

export interface SeriesPlan {
  rule: RecurrenceRule;
  /** One event's fields per occurrence, in date order. */
  occurrences: EventFields[];
}

function prefixed(issues: FieldIssues, prefix: string): FieldIssues {
  return Object.fromEntries(Object.entries(issues).map(([field, issue]) => [`${prefix}.${field}`, issue]));
}

/**
 * The dated events a rule makes of the first event's fields: the body is the
 * event's fields with a `recurrence` object. Every problem (in the event or
 * in the rule) is reported at once; a rule that gives no date, or more than
 * MAX_OCCURRENCES, is refused on the field that ends it.
 */
export async function planEventSeries(
  db: Database,
  user: SessionUser | null | undefined,
  input: unknown,
): Promise<SeriesPlan> {
  requireOfficer(user);
  const { recurrence, ...eventPart } = (typeof input === 'object' && input !== null ? input : {}) as Record<
    string,
    unknown
  >;
  const codes = await provinceCodes(db);
  const event = validateEventInput(eventPart, codes);
  const rule = recurrenceRuleSchema.safeParse(recurrence ?? {});
  const issues: FieldIssues = {
    ...(event.ok ? {} : event.issues),
    ...(rule.success ? {} : prefixed(fieldIssuesFromZod(rule.error, recurrence ?? {}), 'recurrence')),
  };
  if (recurrence === undefined) issues.recurrence = { code: 'required' };
  if (!event.ok || !rule.success || Object.keys(issues).length > 0) throw new ValidationError(issues);

  const inputs = expandRecurrence(eventInputFromFields(event.fields), rule.data);
  const ending = rule.data.until !== undefined ? 'recurrence.until' : 'recurrence.count';
  if (inputs.length === 0) throw new ValidationError({ [ending]: { code: 'no_occurrences' } });
  if (inputs.length > MAX_OCCURRENCES)
    throw new ValidationError({ [ending]: { code: 'too_many_occurrences', params: { max: MAX_OCCURRENCES } } });
  // The rules are the same for every date (the window moves with the event), so these pass; a bug would be caught here.
  const occurrences = inputs.map((occurrence) => parseEventInput(occurrence, codes));
  return { rule: rule.data, occurrences };
}

/**
 * A recurring series as separate dated events sharing a series id, all in
 * one batch (all of them or none), each with its audit entry.
 */
export async function createEventSeries(
  db: Database,
  user: SessionUser | null | undefined,
  input: unknown,
  options: CreateOptions,
): Promise<{ seriesId: string; events: ManagedEvent[] }> {
  const officer = requireOfficer(user);
  const plan = await planEventSeries(db, officer, input);
  const seriesId = newId();
  // planEventSeries refuses a rule that gives no date, so there is at least one.
  const planned = plan.occurrences.map((fields): NewEvent => ({
    fields,
    slugBase: `${eventSlugBase(fields.titleVi)}-${eventInputFromFields(fields).startDate}`,
  })) as [NewEvent, ...NewEvent[]];
  const created = await insertEvents(db, planned, {
    ...options,
    actor: officer,
    action: 'event.create',
    seriesId,
    detail: (row) => ({ status: row.status, seriesId, rule: plan.rule }),
  });
  return { seriesId, events: created };
}

/** The events of a series, in date order. */
export async function listSeriesEvents(db: Database, seriesId: string): Promise<ManagedEvent[]> {
  const rows = await db
    .select()
    .from(events)
    .where(eq(events.seriesId, seriesId))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(MAX_OCCURRENCES * 4);
  return rows.map(managedEvent);
}
