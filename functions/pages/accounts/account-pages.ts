/**
 * The page controllers of the account pages, one per page, shared by the
 * Vietnamese and English routes. Each returns a Response (redirect, 503) or
 * what its component renders; the domain work is in src/server/accounts.
 */
import type { AstroGlobal } from 'astro';
import { dictionary, format, type Locale } from '../../../src/i18n';
import { routes } from '../../../src/i18n/routes';
import { changePassword, signIn } from '../../../src/server/accounts/authentication';
import { isOfficer, requireCooperativeManager, requireRole } from '../../../src/server/accounts/guards';
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
import { type AccountOverview, loadAccountOverview } from '../../../src/server/accounts/users';
import { loadMemberHome, loadOfficerHome, type MemberHome, type OfficerHome } from '../../../src/server/accounts/home';
import { found } from '../../../src/server/errors';
import { listOutbox, type OutboxEntry, outboxEnabled } from '../../../src/server/mail/mailer';
import { listNotificationStates, type NotificationState } from '../../../src/server/notifications/states';
import { clientAddress } from '../../../src/server/security/client-address';
import { mailLinkOrigin } from '../../../src/server/seo/urls';
import { clearedSessionCookie, sessionCookie } from '../../../src/server/security/session-cookie';
import { emptyView, type FormView, noStore, readForm, safeNext, seeOther } from '../form-handling';
import { errorPage, loadPage, runForm, signedInAs, signedInOr } from '../handle-page';
import { sendEventAfterResponse } from '../../after-response';

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
    view.notice =
      doneNotice(page, locale) ??
      (page.url.searchParams.has('next') ? dictionary(locale).accounts.signIn.signInFirst : null);
    return view;
  }
  const form = await readForm(page.request);
  const values = { email: form.email ?? '' };
  const outcome = await runForm(page, locale, values, async (db) => {
    const signedIn = await signIn(
      db,
      { email: values.email, password: form.password ?? '', clientAddress: clientAddress(page.request), locale },
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
  /** What waits for a cooperative's member (null for officers and members without a cooperative). */
  member: MemberHome | null;
  /** The officers' queues (null for members). */
  officer: OfficerHome | null;
  /** When the page was read: the ages it shows are counted from it. */
  now: Date;
}

export async function handleAccount(page: AstroGlobal, locale: Locale): Promise<AccountPageData | Response> {
  noStore(page);
  const user = signedInOr(page, locale);
  if (user instanceof Response) return user;
  const now = new Date();
  const loaded = await loadPage(page, locale, async (db) => {
    const overview = found(await loadAccountOverview(db, user.id), 'user');
    const cooperativeId = user.role === 'member' ? overview.cooperative?.id : undefined;
    const [member, officer] = await Promise.all([
      cooperativeId ? loadMemberHome(db, cooperativeId, now) : null,
      isOfficer(user) ? loadOfficerHome(db, user) : null,
    ]);
    return { overview, member, officer };
  });
  if (loaded instanceof Response) return loaded;
  return { ...loaded, now, notice: doneNotice(page, locale) };
}

export async function handleChangePassword(page: AstroGlobal, locale: Locale): Promise<FormView | Response> {
  noStore(page);
  const user = signedInOr(page, locale);
  if (user instanceof Response) return user;
  if (page.request.method !== 'POST') return emptyView();
  const form = await readForm(page.request);
  const outcome = await runForm(page, locale, {}, (db) =>
    changePassword(
      db,
      user,
      {
        currentPassword: form.currentPassword ?? '',
        newPassword: form.newPassword ?? '',
        clientAddress: clientAddress(page.request),
      },
      new Date(),
    ),
  );
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return outcome.view;
  const { token, session } = outcome.value;
  return seeOther(`${routes.account[locale]}?done=password-changed`, [
    sessionCookie(page.url, token, sessionExpiresAt(session)),
  ]);
}

/**
 * An absolute link to one of our pages carrying a one-time token. The origin is
 * read here, before the verb runs, so a worker without PUBLIC_ORIGIN fails
 * before any lookup or write (and alike for known and unknown emails).
 */
export function tokenLink(page: AstroGlobal, path: string, parameter: string) {
  const origin = mailLinkOrigin(page.locals.services.env.PUBLIC_ORIGIN);
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
      page.locals.services.mailer(db),
      {
        email: values.email,
        clientAddress: clientAddress(page.request),
        locale,
        linkFor: tokenLink(page, routes.resetPassword[locale], 'token'),
      },
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
    const valid = await loadPage(page, locale, (db) => resetLinkIsValid(db, token, new Date()));
    if (valid instanceof Response) return valid;
    if (!valid) page.response.status = 400;
    return { ...emptyView(), token, linkValid: valid };
  }
  const form = await readForm(page.request);
  const token = form.token ?? '';
  const outcome = await runForm(page, locale, {}, (db) =>
    resetPassword(
      db,
      { token, newPassword: form.newPassword ?? '', clientAddress: clientAddress(page.request) },
      new Date(),
    ),
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
  const invitation = token ? await loadPage(page, locale, (db) => findOpenInvitation(db, token, new Date())) : null;
  if (invitation instanceof Response) return invitation;
  if (token && !invitation) page.response.status = 400;
  if (!posted || !invitation) return { ...emptyView(), token, invitation };
  const values = { displayName: posted.displayName ?? '' };
  const services = page.locals.services;
  const outcome = await runForm(page, locale, values, async (db) => {
    const joined = await acceptInvitation(
      db,
      { token, displayName: values.displayName, password: posted.password ?? '', locale },
      new Date(),
    );
    sendEventAfterResponse(page.locals.cfContext, services, db, joined.notificationEvent);
    return joined;
  });
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return { ...outcome.view, token, invitation };
  const { token: sessionToken, session } = outcome.value;
  return seeOther(`${routes.account[locale]}?done=welcome`, [
    sessionCookie(page.url, sessionToken, sessionExpiresAt(session)),
  ]);
}

export interface InviteView extends FormView {
  cooperativeName: string;
  team: CooperativeTeam;
}

export async function handleInviteMember(page: AstroGlobal, locale: Locale): Promise<InviteView | Response> {
  noStore(page);
  // The manager's page. Officers and admins name a cooperative's manager on their own page
  // (manager-invitation-pages.ts); here they have no cooperative to invite into, so they are refused
  // like members who do not manage theirs (the guard alone lets them through, for that other page).
  const manager = await signedInAs(page, locale, (user) =>
    requireCooperativeManager(requireRole(user, 'member'), user.cooperativeId ?? ''),
  );
  if (manager instanceof Response) return manager;
  const cooperativeId = manager.cooperativeId ?? '';
  let view = emptyView();
  if (page.request.method === 'POST') {
    const form = await readForm(page.request);
    const values = { email: form.email ?? '' };
    const outcome = await runForm(page, locale, values, (db) =>
      inviteToCooperative(
        db,
        page.locals.services.mailer(db),
        manager,
        { cooperativeId, email: values.email, locale, linkFor: tokenLink(page, routes.signUp[locale], 'code') },
        new Date(),
      ),
    );
    if (outcome instanceof Response) return outcome;
    view = outcome.ok
      ? {
          ...emptyView(),
          notice: format(dictionary(locale).accounts.account.invitationSent, { email: outcome.value.email }),
        }
      : outcome.view;
  }
  const data = await loadPage(page, locale, async (db) => ({
    overview: await loadAccountOverview(db, manager.id),
    team: await loadCooperativeTeam(db, cooperativeId, new Date()),
  }));
  if (data instanceof Response) return data;
  return { ...view, cooperativeName: data.overview?.cooperative?.name ?? '', team: data.team };
}

export interface OutboxView {
  mails: OutboxEntry[];
  notifications: NotificationState[];
}

export async function handleOutbox(page: AstroGlobal, locale: Locale): Promise<OutboxView | Response> {
  if (!outboxEnabled(page.locals.services.env)) return errorPage(page, '/404');
  noStore(page);
  return loadPage(page, locale, async (db) => ({
    mails: await listOutbox(db),
    notifications: await listNotificationStates(db),
  }));
}
