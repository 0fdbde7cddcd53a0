/**
 * Trade officers' verbs on events: create (one event or a recurring series),
 * edit, publish, cancel with a reason, duplicate, delete a draft; and the
 * reads their pages and the API need (drafts included).
 *
 * draft ─publish→ published ─cancel(reason)→ cancelled
 *   └─delete→ (gone: nobody outside the department saw it)
 * Drafts are never public. A published event stays editable, and every change
 * to it (an edit, its cancellation) bumps `revision`, the iCalendar SEQUENCE,
 * so subscribed calendars take the new version. A cancelled event stays public
 * with its reason and is not edited again.
 *
 * Every change is written with its audit entry in one db.batch. Changes to an
 * existing event are conditional on what the officer saw (its status and last
 * update, and for capacity the booths already taken): the audit entry is
 * inserted only if that still holds, and the change applies only where the
 * entry exists (see auditInsertSelect), so a change that lost a race to
 * another officer or to a cooperative's registration writes nothing at all.
 */
import { requireOfficer } from '../accounts/guards';
import { and, asc, desc, eq, inArray, like, lte, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { SessionUser } from '../accounts/users';
import { auditEntryExists, auditEntryWritten, auditInsert, auditInsertSelect, auditTrail, type AuditRecord } from '../audit/audit-log';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { eventRegistrations, events, provinces } from '../db/schema';
import { firstFreeSlug, SLUG_BASE_MAX_BYTES, slugBase } from '../search/slug';
import { ConflictError, type FieldIssues, NotFoundError, ValidationError } from '../errors';
import { countCapped } from '../search/list-query';
import { fieldIssuesFromZod, parseInput } from '../validation';
import { type EventFields, type EventInput, eventInputFromFields, validateEventInput } from './event-input';
import { expandRecurrence, MAX_OCCURRENCES, type RecurrenceRule, recurrenceRuleSchema } from './recurrence';
import { EVENT_STATUSES, type EventStatus, type RegistrationStatus } from './vocabulary';

export const EVENT_ENTITY = 'event';
export const CANCEL_REASON_MAX = 500;
export const MANAGED_PAGE_SIZE = 50;

/** Paths of the officers' pages that an event slug must not shadow (…/su-kien-quan-ly/moi, …/manage-events/new, the API's series). */
const RESERVED_SLUGS: ReadonlySet<string> = new Set(['moi', 'new', 'series']);

/** An event as the officers see it: every status, its stored fields and its bookkeeping. */
export interface ManagedEvent {
  id: string;
  slug: string;
  status: EventStatus;
  cancelReason: string | null;
  revision: number;
  seriesId: string | null;
  publishedAt: Date | null;
  boothsTaken: number;
  createdAt: Date;
  updatedAt: Date;
  fields: EventFields;
}

type EventRow = typeof events.$inferSelect;

function managed(row: EventRow): ManagedEvent {
  const { id, slug, status, cancelReason, revision, seriesId, publishedAt, boothsTaken, createdAt, updatedAt } = row;
  const fields: EventFields = {
    kind: row.kind,
    titleVi: row.titleVi,
    titleEn: row.titleEn,
    descriptionVi: row.descriptionVi,
    descriptionEn: row.descriptionEn,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    allDay: row.allDay,
    venue: row.venue,
    address: row.address,
    provinceCode: row.provinceCode,
    onlineUrl: row.onlineUrl,
    organiser: row.organiser,
    registrationOpensAt: row.registrationOpensAt,
    registrationClosesAt: row.registrationClosesAt,
    boothCapacity: row.boothCapacity,
  };
  return { id, slug, status, cancelReason, revision, seriesId, publishedAt, boothsTaken, createdAt, updatedAt, fields };
}

/** The event's fields as the form and the API take them back (to edit or copy). */
export function managedEventInput(event: ManagedEvent): EventInput {
  return eventInputFromFields(event.fields);
}

async function provinceCodes(db: Database): Promise<ReadonlySet<string>> {
  return new Set((await db.select({ code: provinces.code }).from(provinces)).map((row) => row.code));
}

/** Any event by slug, for a trade officer (or admin); NotFoundError for an unknown slug. */
export async function findManagedEvent(db: Database, user: SessionUser | null | undefined, slug: string): Promise<ManagedEvent> {
  requireOfficer(user);
  const [row] = await db.select().from(events).where(eq(events.slug, slug)).limit(1);
  if (!row) throw new NotFoundError('event');
  return managed(row);
}

/** The events of a series, in date order. */
export async function listSeriesEvents(db: Database, seriesId: string): Promise<ManagedEvent[]> {
  const rows = await db.select().from(events).where(eq(events.seriesId, seriesId)).orderBy(asc(events.startsAt), asc(events.id)).limit(MAX_OCCURRENCES * 4);
  return rows.map(managed);
}

/** What was done to the event, newest first. */
export function eventHistory(db: Database, eventId: string): Promise<AuditRecord[]> {
  return auditTrail(db, EVENT_ENTITY, eventId, 50);
}

export interface ManagedEventRow extends Omit<ManagedEvent, 'fields'> {
  kind: EventFields['kind'];
  titleVi: string;
  titleEn: string;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  boothCapacity: number | null;
  /** Whether the event takes booth registrations (a capacity or a window). */
  takesRegistrations: boolean;
  registrations: Record<RegistrationStatus, number>;
}

export const managedListSchema = z.object({
  status: z.enum(EVENT_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});
export type ManagedListQuery = z.input<typeof managedListSchema>;

/** Every event, drafts too, latest start first, with its registration counts. */
export async function listManagedEvents(db: Database, user: SessionUser | null | undefined, query: ManagedListQuery = {}) {
  requireOfficer(user);
  const { status, page } = parseInput(managedListSchema, query);
  const where = status ? eq(events.status, status) : undefined;
  const [rows, count] = await Promise.all([
    db
      .select()
      .from(events)
      .where(where)
      .orderBy(desc(events.startsAt), asc(events.id))
      .limit(MANAGED_PAGE_SIZE)
      .offset((page - 1) * MANAGED_PAGE_SIZE),
    countCapped(db, where ? sql`FROM ${events} WHERE ${where}` : sql`FROM ${events}`),
  ]);
  const counts =
    rows.length === 0
      ? []
      : await db
          .select({ eventId: eventRegistrations.eventId, status: eventRegistrations.status, count: sql<number>`count(*)` })
          .from(eventRegistrations)
          .where(
            inArray(
              eventRegistrations.eventId,
              rows.map((row) => row.id),
            ),
          )
          .groupBy(eventRegistrations.eventId, eventRegistrations.status);
  const items: ManagedEventRow[] = rows.map((row) => {
    const { fields, ...event } = managed(row);
    const registrations = { pending: 0, confirmed: 0, waitlisted: 0, declined: 0, withdrawn: 0 };
    for (const c of counts) if (c.eventId === row.id) registrations[c.status] = Number(c.count);
    return {
      ...event,
      kind: fields.kind,
      titleVi: fields.titleVi,
      titleEn: fields.titleEn,
      startsAt: fields.startsAt,
      endsAt: fields.endsAt,
      allDay: fields.allDay,
      boothCapacity: fields.boothCapacity,
      takesRegistrations: fields.boothCapacity !== null || fields.registrationOpensAt !== null,
      registrations,
    };
  });
  return { items, ...count, page, limit: MANAGED_PAGE_SIZE, status: status ?? null };
}

/** `base`, or the first of base-2, base-3… that no event has (nor an officers' page path). */
async function unusedSlugs(db: Database, bases: readonly string[]): Promise<string[]> {
  // A series' bases end in their dates and may pass the limit: cut to it, each LIKE pattern stays within D1's.
  const stems = [...new Set(bases.map((base) => base.slice(0, SLUG_BASE_MAX_BYTES)))];
  const rows = await db
    .select({ slug: events.slug })
    .from(events)
    .where(or(...stems.map((stem) => like(events.slug, `${stem}%`))));
  const taken = new Set([...RESERVED_SLUGS, ...rows.map((row) => row.slug)]);
  return bases.map((base) => {
    const slug = firstFreeSlug(base, taken);
    taken.add(slug);
    return slug;
  });
}

/** The (slug) UNIQUE index stopped an insert that raced another one for the same slug. */
function isSlugTaken(error: unknown): boolean {
  const text = String((error as { cause?: unknown })?.cause ?? '') + String(error);
  return /UNIQUE constraint failed: events\.slug/.test(text);
}

/** Runs a write that picks free slugs, once more if another write took one of them meanwhile. */
async function withFreshSlugs<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= 3 || !isSlugTaken(error)) throw error;
    }
  }
}

