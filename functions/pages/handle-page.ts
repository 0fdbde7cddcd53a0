/**
 * The pages' one mapping from domain refusals to what a person sees, with one
 * decision per kind (src/server/errors.ts; the API has its own in
 * functions/api/errors.ts):
 * - not signed in → the sign-in page, and back here after;
 * - forbidden → the 403 page; no such record (or a malformed address) → 404;
 *   database away → 503: whole pages, never partial content;
 * - a form's refusal (invalid fields, wrong password, too many attempts, an
 *   expired link, a state that moved on) → the form again, with its values,
 *   the messages and the status (422, 429 + Retry-After, 400, 409).
 * Anything else is a bug and is thrown (Astro's 500 page).
 *
 * Controllers call `loadPage` to read, `gated` to read for the signed-in user,
 * and `runForm` to run a verb for a posted form.
 */
import type { AstroGlobal } from 'astro';
import { dictionary, format, type Locale } from '../../src/i18n';
import { fieldMessages } from '../../src/i18n/field-messages';
import { routes } from '../../src/i18n/routes';
import type { SessionUser } from '../../src/server/accounts/users';
import type { Database } from '../../src/server/db/client';
import { boundedDatabaseWork } from '../../src/server/db/health';
import {
  asDomainError,
  type FieldIssues,
  type KnownDomainError,
  UnavailableError,
  unreachable,
} from '../../src/server/errors';
import type { RequestServices } from '../request-services';
import { laterFor } from '../after-response';
import type { AfterResponse } from '../../src/server/search/facet-cube';
import { canonicalListParams } from '../../src/server/search/params';
import { emptyView, type FormView, movedPermanently, seeOther } from './form-handling';

/** The request's database, bounded in time; a database that cannot serve it is UnavailableError (503), not a bug. */
export async function readDatabase<T>(services: RequestServices, load: (db: Database) => Promise<T>): Promise<T> {
  let db: Database;
  try {
    db = await services.database();
  } catch (error) {
    throw new UnavailableError(error instanceof Error ? error.message : String(error));
  }
  return boundedDatabaseWork(db, () => load(db));
}

type ErrorPath = '/403' | '/404' | '/503';

/** What a page does with a refusal: a page of its own, or the form again with a status and messages. */
type Decision =
  | { show: 'page'; path: ErrorPath }
  | { show: 'sign-in' }
  | { show: 'form'; status: 400 | 404 | 409 | 422 | 429; alert: string; errors?: Record<string, string> };

function decide(error: KnownDomainError, locale: Locale, words: FormWords): Decision {
  const t = dictionary(locale);
  switch (error.code) {
    case 'unauthenticated':
      return { show: 'sign-in' };
    case 'forbidden':
      return { show: 'page', path: '/403' };
    case 'not_found':
      return words.notFound ? { show: 'form', status: 404, alert: words.notFound } : { show: 'page', path: '/404' };
    case 'unavailable':
      return { show: 'page', path: '/503' };
    case 'validation_failed': {
      const shown = words.invalid?.(error.fields) ?? {};
      return {
        show: 'form',
        status: 422,
        alert: shown.alert ?? t.accounts.form.errorSummary,
        errors: fieldMessages(shown.fields ?? error.fields, locale),
      };
    }
    case 'bad_request':
    case 'invalid_filter':
      return {
        show: 'form',
        status: 400,
        alert: t.accounts.form.errorSummary,
        errors: fieldMessages(error.fields, locale),
      };
    case 'invalid_credentials':
      return { show: 'form', status: 422, alert: t.accounts.signIn.invalid };
    case 'rate_limited':
      return {
        show: 'form',
        status: 429,
        alert: format(words.rateLimited ?? t.accounts.form.rateLimited, {
          minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)),
        }),
      };
    case 'invalid_token':
      return { show: 'form', status: 400, alert: t.api.invalid_token };
    case 'conflict':
      // The record's state refuses the action (registration has closed; another tab or an officer
      // moved it on meanwhile): said once, at the top, with the reason when the domain gives one.
      return {
        show: 'form',
        status: 409,
        alert: Object.values(error.fields ? fieldMessages(error.fields, locale) : {})[0] ?? t.dashboard.conflict,
      };
    default:
      return unreachable(error);
  }
}

/** A form's own words for some refusals, where the generic ones would say less. */
export interface FormWords {
  /** The rate-limit alert, with {minutes}. */
  rateLimited?: string;
  /** For invalid fields: a more specific alert than "check the fields", and the fields to show next to inputs. */
  invalid?: (fields: FieldIssues) => { alert?: string; fields?: FieldIssues };
  /** When the form itself names the record (a reference typed in), "not found" is the form's to say (404). */
  notFound?: string;
}

