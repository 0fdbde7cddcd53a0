/**
 * Page controllers of the trade officers' event pages, shared by the
 * Vietnamese and English routes: the list (/tai-khoan/su-kien-quan-ly), a new
 * event or series (…/moi), an event's edit page with its actions (…/{slug}/sua)
 * and the preview of its public page (…/{slug}/xem-truoc). Forms work without
 * script: every action is a POST that ends in a redirect, or the page again
 * with the errors next to their fields and the values kept. The rules are in
 * src/server/events/event-admin/.
 */
import type { AstroGlobal } from 'astro';
import { dictionary, format, type Locale } from '../../../src/i18n';
import { managedEventPaths, routes } from '../../../src/i18n/routes';
import type { AuditRecord } from '../../../src/server/audit/audit-log';
import type { Database } from '../../../src/server/db/client';
import { EVENT_STATUSES, type EventStatus } from '../../../src/server/events/vocabulary';
import { createEvent, duplicateEvent } from '../../../src/server/events/event-admin/create-event';
import { updateEvent } from '../../../src/server/events/event-admin/edit-event';
import {
  createEventSeries,
  listSeriesEvents,
  planEventSeries,
} from '../../../src/server/events/event-admin/event-series';
import {
  eventHistory,
  findManagedEvent,
  type ManagedEvent,
  managedEventInput,
} from '../../../src/server/events/event-admin/managed-event';
import { listManagedEvents } from '../../../src/server/events/event-admin/managed-list';
import { cancelEvent, deleteDraftEvent, publishEvent } from '../../../src/server/events/event-admin/status-changes';
import { type EventDetail, getEventDetail } from '../../../src/server/events/event-detail';
import { requireOfficer } from '../../../src/server/accounts/guards';
import { ValidationError } from '../../../src/server/errors';
import { eventInputFrom, eventValuesFrom, eventValuesOf, formErrors, recurrenceFrom } from './event-form';
import { emptyView, type FormView, noStore, readForm, seeOther } from '../form-handling';
import { gated, runForm } from '../handle-page';
import { configuredOrigin } from '../../../src/server/seo/urls';
import { sendEventAfterResponse } from '../../after-response';
import { coverValuesOf, isUploadPost, postEventCover } from './event-cover-form';

type ManagedList = Awaited<ReturnType<typeof listManagedEvents>>;

export interface ManagedEventsView {
  list: ManagedList;
  notice: string | null;
}

function statusFilter(page: AstroGlobal): EventStatus | undefined {
  const status = page.url.searchParams.get('status');
  return (EVENT_STATUSES as readonly (string | null)[]).includes(status) ? (status as EventStatus) : undefined;
}

export async function handleManagedEvents(page: AstroGlobal, locale: Locale): Promise<ManagedEventsView | Response> {
  noStore(page);
  const pageNumber = Number(page.url.searchParams.get('page') ?? '1');
  const gate = await gated(page, locale, (db, user) =>
    listManagedEvents(db, user, {
      status: statusFilter(page),
      page: Number.isInteger(pageNumber) && pageNumber >= 1 && pageNumber <= 1000 ? pageNumber : 1,
    }),
  );
  if (gate instanceof Response) return gate;
  const deleted = page.url.searchParams.get('done') === 'deleted';
  return { list: gate.data, notice: deleted ? dictionary(locale).eventAdmin.form.deleted : null };
}

/** What the form pages render: the form's values and errors, plus what the page knows of the event. */
export interface EventFormView extends FormView {
  /** The event being edited, or null on the new-event page. */
  event: ManagedEvent | null;
  /** The dates of the series, when the officer asked to preview them. */
  previewDates: { startsAt: Date; endsAt: Date; allDay: boolean }[] | null;
  series: ManagedEvent[];
  history: AuditRecord[];
  /** The cancel form's own values and errors. */
  cancel: FormView;
  /** The delete form's (a draft's) own values and errors. */
  deletion: FormView;
  /** The cover form's own values and errors (event-cover-form.ts). */
  cover: FormView;
}

const blankParts = {
  event: null,
  previewDates: null,
  series: [],
  history: [],
  cancel: emptyView(),
  deletion: emptyView(),
  cover: emptyView(coverValuesOf(null)),
};

