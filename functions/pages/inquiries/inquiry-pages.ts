/**
 * Page controllers of inquiries, shared by the Vietnamese and English routes:
 * the buyer's form, the "sent" page, the status page and the buyer's private
 * thread page; the cooperative's
 * inbox and one inquiry; the trade department's figures. Domain work is in
 * src/server/inquiries; mail goes out after the response through the
 * request's execution context (Astro.locals.cfContext.waitUntil).
 */
import type { AstroGlobal } from 'astro';
import { dictionary, type Locale } from '../../../src/i18n';
import { inboxItemPaths, inquiryThreadPaths, routes } from '../../../src/i18n/routes';
import { loadAccountOverview, type SessionUser } from '../../../src/server/accounts/users';
import type { Database } from '../../../src/server/db/client';
import { formSecret } from '../../../src/server/inquiries/form-token';
import {
  actOnInquiry,
  INQUIRY_ACTIONS,
  type InboxPage,
  type InquiryAction,
  type InquiryDetail,
  listInbox,
  openInquiry,
  parseInboxFilter,
  replyToInquiry,
} from '../../../src/server/inquiries/inbox';
import { inquiryFromForm } from '../../../src/server/inquiries/input';
import { configuredInquiryLinks } from '../../../src/server/inquiries/links';
import {
  deliverForInquiry,
  listNotificationProblems,
  type NotificationProblem,
} from '../../../src/server/inquiries/notifications';
import { normaliseReference } from '../../../src/server/inquiries/reference';
import { type InquiryStatistics, inquiryStatistics } from '../../../src/server/inquiries/statistics';
import { type BuyerInquiryView, lookUpInquiries } from '../../../src/server/inquiries/status';
import { SOURCE_QUERY_PARAMETER } from '../../../src/server/inquiries/source';
import { submitInquiry } from '../../../src/server/inquiries/submit';
import { erasureRequested, requestInquiryErasure } from '../../../src/server/privacy/requests';
import { findInquiryTarget, type InquiryTarget } from '../../../src/server/inquiries/target';
import {
  answerThread,
  type BuyerThreadView,
  readThread,
  revokeThreadLinks,
} from '../../../src/server/inquiries/thread';
import { clientAddress } from '../../../src/server/security/client-address';
import { afterResponse } from '../../after-response';
import { emptyView, type FormView, noStore, readForm, seeOther } from '../form-handling';
import { errorPage, type FormWords, loadPage, runForm, signedInOr } from '../handle-page';

export function links(page: AstroGlobal) {
  return configuredInquiryLinks(page.locals.services.env);
}

/** Sends an inquiry's pending mail after the response. */
export function deliverAfterResponse(page: AstroGlobal, db: Database, inquiryId: string): void {
  afterResponse(page.locals.cfContext, 'inquiry notification delivery', () =>
    deliverForInquiry(db, page.locals.services.mailer(db), inquiryId),
  );
}

/** The buyer's form's own words: a refused form token says what happened to the page, not which field. */
export function inquiryFormWords(locale: Locale): FormWords {
  const f = dictionary(locale).inquiries.form;
  return {
    rateLimited: f.rateLimited,
    notFound: f.unknownTarget,
    invalid: ({ formToken, ...fields }) => ({
      fields,
      alert: !formToken
        ? undefined
        : formToken.code === 'form_too_fast'
          ? f.tooFast
          : formToken.code === 'form_expired'
            ? f.expired
            : f.invalidToken,
    }),
  };
}

export interface InquiryFormView extends FormView {
  target: InquiryTarget | null;
}

