/**
 * Page controllers of booth registrations, shared by the Vietnamese and
 * English routes: the cooperative's list and per-event form
 * (/tai-khoan/su-kien[/{slug}]) and the trade officers' overview and
 * per-event list (/tai-khoan/su-kien-quan-ly[/{slug}]). Each returns a
 * Response (redirect, 404, 503) or what its component renders; the rules are
 * in src/server/events/registrations/.
 */
import type { AstroGlobal } from 'astro';
import { dictionary, format, type Locale } from '../../../src/i18n';
import { managedRegistrationsPaths, myRegistrationPaths } from '../../../src/i18n/routes';
import { requireOfficer } from '../../../src/server/accounts/guards';
import { loadAccountOverview } from '../../../src/server/accounts/users';
import { NotFoundError } from '../../../src/server/errors';
import { OFFICER_DECISIONS, type OfficerDecision } from '../../../src/server/events/registrations/registration-status';
import { type RegistrationState, registrationState } from '../../../src/server/events/registration-window';
import {
  registerForEvent,
  requireRegisteringMember,
  withdrawRegistration,
} from '../../../src/server/events/registrations/member-registration';
import { decideRegistration } from '../../../src/server/events/registrations/officer-decisions';
import { assignBoothLabel } from '../../../src/server/events/registrations/booth-labels';
import { configuredOrigin } from '../../../src/server/seo/urls';
import { sendEventAfterResponse } from '../../after-response';
import {
  findRegistrableEvent,
  type RegistrableEvent,
} from '../../../src/server/events/registrations/registrable-event';
import {
  type CooperativeRegistration,
  type EventRegistrationRow,
  findCooperativeRegistration,
  listCooperativeRegistrations,
  listEventRegistrations,
  showableProducts,
} from '../../../src/server/events/registrations/registration-reads';
import { emptyView, type FormView, noStore, seeOther } from '../form-handling';
import { loadPage, runForm, signedInAs } from '../handle-page';

function doneNotice(page: AstroGlobal, locale: Locale, status?: string): string | null {
  const t = dictionary(locale).registrations;
  switch (page.url.searchParams.get('done')) {
    case 'registered':
      return format(t.register.registered, { status: status ?? '' });
    case 'withdrawn':
      return t.register.withdrawn;
    case 'decided':
      return t.manage.decided;
    case 'booth':
      return t.manage.boothSaved;
    case null:
    default:
      return null;
  }
}

export interface MyRegistrationsView {
  cooperativeName: string;
  registrations: CooperativeRegistration[];
  notice: string | null;
}

export async function handleMyRegistrations(
  page: AstroGlobal,
  locale: Locale,
): Promise<MyRegistrationsView | Response> {
  noStore(page);
  const member = await signedInAs(page, locale, requireRegisteringMember);
  if (member instanceof Response) return member;
  const data = await loadPage(page, locale, async (db) => ({
    overview: await loadAccountOverview(db, member.id),
    registrations: await listCooperativeRegistrations(db, member.cooperativeId, new Date()),
  }));
  if (data instanceof Response) return data;
  return {
    cooperativeName: data.overview?.cooperative?.name ?? '',
    registrations: data.registrations,
    notice: doneNotice(page, locale),
  };
}

export interface RegisterView extends FormView {
  cooperativeName: string;
  event: RegistrableEvent | null;
  window: RegistrationState;
  registration: CooperativeRegistration | null;
  products: { slug: string; nameVi: string; nameEn: string }[];
  /** Product slugs ticked in the form. */
  chosen: string[];
}