function withFormErrors(view: FormView): FormView {
  return { ...view, errors: formErrors(view.errors) };
}

export async function handleNewEvent(page: AstroGlobal, locale: Locale): Promise<EventFormView | Response> {
  noStore(page);
  const gate = await gated(page, locale, async (_db, user) => requireOfficer(user));
  if (gate instanceof Response) return gate;
  const officer = gate.user;
  if (page.request.method !== 'POST') return { ...emptyView({ allDay: '', repeat: '' }), ...blankParts };

  const form = await readForm(page.request);
  const values = eventValuesFrom(form);
  const intent = form.intent ?? 'create';
  const input = eventInputFrom(values);
  const recurrence = recurrenceFrom(values);
  const t = dictionary(locale).eventAdmin.form;

  if (intent === 'preview') {
    const outcome = await runForm(page, locale, values, (db) =>
      planEventSeries(db, officer, { ...input, recurrence: recurrence ?? undefined }),
    );
    if (outcome instanceof Response) return outcome;
    if (!outcome.ok) return { ...withFormErrors(outcome.view), ...blankParts };
    const previewDates = outcome.value.occurrences.map(({ startsAt, endsAt, allDay }) => ({
      startsAt,
      endsAt,
      allDay,
    }));
    return {
      ...emptyView(values),
      notice: format(t.previewLead, { count: previewDates.length }),
      ...blankParts,
      previewDates,
    };
  }

  const publish = intent === 'create-publish';
  const now = new Date();
  const outcome = await runForm(page, locale, values, async (db) => {
    if (!recurrence) return { slug: (await createEvent(db, officer, input, { publish, now })).slug, count: 1 };
    const series = await createEventSeries(db, officer, { ...input, recurrence }, { publish, now });
    return { slug: series.events[0]?.slug ?? '', count: series.events.length };
  });
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return { ...withFormErrors(outcome.view), ...blankParts };
  const done = outcome.value.count > 1 ? `series-${outcome.value.count}` : 'created';
  return seeOther(`${managedEventPaths(outcome.value.slug).edit[locale]}?done=${done}`);
}

function editNotice(page: AstroGlobal, locale: Locale): string | null {
  const t = dictionary(locale).eventAdmin.form;
  const done = page.url.searchParams.get('done') ?? '';
  const series = /^series-(\d+)$/.exec(done);
  if (series) return format(t.createdSeries, { count: series[1] ?? '' });
  const notices: Record<string, string> = {
    created: t.created,
    saved: t.saved,
    unchanged: t.unchanged,
    published: t.published,
    cancelled: t.cancelled,
    duplicated: t.duplicated,
    cover: t.coverSaved,
  };
  return notices[done] ?? null;
}

async function loadEditPage(db: Database, user: Parameters<typeof findManagedEvent>[1], slug: string) {
  const event = await findManagedEvent(db, user, slug);
  const [series, history] = await Promise.all([
    event.seriesId ? listSeriesEvents(db, event.seriesId) : [],
    eventHistory(db, event.id),
  ]);
  return { event, series, history };
}

