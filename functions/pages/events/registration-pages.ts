/**
 * Page controllers of booth registrations, shared by the Vietnamese and
 * English routes: the cooperative's list and per-event form
 * (/tai-khoan/su-kien[/{slug}]) and the trade officers' overview and
 * per-event list (/tai-khoan/su-kien-quan-ly[/{slug}]). Each returns a
 * Response (redirect, 404, 503) or what its component renders; the rules are
 * in src/server/events/registrations.ts.
 */
import type { AstroGlobal } from 'astro';
import { dictionary, format, type Locale } from '../../../src/i18n';
import { managedRegistrationsPaths, myRegistrationPaths, routes } from '../../../src/i18n/routes';
import { requireOfficer } from '../../../src/server/accounts/guards';
import { loadAccountOverview, type SessionUser } from '../../../src/server/accounts/users';
import { loadPageData } from '../page-data';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../../src/server/errors';
import { OFFICER_DECISIONS, type OfficerDecision } from '../../../src/server/events/registration-status';
import { type RegistrationState, registrationState } from '../../../src/server/events/registration-window';
import {
  type CooperativeRegistration,
  decideRegistration,
  type EventRegistrationRow,
  findCooperativeRegistration,
  findRegistrableEvent,
  listCooperativeRegistrations,
  listEventRegistrations,
  type RegistrableEvent,
  registerForEvent,
  requireRegisteringMember,
  showableProducts,
  withdrawRegistration,
} from '../../../src/server/events/registrations';
import { emptyView, type FormView, noStore, runForm, seeOther, signedInOr } from '../form-handling';

/** The signed-in user passing `guard`, a sign-in redirect, or null with a 403 set (the page says why). */
function guarded<T extends SessionUser>(page: AstroGlobal, locale: Locale, guard: (user: SessionUser) => T): T | Response | null {
  const user = signedInOr(page, locale, routes.signIn[locale]);
  if (user instanceof Response) return user;
  try {
    return guard(user);
  } catch (error) {
    if (!(error instanceof ForbiddenError || error instanceof UnauthenticatedError)) throw error;
    page.response.status = 403;
    return null;
  }
}

function doneNotice(page: AstroGlobal, locale: Locale, status?: string): string | null {
  const t = dictionary(locale).registrations;
  switch (page.url.searchParams.get('done')) {
    case 'registered':
      return format(t.register.registered, { status: status ?? '' });
    case 'withdrawn':
      return t.register.withdrawn;
    case 'decided':
      return t.manage.decided;
    case null:
    default:
      return null;
  }
}

/** runForm, with an unknown event or registration answered by the 404 page. */
async function runRegistrationForm<T>(...args: Parameters<typeof runForm<T>>): Promise<Awaited<ReturnType<typeof runForm<T>>>> {
  try {
    return await runForm(...args);
  } catch (error) {
    if (error instanceof NotFoundError) return args[0].rewrite('/404');
    throw error;
  }
}

/** Loads with the 404 page for an unknown event and the 503 page for a database outage. */
async function loadOr404<T>(page: AstroGlobal, load: Parameters<typeof loadPageData<T>>[1]): Promise<T | Response> {
  try {
    return await loadPageData(page, load);
  } catch (error) {
    if (error instanceof NotFoundError) return page.rewrite('/404');
    throw error;
  }
}

export interface MyRegistrationsView {
  /** Not a member of a cooperative: the page says so. */
  forbidden: boolean;
  cooperativeName: string;
  registrations: CooperativeRegistration[];
  notice: string | null;
}

export async function handleMyRegistrations(page: AstroGlobal, locale: Locale): Promise<MyRegistrationsView | Response> {
  noStore(page);
  const member = guarded(page, locale, requireRegisteringMember);
  if (member instanceof Response) return member;
  if (!member) return { forbidden: true, cooperativeName: '', registrations: [], notice: null };
  const data = await loadPageData(page, async (db) => ({
    overview: await loadAccountOverview(db, member.id),
    registrations: await listCooperativeRegistrations(db, member.cooperativeId, new Date()),
  }));
  if (data instanceof Response) return data;
  return { forbidden: false, cooperativeName: data.overview?.cooperative?.name ?? '', registrations: data.registrations, notice: doneNotice(page, locale) };
}