/**
 * The error page at `path`, rendered for this request. The rewrite asks for it
 * with a fresh GET: a form post whose body was already read cannot be rewritten
 * as it is (Astro refuses with RewriteWithBodyUsed, a 500).
 */
export function errorPage(page: AstroGlobal, path: ErrorPath): Promise<Response> {
  return page.rewrite(new Request(new URL(path, page.url), { headers: page.request.headers }));
}

/** The sign-in page, coming back to this page (with its query) after. */
export function signInRedirect(page: AstroGlobal, locale: Locale): Response {
  return seeOther(`${routes.signIn[locale]}?next=${encodeURIComponent(page.url.pathname + page.url.search)}`);
}

/** The page a refusal is shown as, or null when it is a form's to show; anything else is thrown again. */
function pageFor(page: AstroGlobal, locale: Locale, decision: Decision): Promise<Response> | Response | null {
  if (decision.show === 'sign-in') return signInRedirect(page, locale);
  if (decision.show === 'page') return errorPage(page, decision.path);
  return null;
}

/** Reads what a page shows; every refusal becomes its page (a form-kind refusal on a read means a 404). */
export async function loadPage<T>(
  page: AstroGlobal,
  locale: Locale,
  load: (db: Database) => Promise<T>,
): Promise<T | Response> {
  try {
    return await readDatabase(page.locals.services, load);
  } catch (error) {
    return refusalAsPage(page, locale, error);
  }
}

/**
 * A list page read from its URL. A GET form sends every field, empty ones
 * too ("all provinces" is `province=`); such a URL is answered with a redirect
 * to the same list without them, so each list has one address.
 */
export async function loadListPage<T>(
  page: AstroGlobal,
  locale: Locale,
  /** `later`: work for after the response (a stale facet cube's refresh). */
  load: (db: Database, params: URLSearchParams, later: AfterResponse | undefined) => Promise<T>,
): Promise<T | Response> {
  const clean = canonicalListParams(page.url.searchParams);
  if (clean) {
    const query = clean.toString();
    return movedPermanently(query ? `${page.url.pathname}?${query}` : page.url.pathname);
  }
  return loadPage(page, locale, (db) => load(db, page.url.searchParams, laterFor(page.locals.cfContext)));
}

function refusalAsPage(page: AstroGlobal, locale: Locale, error: unknown): Promise<Response> | Response {
  const refusal = asDomainError(error);
  if (!refusal) throw error;
  return pageFor(page, locale, decide(refusal, locale, {})) ?? errorPage(page, '/404');
}

/** The signed-in user, or the sign-in page that comes back here. */
export function signedInOr(page: AstroGlobal, locale: Locale): SessionUser | Response {
  return page.locals.user ?? signInRedirect(page, locale);
}

/** The signed-in user passing `guard` (a role check that throws), or the page its refusal is shown as. */
export async function signedInAs<T extends SessionUser>(
  page: AstroGlobal,
  locale: Locale,
  guard: (user: SessionUser) => T,
): Promise<T | Response> {
  const user = signedInOr(page, locale);
  if (user instanceof Response) return user;
  try {
    return guard(user);
  } catch (error) {
    return refusalAsPage(page, locale, error);
  }
}

/**
 * Runs `load` for the signed-in user. `load` calls the guards itself (e.g.
 * findOwnedProduct), so the check and the read cannot drift apart.
 */
export async function gated<T>(
  page: AstroGlobal,
  locale: Locale,
  load: (db: Database, user: SessionUser) => Promise<T>,
): Promise<{ user: SessionUser; data: T } | Response> {
  const user = signedInOr(page, locale);
  if (user instanceof Response) return user;
  const data = await loadPage(page, locale, (db) => load(db, user));
  return data instanceof Response ? data : { user, data };
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; view: FormView };

/**
 * Runs a verb for a posted form. A form-kind refusal becomes the form again
 * (`values` put back, the page's status set); the others become their page.
 */
export async function runForm<T>(
  page: AstroGlobal,
  locale: Locale,
  values: Record<string, string>,
  work: (db: Database) => Promise<T>,
  words: FormWords = {},
): Promise<Outcome<T> | Response> {
  try {
    return { ok: true, value: await readDatabase(page.locals.services, work) };
  } catch (error) {
    const refusal = asDomainError(error);
    if (!refusal) throw error;
    const decision = decide(refusal, locale, words);
    if (decision.show !== 'form') return pageFor(page, locale, decision) as Promise<Response> | Response;
    page.response.status = decision.status;
    if (refusal.code === 'rate_limited') page.response.headers.set('Retry-After', String(refusal.retryAfterSeconds));
    return { ok: false, view: { ...emptyView(values), alert: decision.alert, errors: decision.errors ?? {} } };
  }
}