function parseFields(input: unknown, codes: ReadonlySet<string>): EventFields {
  const result = validateEventInput(input, codes);
  if (!result.ok) throw new ValidationError(result.issues);
  return result.fields;
}

export interface CreateOptions {
  /** Publish at once instead of keeping a draft. */
  publish?: boolean;
  now: Date;
}

function newEventRow(fields: EventFields, slug: string, options: CreateOptions, seriesId: string | null = null) {
  return {
    id: newId(),
    slug,
    ...fields,
    status: (options.publish ? 'published' : 'draft') as EventStatus,
    revision: 0,
    seriesId,
    publishedAt: options.publish ? options.now : null,
    createdAt: options.now,
    updatedAt: options.now,
  };
}

async function readBySlugs(db: Database, slugs: string[]): Promise<ManagedEvent[]> {
  const rows = await db.select().from(events).where(inArray(events.slug, slugs)).orderBy(asc(events.startsAt), asc(events.id));
  return rows.map(managed);
}

/** A new event, a draft unless `publish`. */
export async function createEvent(db: Database, user: SessionUser | null | undefined, input: unknown, options: CreateOptions): Promise<ManagedEvent> {
  const officer = requireOfficer(user);
  const fields = parseFields(input, await provinceCodes(db));
  const slug = await withFreshSlugs(async () => {
    const [slug] = await unusedSlugs(db, [slugBase(fields.titleVi, 'su-kien')]);
    const row = newEventRow(fields, slug as string, options);
    await db.batch([
      db.insert(events).values(row),
      auditInsert(db, {
        actorUserId: officer.id,
        action: 'event.create',
        entityType: EVENT_ENTITY,
        entityId: row.id,
        detail: { slug: row.slug, status: row.status },
        at: options.now,
      }),
    ]);
    return row.slug;
  });
  const [created] = await readBySlugs(db, [slug]);
  if (!created) throw new Error('event vanished after its batch');
  return created;
}

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
export async function planEventSeries(db: Database, user: SessionUser | null | undefined, input: unknown): Promise<SeriesPlan> {
  requireOfficer(user);
  const { recurrence, ...eventPart } = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
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
  if (inputs.length > MAX_OCCURRENCES) throw new ValidationError({ [ending]: { code: 'too_many_occurrences', params: { max: MAX_OCCURRENCES } } });
  // The rules are the same for every date (the window moves with the event), so these pass; a bug would be caught here.
  const occurrences = inputs.map((occurrence) => parseFields(occurrence, codes));
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
  const slugs = await withFreshSlugs(async () => {
    const slugs = await unusedSlugs(
      db,
      plan.occurrences.map((fields) => `${slugBase(fields.titleVi, 'su-kien')}-${eventInputFromFields(fields).startDate}`),
    );
    const rows = plan.occurrences.map((fields, i) => newEventRow(fields, slugs[i] as string, options, seriesId));
    const statements = rows.flatMap((row) => [
      db.insert(events).values(row),
      auditInsert(db, {
        actorUserId: officer.id,
        action: 'event.create',
        entityType: EVENT_ENTITY,
        entityId: row.id,
        detail: { slug: row.slug, status: row.status, seriesId, rule: plan.rule },
        at: options.now,
      }),
    ]);
    await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
    return slugs;
  });
  return { seriesId, events: await readBySlugs(db, slugs) };
}