export interface RegisterView extends FormView {
  forbidden: boolean;
  cooperativeName: string;
  event: RegistrableEvent | null;
  window: RegistrationState;
  registration: CooperativeRegistration | null;
  products: { slug: string; nameVi: string; nameEn: string }[];
  /** Product slugs ticked in the form. */
  chosen: string[];
}

export async function handleRegister(page: AstroGlobal, locale: Locale, slug: string): Promise<RegisterView | Response> {
  noStore(page);
  const member = guarded(page, locale, requireRegisteringMember);
  if (member instanceof Response) return member;
  const forbidden: RegisterView = {
    ...emptyView(),
    alert: dictionary(locale).registrations.mine.membersOnly,
    forbidden: true,
    cooperativeName: '',
    event: null,
    window: 'none',
    registration: null,
    products: [],
    chosen: [],
  };
  if (!member) return forbidden;
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
      const outcome = await runRegistrationForm(page, locale, {}, (db) => withdrawRegistration(db, member, slug, text('registration'), new Date()));
      if (outcome instanceof Response) return outcome;
      if (outcome.ok) return seeOther(`${here}?done=withdrawn`);
      view = outcome.view;
    } else {
      const values = { booths: text('booths'), note: text('note') };
      const outcome = await runRegistrationForm(page, locale, values, (db) =>
        registerForEvent(db, member, slug, { booths: values.booths, note: values.note, products: chosen }, new Date()),
      );
      if (outcome instanceof Response) return outcome;
      if (outcome.ok) return seeOther(`${here}?done=registered`);
      view = outcome.view;
    }
  }

  const data = await loadOr404(page, async (db) => {
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
  const notice = registration ? doneNotice(page, locale, dictionary(locale).registrations.statuses[registration.status]) : null;
  return {
    ...view,
    notice: view.notice ?? notice,
    forbidden: false,
    cooperativeName: data.overview?.cooperative?.name ?? '',
    event: data.event,
    window: data.window,
    registration,
    products: data.products,
    chosen,
  };
}

export interface ManagedEventView extends FormView {
  forbidden: boolean;
  event: RegistrableEvent | null;
  registrations: EventRegistrationRow[];
}

function isDecision(value: unknown): value is OfficerDecision {
  return (OFFICER_DECISIONS as readonly unknown[]).includes(value);
}

export async function handleManagedEvent(page: AstroGlobal, locale: Locale, slug: string): Promise<ManagedEventView | Response> {
  noStore(page);
  const officer = guarded(page, locale, requireOfficer);
  if (officer instanceof Response) return officer;
  if (!officer) return { ...emptyView(), alert: dictionary(locale).registrations.manage.officersOnly, forbidden: true, event: null, registrations: [] };
  let view = emptyView();
  if (page.request.method === 'POST') {
    const form = await page.request.formData();
    const status = form.get('status');
    const registration = form.get('registration');
    const outcome = await runRegistrationForm(page, locale, {}, async (db) => {
      if (!isDecision(status) || typeof registration !== 'string') throw new NotFoundError('registration');
      await decideRegistration(db, officer, slug, registration, status, new Date());
    });
    if (outcome instanceof Response) return outcome;
    if (outcome.ok) return seeOther(`${managedRegistrationsPaths(slug)[locale]}?done=decided`);
    view = outcome.view;
  }
  const data = await loadOr404(page, async (db) => {
    const event = await findRegistrableEvent(db, slug);
    return { event, registrations: await listEventRegistrations(db, event.id) };
  });
  if (data instanceof Response) return data;
  return { ...view, notice: view.notice ?? doneNotice(page, locale), forbidden: false, ...data };
}
