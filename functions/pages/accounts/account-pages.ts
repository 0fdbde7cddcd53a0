/**
 * The page controllers of the account pages, one per page, shared by the
 * Vietnamese and English routes. Each returns a Response (redirect, 503) or
 * what its component renders; the domain work is in src/server/accounts.
 */
import type { AstroGlobal } from 'astro';
import { env } from 'cloudflare:workers';
import { dictionary, format, type Locale } from '../../../src/i18n';
import { routes } from '../../../src/i18n/routes';
import { changePassword, signIn } from '../../../src/server/accounts/authentication';
import { requireCooperativeManager } from '../../../src/server/accounts/guards';
import {
  acceptInvitation,
  type CooperativeTeam,
  findOpenInvitation,
  inviteToCooperative,
  loadCooperativeTeam,
  type OpenInvitation,
} from '../../../src/server/accounts/invitations';
import { requestPasswordReset, resetLinkIsValid, resetPassword } from '../../../src/server/accounts/password-reset';
import { invalidateSession, sessionExpiresAt } from '../../../src/server/accounts/sessions';
import { type AccountOverview, loadAccountOverview, type SessionUser } from '../../../src/server/accounts/users';
import type { Database } from '../../../src/server/db/client';
import { loadPageData } from '../page-data';
import { ForbiddenError } from '../../../src/server/errors';
import { listOutbox, mailerFor, type OutboxEntry, outboxEnabled } from '../../../src/server/mail/mailer';
import { clientAddress } from '../../../src/server/security/client-address';
import { siteOrigin } from '../../../src/server/seo/origin';
import { clearedSessionCookie, sessionCookie } from '../../../src/server/security/session-cookie';
import { emptyView, type FormView, noStore, readForm, runForm, safeNext, seeOther, signedInOr } from '../form-handling';

/** Notices a page shows after a redirect, named in its query (?done=…). */
function doneNotice(page: AstroGlobal, locale: Locale): string | null {
  const t = dictionary(locale).accounts;
  switch (page.url.searchParams.get('done')) {
    case 'signed-out':
      return t.signIn.signedOut;
    case 'password-reset':
      return t.signIn.passwordReset;
    case 'password-changed':
      return t.account.passwordChanged;
    case 'welcome':
      return t.account.welcome;
    case null:
    default:
      return null;
  }
}

export async function handleSignIn(page: AstroGlobal, locale: Locale): Promise<FormView | Response> {
  noStore(page);
  const next = safeNext(page.url.searchParams.get('next'), routes.account[locale]);
  if (page.request.method !== 'POST') {
    if (page.locals.user) return seeOther(next);
    const view = emptyView();
    view.notice = doneNotice(page, locale) ?? (page.url.searchParams.has('next') ? dictionary(locale).accounts.signIn.signInFirst : null);
    return view;
  }
  const form = await readForm(page.request);
  const values = { email: form.email ?? '' };
  const outcome = await runForm(page, locale, values, async (db) => {
    const signedIn = await signIn(
      db,
      { email: values.email, password: form.password ?? '', clientAddress: clientAddress(page.request) },
      new Date(),
    );
    // The session the browser came with (if any) is replaced, never kept or promoted.
    if (page.locals.session) await invalidateSession(db, page.locals.session.id);
    return signedIn;
  });
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return outcome.view;
  const { token, session } = outcome.value;
  return seeOther(next, [sessionCookie(page.url, token, sessionExpiresAt(session))]);
}

export async function handleSignOut(page: AstroGlobal, locale: Locale): Promise<FormView | Response> {
  noStore(page);
  if (page.request.method !== 'POST') return emptyView();
  const session = page.locals.session;
  if (session) {
    const outcome = await runForm(page, locale, {}, (db) => invalidateSession(db, session.id));
    if (outcome instanceof Response) return outcome;
  }
  return seeOther(`${routes.signIn[locale]}?done=signed-out`, [clearedSessionCookie(page.url)]);
}

export interface AccountPageData {
  overview: AccountOverview;
  notice: string | null;
}

export async function handleAccount(page: AstroGlobal, locale: Locale): Promise<AccountPageData | Response> {
  noStore(page);
  const user = signedInOr(page, locale, routes.signIn[locale]);
  if (user instanceof Response) return user;
  const overview = await loadPageData(page, (db) => loadAccountOverview(db, user.id));
  if (overview instanceof Response) return overview;
  if (!overview) return page.rewrite('/404');
  return { overview, notice: doneNotice(page, locale) };
}

export async function handleChangePassword(page: AstroGlobal, locale: Locale): Promise<FormView | Response> {
  noStore(page);
  const user = signedInOr(page, locale, routes.signIn[locale]);
  if (user instanceof Response) return user;
  if (page.request.method !== 'POST') return emptyView();
  const form = await readForm(page.request);
  const outcome = await runForm(page, locale, {}, (db) =>
    changePassword(
      db,
      user,
      { currentPassword: form.currentPassword ?? '', newPassword: form.newPassword ?? '', clientAddress: clientAddress(page.request) },
      new Date(),
    ),
  );
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return outcome.view;
  const { token, session } = outcome.value;
  return seeOther(`${routes.account[locale]}?done=password-changed`, [sessionCookie(page.url, token, sessionExpiresAt(session))]);
}

/** The mailer of this worker's configuration (src/server/mail/mailer.ts). */
export function mailer(db: Database) {
  return mailerFor(env, db);
}