interface EventChange {
  actor: SessionUser;
  event: ManagedEvent;
  /** Statuses the change is allowed from; it happens only if the event still has the status it was read with. */
  from: readonly EventStatus[];
  action: string;
  detail: Record<string, unknown>;
  set: Partial<typeof events.$inferInsert>;
  /** Raise the SEQUENCE (any change to what the public sees). */
  bumpRevision: boolean;
  /** Only while the booths already taken fit this capacity. */
  capacity?: number | null;
  /** Only if nobody changed the event since this instant (what the officer edited is what gets saved). */
  unchangedSince?: Date;
  now: Date;
}

/** Refuses a verb the event's status does not allow (409, saying the status). */
function requireEventStatus(event: ManagedEvent, from: readonly EventStatus[]): void {
  if (!from.includes(event.status)) throw new ConflictError(`event is ${event.status}`, { status: { code: `event_${event.status}` } });
}

/**
 * Why a conditional write to `event` wrote nothing: the event is gone (404),
 * its status moved on, the booths taken no longer fit `capacity` (422), or
 * someone edited it meanwhile (409).
 */
async function refuseUnwrittenChange(db: Database, event: ManagedEvent, capacity?: number | null): Promise<never> {
  const [now] = await db.select().from(events).where(eq(events.id, event.id)).limit(1);
  if (!now) throw new NotFoundError('event');
  if (now.status !== event.status) throw new ConflictError('status changed meanwhile', { status: { code: 'event_changed' } });
  if (typeof capacity === 'number' && now.boothsTaken > capacity) {
    throw new ValidationError({ boothCapacity: { code: 'below_booths_taken', params: { taken: now.boothsTaken } } });
  }
  throw new ConflictError('edited meanwhile', { status: { code: 'event_changed' } });
}