export async function handleRegister(
  page: AstroGlobal,
  locale: Locale,
  slug: string,
): Promise<RegisterView | Response> {
  noStore(page);
  const member = await signedInAs(page, locale, requireRegisteringMember);
  if (member instanceof Response) return member;
  const here = myRegistrationPaths(slug)[locale];

  let view = emptyView();
  let chosen: string[] = [];
  if (page.request.method === 'POST') {
    const form = await page.request.formData();
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    chosen = form.getAll('products').filter((value): value is string => typeof value === 'string');
    if (text('action') === 'withdraw') {
      const outcome = await runForm(page, locale, {}, (db) =>
        withdrawRegistration(db, member, slug, text('registration'), new Date()),
      );
      if (outcome instanceof Response) return outcome;
      if (outcome.ok) return seeOther(`${here}?done=withdrawn`);
      view = outcome.view;
    } else {
      const values = { booths: text('booths'), note: text('note') };
      const outcome = await runForm(page, locale, values, (db) =>
        registerForEvent(db, member, slug, { booths: values.booths, note: values.note, products: chosen }, new Date()),
      );
      if (outcome instanceof Response) return outcome;
      if (outcome.ok) return seeOther(`${here}?done=registered`);
      view = outcome.view;
    }
  }

  const data = await loadPage(page, locale, async (db) => {
    const event = await findRegistrableEvent(db, slug);
    const now = new Date();
    return {
      event,
      window: registrationState(event, now),
      overview: await loadAccountOverview(db, member.id),
      registration: await findCooperativeRegistration(db, member.cooperativeId, event.id, now),
      products: await showableProducts(db, member.cooperativeId),
    };
  });
  if (data instanceof Response) return data;
  const registration = data.registration;
  const notice = registration
    ? doneNotice(page, locale, dictionary(locale).registrations.statuses[registration.status])
    : null;
  return {
    ...view,
    notice: view.notice ?? notice,
    cooperativeName: data.overview?.cooperative?.name ?? '',
    event: data.event,
    window: data.window,
    registration,
    products: data.products,
    chosen,
  };
}

export interface ManagedEventView extends FormView {
  event: RegistrableEvent | null;
  registrations: EventRegistrationRow[];
}

function isDecision(value: unknown): value is OfficerDecision {
  return (OFFICER_DECISIONS as readonly unknown[]).includes(value);
}

export async function handleManagedEvent(
  page: AstroGlobal,
  locale: Locale,
  slug: string,
): Promise<ManagedEventView | Response> {
  noStore(page);
  const officer = await signedInAs(page, locale, requireOfficer);
  if (officer instanceof Response) return officer;
  let view = emptyView();
  if (page.request.method === 'POST') {
    const form = await page.request.formData();
    const status = form.get('status');
    const registration = form.get('registration');
    if (form.get('action') === 'booth') {
      const values = { registration: String(registration ?? ''), boothLabel: String(form.get('boothLabel') ?? '') };
      const outcome = await runForm(page, locale, values, (db) =>
        assignBoothLabel(db, officer, slug, values.registration, values.boothLabel, new Date()),
      );
      if (outcome instanceof Response) return outcome;
      if (outcome.ok) return seeOther(`${managedRegistrationsPaths(slug)[locale]}?done=booth`);
      return managedEventView(page, locale, slug, outcome.view);
    }
    const outcome = await runForm(page, locale, {}, async (db) => {
      if (!isDecision(status) || typeof registration !== 'string') throw new NotFoundError('registration');
      const services = page.locals.services;
      const origin = configuredOrigin(services.env.PUBLIC_ORIGIN);
      const decided = await decideRegistration(db, officer, slug, registration, status, new Date(), origin);
      sendEventAfterResponse(page.locals.cfContext, services, db, decided.notificationEvent);
    });
    if (outcome instanceof Response) return outcome;
    if (outcome.ok) return seeOther(`${managedRegistrationsPaths(slug)[locale]}?done=decided`);
    view = outcome.view;
  }
  return managedEventView(page, locale, slug, view);
}

async function managedEventView(
  page: AstroGlobal,
  locale: Locale,
  slug: string,
  view: FormView,
): Promise<ManagedEventView | Response> {
  const data = await loadPage(page, locale, async (db) => {
    const event = await findRegistrableEvent(db, slug);
    return { event, registrations: await listEventRegistrations(db, event.id) };
  });
  if (data instanceof Response) return data;
  return { ...view, notice: view.notice ?? doneNotice(page, locale), ...data };
}