/** An absolute link to one of our pages carrying a one-time token. */
export function tokenLink(page: AstroGlobal, path: string, parameter: string) {
  const origin = siteOrigin(page.url);
  return (token: string) => new URL(`${path}?${parameter}=${token}`, origin).href;
}

export async function handleForgotPassword(page: AstroGlobal, locale: Locale): Promise<FormView | Response> {
  noStore(page);
  if (page.request.method !== 'POST') return emptyView();
  const form = await readForm(page.request);
  const values = { email: form.email ?? '' };
  const outcome = await runForm(page, locale, values, (db) =>
    requestPasswordReset(
      db,
      mailer(db),
      { email: values.email, clientAddress: clientAddress(page.request), locale, linkFor: tokenLink(page, routes.resetPassword[locale], 'token') },
      new Date(),
    ),
  );
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return outcome.view;
  // The same answer whether or not the email has an account.
  return { ...emptyView(values), notice: dictionary(locale).accounts.forgotPassword.sent };
}

export interface ResetPageView extends FormView {
  token: string;
  /** False: the link is unknown, used or expired, and the page says so instead of showing the form. */
  linkValid: boolean;
}

export async function handleResetPassword(page: AstroGlobal, locale: Locale): Promise<ResetPageView | Response> {
  noStore(page);
  if (page.request.method !== 'POST') {
    const token = page.url.searchParams.get('token') ?? '';
    const valid = await loadPageData(page, (db) => resetLinkIsValid(db, token, new Date()));
    if (valid instanceof Response) return valid;
    if (!valid) page.response.status = 400;
    return { ...emptyView(), token, linkValid: valid };
  }
  const form = await readForm(page.request);
  const token = form.token ?? '';
  const outcome = await runForm(page, locale, {}, (db) =>
    resetPassword(db, { token, newPassword: form.newPassword ?? '', clientAddress: clientAddress(page.request) }, new Date()),
  );
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return { ...outcome.view, token, linkValid: page.response.status !== 400 };
  return seeOther(`${routes.signIn[locale]}?done=password-reset`, [clearedSessionCookie(page.url)]);
}

export interface SignUpView extends FormView {
  token: string;
  invitation: OpenInvitation | null;
}

export async function handleSignUp(page: AstroGlobal, locale: Locale): Promise<SignUpView | Response> {
  noStore(page);
  const posted = page.request.method === 'POST' ? await readForm(page.request) : null;
  const token = posted ? (posted.code ?? '') : (page.url.searchParams.get('code') ?? '');
  const invitation = token ? await loadPageData(page, (db) => findOpenInvitation(db, token, new Date())) : null;
  if (invitation instanceof Response) return invitation;
  if (token && !invitation) page.response.status = 400;
  if (!posted || !invitation) return { ...emptyView(), token, invitation };
  const values = { displayName: posted.displayName ?? '' };
  const outcome = await runForm(page, locale, values, (db) =>
    acceptInvitation(db, { token, displayName: values.displayName, password: posted.password ?? '' }, new Date()),
  );
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return { ...outcome.view, token, invitation };
  const { token: sessionToken, session } = outcome.value;
  return seeOther(`${routes.account[locale]}?done=welcome`, [sessionCookie(page.url, sessionToken, sessionExpiresAt(session))]);
}

export interface InviteView extends FormView {
  cooperativeName: string;
  team: CooperativeTeam;
  /** The signed-in user manages no cooperative: the page says so (403) and shows no form. */
  forbidden: boolean;
}

export async function handleInviteMember(page: AstroGlobal, locale: Locale): Promise<InviteView | Response> {
  noStore(page);
  const user = signedInOr(page, locale, routes.signIn[locale]);
  if (user instanceof Response) return user;
  // The manager's page. Officers and admins name a cooperative's manager on their own page
  // (manager-invitation-pages.ts).
  let manager: SessionUser;
  try {
    manager = requireCooperativeManager(user, user.cooperativeId ?? '');
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    page.response.status = 403;
    const alert = dictionary(locale).api.forbidden;
    return { ...emptyView(), alert, cooperativeName: '', team: { members: [], pending: [] }, forbidden: true };
  }
  const cooperativeId = manager.cooperativeId ?? '';
  let view = emptyView();
  if (page.request.method === 'POST') {
    const form = await readForm(page.request);
    const values = { email: form.email ?? '' };
    const outcome = await runForm(page, locale, values, (db) =>
      inviteToCooperative(
        db,
        mailer(db),
        manager,
        { cooperativeId, email: values.email, locale, linkFor: tokenLink(page, routes.signUp[locale], 'code') },
        new Date(),
      ),
    );
    if (outcome instanceof Response) return outcome;
    view = outcome.ok ? { ...emptyView(), notice: format(dictionary(locale).accounts.account.invitationSent, { email: outcome.value.email }) } : outcome.view;
  }
  const data = await loadPageData(page, async (db) => ({
    overview: await loadAccountOverview(db, manager.id),
    team: await loadCooperativeTeam(db, cooperativeId, new Date()),
  }));
  if (data instanceof Response) return data;
  return { ...view, cooperativeName: data.overview?.cooperative?.name ?? '', team: data.team, forbidden: false };
}

export async function handleOutbox(page: AstroGlobal): Promise<OutboxEntry[] | Response> {
  if (!outboxEnabled(env)) return page.rewrite('/404');
  noStore(page);
  return loadPageData(page, (db) => listOutbox(db));
}
