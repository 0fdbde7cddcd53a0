/**
 * How account pages handle their forms, shared by every one of them: read
 * the posted fields, run a server verb, and turn its domain errors into what
 * the form shows (messages next to fields, a form-level alert, 422 or 429
 * with Retry-After), or into the 503 page when the database is away.
 * Pages stay thin: `const view = await handleX(Astro, locale)`.
 */
import type { AstroGlobal } from 'astro';
import { dictionary, format, type Locale } from '../../src/i18n';
import { fieldMessages } from '../../src/i18n/field-messages';
import type { SessionUser } from '../../src/server/accounts/users';
import type { Database } from '../../src/server/db/client';
import { readDatabase } from './page-data';
import {
  ConflictError,
  ForbiddenError,
  InvalidCredentialsError,
  InvalidTokenError,
  RateLimitedError,
  UnavailableError,
  ValidationError,
} from '../../src/server/errors';

export interface FormView {
  /** Values to put back into the fields (never passwords). */
  values: Record<string, string>;
  /** A message per field name, shown next to it. */
  errors: Record<string, string>;
  /** A message for the whole form (shown at its top, announced). */
  alert: string | null;
  /** A success or information message. */
  notice: string | null;
}

export const emptyView = (values: Record<string, string> = {}): FormView => ({ values, errors: {}, alert: null, notice: null });

// Localised messages for field issues live with the dictionaries, where pure code (and its tests) can reach them.
export { fieldMessages };

/** The posted fields as strings (files and repeated names ignored). */
export async function readForm(request: Request): Promise<Record<string, string>> {
  const form = await request.formData();
  const fields: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === 'string' && !(name in fields)) fields[name] = value;
  return fields;
}

/** 303 See Other after a successful POST, so reloading does not post again. */
export function seeOther(location: string, cookies: readonly string[] = []): Response {
  const headers = new Headers({ Location: location, 'Cache-Control': 'no-store' });
  for (const cookie of cookies) headers.append('Set-Cookie', cookie);
  return new Response(null, { status: 303, headers });
}

/** Form pages hold personal values: never cached. */
export function noStore(page: AstroGlobal): void {
  page.response.headers.set('Cache-Control', 'no-store');
}

/**
 * Only paths of this site are followed after sign-in (no "//host" or
 * "/\host" that a browser would read as another site).
 */
export function safeNext(value: string | null | undefined, fallback: string): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || /[\\\s]/.test(value)) return fallback;
  return value;
}

/**
 * The signed-in user, or a redirect to the sign-in page that comes back here.
 * `_locale` is unused (the sign-in path is already localised); it goes once parallel branches have merged,
 * so that none of their new calls breaks.
 */
export function signedInOr(page: AstroGlobal, _locale: Locale, signInPath: string): SessionUser | Response {
  const user = page.locals.user;
  if (user) return user;
  return seeOther(`${signInPath}?next=${encodeURIComponent(page.url.pathname + page.url.search)}`);
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; view: FormView };

/**
 * Runs a verb for a posted form. Domain refusals become a view to render
 * again (with the page's status set); an unreachable database becomes the
 * 503 page (a Response); anything else is a bug and is thrown.
 */
export async function runForm<T>(
  page: AstroGlobal,
  locale: Locale,
  values: Record<string, string>,
  work: (db: Database) => Promise<T>,
): Promise<Outcome<T> | Response> {
  const t = dictionary(locale);
  try {
    return { ok: true, value: await readDatabase(work) };
  } catch (error) {
    const view = emptyView(values);
    if (error instanceof ValidationError) {
      page.response.status = 422;
      view.errors = fieldMessages(error.fields, locale);
      view.alert = t.accounts.form.errorSummary;
      return { ok: false, view };
    }
    if (error instanceof InvalidCredentialsError) {
      page.response.status = 422;
      view.alert = t.accounts.signIn.invalid;
      return { ok: false, view };
    }
    if (error instanceof RateLimitedError) {
      page.response.status = 429;
      page.response.headers.set('Retry-After', String(error.retryAfterSeconds));
      view.alert = format(t.accounts.form.rateLimited, { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) });
      return { ok: false, view };
    }
    if (error instanceof InvalidTokenError) {
      page.response.status = 400;
      view.alert = t.api.invalid_token;
      return { ok: false, view };
    }
    if (error instanceof ConflictError) {
      // The record's state refuses the action (registration has closed; another tab or an officer
      // moved it on meanwhile): said once, at the top, with the reason when the domain gives one.
      page.response.status = 409;
      view.alert = Object.values(error.fields ? fieldMessages(error.fields, locale) : {})[0] ?? t.dashboard.conflict;
      return { ok: false, view };
    }
    if (error instanceof ForbiddenError) {
      page.response.status = 403;
      view.alert = t.api.forbidden;
      return { ok: false, view };
    }
    if (error instanceof UnavailableError) return page.rewrite('/503');
    throw error;
  }
}