export async function handleEditEvent(
  page: AstroGlobal,
  locale: Locale,
  slug: string,
): Promise<EventFormView | Response> {
  noStore(page);
  const gate = await gated(page, locale, (db, user) => loadEditPage(db, user, slug));
  if (gate instanceof Response) return gate;
  const officer = gate.user;
  let data = gate.data;
  const here = managedEventPaths(slug).edit[locale];
  const render = (
    form: FormView,
    parts: Partial<Pick<EventFormView, 'cancel' | 'deletion' | 'cover'>> = {},
  ): EventFormView => ({
    ...form,
    ...data,
    previewDates: null,
    cancel: parts.cancel ?? emptyView(),
    deletion: parts.deletion ?? emptyView(),
    cover: parts.cover ?? emptyView(coverValuesOf(data.event)),
  });
  const stored = () => eventValuesOf(managedEventInput(data.event));

  if (page.request.method !== 'POST') return render({ ...emptyView(stored()), notice: editNotice(page, locale) });

  if (isUploadPost(page.request)) {
    const cover = await postEventCover(page, locale, officer, slug);
    if (cover instanceof Response) return cover;
    return render({ ...emptyView(stored()), alert: cover.alert }, { cover });
  }
  const form = await readForm(page.request);
  const intent = form.intent ?? 'save';
  const now = new Date();
  const services = page.locals.services;
  const mailOrigin = configuredOrigin(services.env.PUBLIC_ORIGIN);
  /** After a refusal of an action, the page shows the event as it is now. */
  const reload = async () => {
    const again = await gated(page, locale, (db, user) => loadEditPage(db, user, slug));
    if (again instanceof Response) return again;
    data = again.data;
    return null;
  };

  if (intent === 'cancel') {
    const values = { reason: form.reason ?? '' };
    const outcome = await runForm(page, locale, values, async (db) => {
      const cancelled = await cancelEvent(db, officer, slug, values, now, mailOrigin);
      sendEventAfterResponse(page.locals.cfContext, services, db, cancelled.notificationEvent);
    });
    if (outcome instanceof Response) return outcome;
    if (outcome.ok) return seeOther(`${here}?done=cancelled`);
    const refused = await reload();
    if (refused) return refused;
    return render({ ...emptyView(stored()), alert: outcome.view.alert }, { cancel: outcome.view });
  }
  if (intent === 'delete') {
    const values = { confirm: form.confirm === 'on' ? 'on' : '' };
    const outcome = await runForm(page, locale, values, async (db) => {
      // The box is the page's own safeguard against a stray click; the API's DELETE is explicit enough.
      if (values.confirm !== 'on') throw new ValidationError({ confirm: { code: 'delete_confirm_required' } });
      await deleteDraftEvent(db, officer, slug, now);
    });
    if (outcome instanceof Response) return outcome;
    if (outcome.ok) return seeOther(`${routes.manageRegistrations[locale]}?done=deleted`);
    const refused = await reload();
    if (refused) return refused;
    return render({ ...emptyView(stored()), alert: outcome.view.alert }, { deletion: outcome.view });
  }
  if (intent === 'publish' || intent === 'duplicate') {
    const suffix = dictionary(locale).eventAdmin.copySuffix;
    const outcome = await runForm(page, locale, {}, async (db) => {
      if (intent === 'publish') return publishEvent(db, officer, slug, now).then(() => `${here}?done=published`);
      const copy = await duplicateEvent(db, officer, slug, suffix, now, services.media);
      return `${managedEventPaths(copy.slug).edit[locale]}?done=duplicated`;
    });
    if (outcome instanceof Response) return outcome;
    if (outcome.ok) return seeOther(outcome.value);
    const refused = await reload();
    if (refused) return refused;
    return render({ ...emptyView(stored()), alert: outcome.view.alert });
  }

  const values = eventValuesFrom(form);
  const version = Number(form.version);
  const outcome = await runForm(page, locale, values, async (db) => {
    const saved = await updateEvent(db, officer, slug, eventInputFrom(values), {
      now,
      unchangedSince: Number.isFinite(version) && version > 0 ? new Date(version) : undefined,
      mailOrigin,
    });
    sendEventAfterResponse(page.locals.cfContext, services, db, saved.notificationEvent);
    const done = saved.updatedAt.getTime() === data.event.updatedAt.getTime() ? 'unchanged' : 'saved';
    // A new title gives the event a new slug: back to its form at its new address.
    return `${managedEventPaths(saved.slug).edit[locale]}?done=${done}`;
  });
  if (outcome instanceof Response) return outcome;
  if (outcome.ok) return seeOther(outcome.value);
  return render(withFormErrors(outcome.view));
}

export interface EventPreviewView {
  event: EventDetail;
}

/** Any event's page as the public would see it once published (drafts included), for officers only. */
export async function handleEventPreview(
  page: AstroGlobal,
  locale: Locale,
  slug: string,
): Promise<EventPreviewView | Response> {
  noStore(page);
  const gate = await gated(page, locale, async (db, user) => {
    requireOfficer(user);
    return getEventDetail(db, slug, new Date(), EVENT_STATUSES);
  });
  if (gate instanceof Response) return gate;
  page.response.headers.set('X-Robots-Tag', 'noindex');
  return { event: gate.data };
}