/** /hoi-hang: GET shows the form for ?product= or ?cooperative= (and a fair's ?nguon=); POST takes it, then 303 to the "sent" page. */
export async function handleInquiryForm(page: AstroGlobal, locale: Locale): Promise<InquiryFormView | Response> {
  noStore(page);
  const posted = page.request.method === 'POST' ? await readForm(page.request) : null;
  const query = posted ?? {
    product: page.url.searchParams.get('product') ?? '',
    cooperative: page.url.searchParams.get('cooperative') ?? '',
  };
  const target = await loadPage(page, locale, (db) => findInquiryTarget(db, query, new Date()));
  if (target instanceof Response) return target;
  if (!posted) {
    if (!target && (query.product || query.cooperative)) return errorPage(page, '/404');
    return { ...emptyView({ source: page.url.searchParams.get(SOURCE_QUERY_PARAMETER) ?? '' }), target };
  }
  // Values go back into the form as typed (the honeypot never does; the token does, see InquiryForm).
  const { website: _w, ...values } = posted;
  const { formToken } = posted;
  const outcome = await runForm(
    page,
    locale,
    values,
    async (db) => {
      const result = await submitInquiry(
        db,
        inquiryFromForm(posted),
        {
          clientAddress: clientAddress(page.request),
          locale,
          idempotencyKey: null,
          formToken: { secret: formSecret(page.locals.services.env), token: formToken ?? '' },
          // Turnstile needs JavaScript in the browser; this form must work without it (see README, "Configuration").
          turnstile: null,
          links: links(page),
        },
        new Date(),
      );
      if (result.kind === 'created' && result.deliver) deliverAfterResponse(page, db, result.inquiryId);
      return result;
    },
    inquiryFormWords(locale),
  );
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return { ...outcome.view, target: page.response.status === 404 ? null : target };
  // "mailed" only says which words the page shows; the receipt goes to any inquiry with an email that is not spam.
  const mailed = posted.email?.trim() ? '&mailed=1' : '';
  return seeOther(
    `${routes.inquirySent[locale]}?reference=${encodeURIComponent(outcome.value.receipt.reference)}${mailed}`,
  );
}

/** /hoi-hang/da-gui?reference=…: the reference to keep, read from the address (nothing is loaded), and whether a receipt was mailed. */
export function handleInquirySent(page: AstroGlobal): { reference: string | null; mailed: boolean } {
  noStore(page);
  return {
    reference: normaliseReference(page.url.searchParams.get('reference') ?? ''),
    mailed: page.url.searchParams.get('mailed') === '1',
  };
}

export interface StatusPageView extends FormView {
  /** The conversation the reference names, or each of a request's; empty before a look-up. */
  inquiries: BuyerInquiryView[];
}

/** /hoi-hang/trang-thai: the look-up form (reference prefilled from the mail's link); POST shows the inquiry. */
export async function handleInquiryStatus(page: AstroGlobal, locale: Locale): Promise<StatusPageView | Response> {
  noStore(page);
  if (page.request.method !== 'POST') {
    const view = emptyView({ reference: normaliseReference(page.url.searchParams.get('reference') ?? '') ?? '' });
    if (page.url.searchParams.get('revoked') === '1') view.notice = dictionary(locale).inquiries.thread.revoked;
    return { ...view, inquiries: [] };
  }
  const form = await readForm(page.request);
  const values = { reference: form.reference ?? '', contact: form.contact ?? '' };
  const words = dictionary(locale).inquiries.status;
  const outcome = await runForm(
    page,
    locale,
    values,
    (db) => lookUpInquiries(db, { ...values, clientAddress: clientAddress(page.request) }, new Date()),
    { rateLimited: words.rateLimited, notFound: words.notFound },
  );
  if (outcome instanceof Response) return outcome;
  return outcome.ok ? { ...emptyView(values), inquiries: outcome.value } : { ...outcome.view, inquiries: [] };
}

export interface ThreadPageView extends FormView {
  /** Null when the token is unknown or revoked (the alert says so). */
  thread: BuyerThreadView | null;
  /** The page's own address, token included, for its forms and language links. */
  paths: { vi: string; en: string };
  /** The private token, for the data download link. */
  token: string;
  /** Whether the buyer's erasure request waits for an officer. */
  erasureRequested: boolean;
}

/**
 * /hoi-hang/trao-doi/{token}: the buyer's private thread page. POST answers
 * (then 303 back) or, with action=revoke, withdraws every link to the thread
 * (then 303 to the status page, which says so).
 */