/** Applies a change to an existing event with its audit entry (see the module's comment); explains a change that did not happen. */
async function changeEvent(db: Database, change: EventChange): Promise<void> {
  const { event } = change;
  requireEventStatus(event, change.from);
  const auditId = newId();
  const conditions: (SQL | undefined)[] = [
    eq(events.id, event.id),
    eq(events.status, event.status),
    change.unchangedSince ? eq(events.updatedAt, change.unchangedSince) : undefined,
    typeof change.capacity === 'number' ? lte(events.boothsTaken, change.capacity) : undefined,
  ];
  const entry = {
    id: auditId,
    actorUserId: change.actor.id,
    action: change.action,
    entityType: EVENT_ENTITY,
    at: change.now,
  };
  const detail = JSON.stringify({ slug: event.slug, from: event.status, ...change.detail });
  await db.batch([
    auditInsertSelect(db, entry, { entityId: sql`${events.id}`, detail: sql`${detail}` }, events, and(...conditions)),
    db
      .update(events)
      .set({
        ...change.set,
        revision: change.bumpRevision ? sql`${events.revision} + 1` : sql`${events.revision}`,
        updatedAt: change.now,
      })
      .where(and(eq(events.id, event.id), auditEntryExists(auditId))),
  ]);
  if (await auditEntryWritten(db, auditId)) return;
  await refuseUnwrittenChange(db, event, change.capacity);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

export interface UpdateOptions {
  now: Date;
  /** The event's updatedAt when the officer opened it; a later change by someone else is then a conflict. */
  unchangedSince?: Date;
}

/**
 * Saves an officer's edit of a draft or published event. A published event's
 * revision goes up (calendars replace their copy); a draft's need not. The
 * capacity cannot go below the booths that registrations already hold.
 */
export async function updateEvent(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
  input: unknown,
  options: UpdateOptions,
): Promise<ManagedEvent> {
  const officer = requireOfficer(user);
  const event = await findManagedEvent(db, officer, slug);
  if (event.status === 'cancelled') throw new ConflictError('event is cancelled', { status: { code: 'event_cancelled' } });
  const fields = parseFields(input, await provinceCodes(db));
  if (fields.boothCapacity !== null && fields.boothCapacity < event.boothsTaken) {
    throw new ValidationError({ boothCapacity: { code: 'below_booths_taken', params: { taken: event.boothsTaken } } });
  }
  const changed = (Object.keys(fields) as (keyof EventFields)[]).filter((key) => !sameValue(fields[key], event.fields[key]));
  if (changed.length === 0) return event;
  await changeEvent(db, {
    actor: officer,
    event,
    from: ['draft', 'published'],
    action: 'event.update',
    detail: { changed },
    set: fields,
    bumpRevision: event.status === 'published',
    capacity: fields.boothCapacity,
    unchangedSince: options.unchangedSince,
    now: options.now,
  });
  return findManagedEvent(db, officer, slug);
}

/** A draft goes public: the calendar, feeds, sitemap and its page. */
export async function publishEvent(db: Database, user: SessionUser | null | undefined, slug: string, now: Date): Promise<ManagedEvent> {
  const officer = requireOfficer(user);
  const event = await findManagedEvent(db, officer, slug);
  await changeEvent(db, {
    actor: officer,
    event,
    from: ['draft'],
    action: 'event.publish',
    detail: {},
    set: { status: 'published', publishedAt: now },
    bumpRevision: false,
    now,
  });
  return findManagedEvent(db, officer, slug);
}

export const cancelInputSchema = z.strictObject({ reason: z.string().trim().min(5).max(CANCEL_REASON_MAX) });

/**
 * Calls off a published event. It stays public, marked, with the reason;
 * calendars get STATUS:CANCELLED with a higher SEQUENCE. (A draft is not
 * cancelled: nobody saw it.)
 */
export async function cancelEvent(db: Database, user: SessionUser | null | undefined, slug: string, input: unknown, now: Date): Promise<ManagedEvent> {
  const officer = requireOfficer(user);
  const event = await findManagedEvent(db, officer, slug);
  const { reason } = parseInput(cancelInputSchema, input);
  await changeEvent(db, {
    actor: officer,
    event,
    from: ['published'],
    action: 'event.cancel',
    detail: { reason },
    set: { status: 'cancelled', cancelReason: reason },
    bumpRevision: true,
    now,
  });
  return findManagedEvent(db, officer, slug);
}

/**
 * Deletes a draft (a copy made by mistake, an event that will not happen
 * after all). Only drafts: a published or cancelled event has been seen and
 * subscribed to, so it is cancelled instead and stays public. The audit entry
 * (with the title, for the record) and the deletion are one batch, and the
 * deletion applies only if the event is still a draft when it runs.
 */
export async function deleteDraftEvent(db: Database, user: SessionUser | null | undefined, slug: string, now: Date): Promise<void> {
  const officer = requireOfficer(user);
  const event = await findManagedEvent(db, officer, slug);
  requireEventStatus(event, ['draft']);
  const auditId = newId();
  const detail = JSON.stringify({ slug: event.slug, title: event.fields.titleVi });
  await db.batch([
    auditInsertSelect(
      db,
      { id: auditId, actorUserId: officer.id, action: 'event.delete', entityType: EVENT_ENTITY, at: now },
      { entityId: sql`${events.id}`, detail: sql`${detail}` },
      events,
      and(eq(events.id, event.id), eq(events.status, 'draft')),
    ),
    db.delete(events).where(and(eq(events.id, event.id), auditEntryExists(auditId))),
  ]);
  if (await auditEntryWritten(db, auditId)) return;
  // Published by another officer between the read and the batch (or deleted by one).
  await refuseUnwrittenChange(db, event);
}

/** A new draft with the event's fields (say, next year's fair): no registrations, status or series of its own. */
export async function duplicateEvent(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
  copySuffix: string,
  now: Date,
): Promise<ManagedEvent> {
  const officer = requireOfficer(user);
  const source = await findManagedEvent(db, officer, slug);
  const fields: EventFields = { ...source.fields, titleVi: `${source.fields.titleVi} ${copySuffix}`.slice(0, 200) };
  const copySlug = await withFreshSlugs(async () => {
    const [copySlug] = await unusedSlugs(db, [slugBase(fields.titleVi, 'su-kien')]);
    const row = newEventRow(fields, copySlug as string, { now });
    await db.batch([
      db.insert(events).values(row),
      auditInsert(db, {
        actorUserId: officer.id,
        action: 'event.duplicate',
        entityType: EVENT_ENTITY,
        entityId: row.id,
        detail: { slug: row.slug, from: source.slug },
        at: now,
      }),
    ]);
    return row.slug;
  });
  const [copy] = await readBySlugs(db, [copySlug]);
  if (!copy) throw new Error('event vanished after its batch');
  return copy;
}