export async function handleInquiryThread(page: AstroGlobal, locale: Locale): Promise<ThreadPageView | Response> {
  noStore(page);
  const token = page.params.token ?? '';
  const paths = inquiryThreadPaths(token);
  const words = dictionary(locale).inquiries.thread;
  const refusals = { notFound: words.notFound, rateLimited: words.rateLimited };
  let view = emptyView();
  if (page.request.method === 'POST') {
    const form = await readForm(page.request);
    if (form.action === 'erase') {
      const erase = await runForm(
        page,
        locale,
        {},
        (db) => requestInquiryErasure(db, token, form.confirm === 'on', new Date()),
        refusals,
      );
      if (erase instanceof Response) return erase;
      if (erase.ok) return seeOther(`${paths[locale]}?done=erasure`);
      view = erase.view;
    } else if (form.action === 'revoke') {
      const revoked = await runForm(page, locale, {}, (db) => revokeThreadLinks(db, token, new Date()), refusals);
      if (revoked instanceof Response) return revoked;
      if (revoked.ok) {
        const reference = encodeURIComponent(revoked.value.reference);
        return seeOther(`${routes.inquiryStatus[locale]}?reference=${reference}&revoked=1`);
      }
      view = revoked.view;
    } else {
      const body = form.body ?? '';
      const answered = await runForm(
        page,
        locale,
        { body },
        async (db) => {
          const outcome = await answerThread(
            db,
            { token, body, clientAddress: clientAddress(page.request) },
            links(page),
            new Date(),
          );
          if (outcome.notify) deliverAfterResponse(page, db, outcome.inquiryId);
        },
        refusals,
      );
      if (answered instanceof Response) return answered;
      if (answered.ok) return seeOther(`${paths[locale]}?done=sent`);
      view = answered.view;
    }
  }
  const read = await runForm(
    page,
    locale,
    view.values,
    async (db) => ({ ...(await readThread(db, token)), erasureRequested: await erasureRequested(db, token) }),
    refusals,
  );
  if (read instanceof Response) return read;
  if (!read.ok) return { ...read.view, thread: null, paths, token, erasureRequested: false };
  const done = page.url.searchParams.get('done');
  if (!view.alert && done === 'sent') view.notice = words.answered;
  if (!view.alert && done === 'erasure') view.notice = dictionary(locale).privacy.buyer.requested;
  return { ...view, thread: read.value, paths, token, erasureRequested: read.value.erasureRequested };
}

export type InboxPageData =
  | { kind: 'inbox'; inbox: InboxPage; cooperativeName: string }
  | { kind: 'officer'; statistics: InquiryStatistics; problems: NotificationProblem[] };

/** /tai-khoan/hoi-hang: a member's inbox; for officers and admins, the figures and stuck mail instead. */
export async function handleInbox(page: AstroGlobal, locale: Locale): Promise<InboxPageData | Response> {
  noStore(page);
  const user = signedInOr(page, locale);
  if (user instanceof Response) return user;
  if (user.role === 'officer' || user.role === 'admin') {
    const now = new Date();
    const data = await loadPage(page, locale, async (db) => ({
      statistics: await inquiryStatistics(db, user, now),
      problems: await listNotificationProblems(db, now),
    }));
    if (data instanceof Response) return data;
    return { kind: 'officer', ...data };
  }
  if (!user.cooperativeId) return errorPage(page, '/403');
  const filter = parseInboxFilter(page.url.searchParams.get('status'));
  const pageNumber = Number(page.url.searchParams.get('page') ?? '1');
  const data = await loadPage(page, locale, async (db) => ({
    inbox: await listInbox(db, user, filter, pageNumber),
    cooperativeName: (await findCooperativeName(db, user)) ?? '',
  }));
  if (data instanceof Response) return data;
  return { kind: 'inbox', ...data };
}

async function findCooperativeName(db: Database, user: SessionUser): Promise<string | null> {
  return (await loadAccountOverview(db, user.id))?.cooperative?.name ?? null;
}

export type InboxItemView = FormView & { inquiry: InquiryDetail };

/** /tai-khoan/hoi-hang/{reference}: opens the inquiry (marks it read); POST replies or changes its status, then 303 back. */
export async function handleInboxItem(page: AstroGlobal, locale: Locale): Promise<InboxItemView | Response> {
  noStore(page);
  const user = signedInOr(page, locale);
  if (user instanceof Response) return user;
  const reference = page.params.reference ?? '';
  const here = inboxItemPaths(normaliseReference(reference) ?? reference)[locale];
  let view = emptyView();
  if (page.request.method === 'POST') {
    const form = await readForm(page.request);
    const outcome = await runForm(page, locale, { body: form.body ?? '' }, async (db) => {
      if (form.action && (INQUIRY_ACTIONS as readonly string[]).includes(form.action)) {
        const acted = await actOnInquiry(db, user, reference, form.action as InquiryAction, links(page), new Date());
        if (acted.notify) deliverAfterResponse(page, db, acted.inquiryId);
        return 'status';
      }
      const replied = await replyToInquiry(db, user, reference, form.body ?? '', links(page), new Date());
      if (replied.notify) deliverAfterResponse(page, db, replied.inquiryId);
      return 'replied';
    });
    if (outcome instanceof Response) return outcome;
    if (outcome.ok) return seeOther(`${here}?done=${outcome.value}`);
    view = outcome.view;
  }
  const inquiry = await loadPage(page, locale, (db) => openInquiry(db, user, reference, new Date()));
  if (inquiry instanceof Response) return inquiry;
  const done = page.url.searchParams.get('done');
  const t = dictionary(locale).inquiries.inbox;
  if (!view.alert && done) view.notice = done === 'replied' ? t.replied : t.done;
  return { ...view, inquiry };
}
