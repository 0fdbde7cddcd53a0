/**
 * Page controllers of inquiries, shared by the Vietnamese and English routes:
 * the buyer's form, the "sent" page and the status page; the cooperative's
 * inbox and one inquiry; the trade department's figures. Domain work is in
 * src/server/inquiries; mail goes out after the response through the
 * request's execution context (Astro.locals.cfContext.waitUntil).
 */
import type { AstroGlobal } from 'astro';
import { env } from 'cloudflare:workers';
import { dictionary, format, type Locale } from '../../../src/i18n';
import { inboxItemPaths, routes } from '../../../src/i18n/routes';
import { loadAccountOverview, type SessionUser } from '../../../src/server/accounts/users';
import type { Database } from '../../../src/server/db/client';
import { loadPageData, readDatabase } from '../page-data';
import { ForbiddenError, NotFoundError, RateLimitedError, UnavailableError, UnauthenticatedError, ValidationError } from '../../../src/server/errors';
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
import { inquiryLinks } from '../../../src/server/inquiries/links';
import { deliverForInquiry, listNotificationProblems, type NotificationProblem } from '../../../src/server/inquiries/notifications';
import { normaliseReference } from '../../../src/server/inquiries/reference';
import { type InquiryStatistics, inquiryStatistics } from '../../../src/server/inquiries/statistics';
import { type BuyerInquiryView, lookUpInquiry } from '../../../src/server/inquiries/status';
import { submitInquiry } from '../../../src/server/inquiries/submit';
import { findInquiryTarget, type InquiryTarget } from '../../../src/server/inquiries/target';
import { mailerFor } from '../../../src/server/mail/mailer';
import { clientAddress } from '../../../src/server/security/client-address';
import { mailLinkOrigin } from '../../../src/server/seo/urls';
import { emptyView, fieldMessages, type FormView, noStore, readForm, seeOther, signedInOr } from '../form-handling';

function links() {
  return inquiryLinks(mailLinkOrigin(env.PUBLIC_ORIGIN));
}

/** Sends an inquiry's pending mail after the response; without an execution context (never in the worker) it just runs. */
function deliverAfterResponse(page: AstroGlobal, db: Database, inquiryId: string): void {
  const work = deliverForInquiry(db, mailerFor(env, db), inquiryId).catch((error) => console.error('inquiry notification delivery', error));
  page.locals.cfContext?.waitUntil(work);
}

function minutes(seconds: number) {
  return Math.max(1, Math.ceil(seconds / 60));
}

/**
 * A domain refusal as the form shows it (status set on the page), or the 503
 * page; anything else is a bug and is thrown.
 */
async function refusal(page: AstroGlobal, locale: Locale, error: unknown, values: Record<string, string>, messages: { rateLimited: string }): Promise<FormView | Response> {
  const t = dictionary(locale);
  const view = emptyView(values);
  if (error instanceof ValidationError) {
    page.response.status = 422;
    const { formToken, ...fields } = error.fields;
    view.errors = fieldMessages(fields, locale);
    const f = t.inquiries.form;
    view.alert = formToken
      ? formToken.code === 'form_too_fast'
        ? f.tooFast
        : formToken.code === 'form_expired'
          ? f.expired
          : f.invalidToken
      : t.accounts.form.errorSummary;
    return view;
  }
  if (error instanceof RateLimitedError) {
    page.response.status = 429;
    page.response.headers.set('Retry-After', String(error.retryAfterSeconds));
    view.alert = format(messages.rateLimited, { minutes: minutes(error.retryAfterSeconds) });
    return view;
  }
  if (error instanceof ForbiddenError) {
    page.response.status = 403;
    view.alert = t.api.forbidden;
    return view;
  }
  if (error instanceof UnavailableError) return page.rewrite('/503');
  throw error;
}

export interface InquiryFormView extends FormView {
  target: InquiryTarget | null;
}

/** /hoi-hang: GET shows the form for ?product= or ?cooperative=; POST takes it, then 303 to the "sent" page. */
export async function handleInquiryForm(page: AstroGlobal, locale: Locale): Promise<InquiryFormView | Response> {
  noStore(page);
  const posted = page.request.method === 'POST' ? await readForm(page.request) : null;
  const query = posted ?? { product: page.url.searchParams.get('product') ?? '', cooperative: page.url.searchParams.get('cooperative') ?? '' };
  const target = await loadPageData(page, (db) => findInquiryTarget(db, query));
  if (target instanceof Response) return target;
  if (!posted) {
    if (!target && (query.product || query.cooperative)) return page.rewrite('/404');
    return { ...emptyView(), target };
  }
  // Values go back into the form as typed (the honeypot and token never do).
  const { website: _w, formToken, ...values } = posted;
  try {
    const outcome = await readDatabase(async (db) => {
      const result = await submitInquiry(
        db,
        inquiryFromForm(posted),
        {
          clientAddress: clientAddress(page.request),
          locale,
          idempotencyKey: null,
          formToken: { secret: formSecret(env), token: formToken ?? '' },
          // Turnstile needs JavaScript in the browser; this form must work without it (see README, "Configuration").
          turnstile: null,
          links: links(),
        },
        new Date(),
      );
      if (result.kind === 'created' && result.deliver) deliverAfterResponse(page, db, result.inquiryId);
      return result;
    });
    return seeOther(`${routes.inquirySent[locale]}?reference=${encodeURIComponent(outcome.receipt.reference)}`);
  } catch (error) {
    if (error instanceof NotFoundError) {
      page.response.status = 404;
      return { ...emptyView(values), alert: dictionary(locale).inquiries.form.unknownTarget, target: null };
    }
    const view = await refusal(page, locale, error, values, dictionary(locale).inquiries.form);
    if (view instanceof Response) return view;
    return { ...view, target };
  }
}

/** /hoi-hang/da-gui?reference=…: the reference to keep, read from the address (nothing is loaded). */
export function handleInquirySent(page: AstroGlobal): string | null {
  noStore(page);
  return normaliseReference(page.url.searchParams.get('reference') ?? '');
}

export interface StatusPageView extends FormView {
  inquiry: BuyerInquiryView | null;
}

/** /hoi-hang/trang-thai: the look-up form (reference prefilled from the mail's link); POST shows the inquiry. */
export async function handleInquiryStatus(page: AstroGlobal, locale: Locale): Promise<StatusPageView | Response> {
  noStore(page);
  if (page.request.method !== 'POST') {
    return { ...emptyView({ reference: normaliseReference(page.url.searchParams.get('reference') ?? '') ?? '' }), inquiry: null };
  }
  const form = await readForm(page.request);
  const values = { reference: form.reference ?? '', contact: form.contact ?? '' };
  try {
    const inquiry = await readDatabase((db) => lookUpInquiry(db, { ...values, clientAddress: clientAddress(page.request) }, new Date()));
    return { ...emptyView(values), inquiry };
  } catch (error) {
    if (error instanceof NotFoundError) {
      page.response.status = 404;
      return { ...emptyView(values), alert: dictionary(locale).inquiries.status.notFound, inquiry: null };
    }
    const view = await refusal(page, locale, error, values, dictionary(locale).inquiries.status);
    if (view instanceof Response) return view;
    return { ...view, inquiry: null };
  }
}

export type InboxPageData =
  | { kind: 'inbox'; inbox: InboxPage; cooperativeName: string }
  | { kind: 'officer'; statistics: InquiryStatistics; problems: NotificationProblem[] }
  | { kind: 'forbidden' };

/** /tai-khoan/hoi-hang: a member's inbox; for officers and admins, the figures and stuck mail instead. */
export async function handleInbox(page: AstroGlobal, locale: Locale): Promise<InboxPageData | Response> {
  noStore(page);
  const user = signedInOr(page, locale, routes.signIn[locale]);
  if (user instanceof Response) return user;
  if (user.role === 'officer' || user.role === 'admin') {
    const now = new Date();
    const data = await loadPageData(page, async (db) => ({
      statistics: await inquiryStatistics(db, user, now),
      problems: await listNotificationProblems(db, now),
    }));
    if (data instanceof Response) return data;
    return { kind: 'officer', ...data };
  }
  if (!user.cooperativeId) {
    page.response.status = 403;
    return { kind: 'forbidden' };
  }
  const filter = parseInboxFilter(page.url.searchParams.get('status'));
  const pageNumber = Number(page.url.searchParams.get('page') ?? '1');
  const data = await loadPageData(page, async (db) => ({
    inbox: await listInbox(db, user, filter, pageNumber),
    cooperativeName: (await findCooperativeName(db, user)) ?? '',
  }));
  if (data instanceof Response) return data;
  return { kind: 'inbox', ...data };
}

async function findCooperativeName(db: Database, user: SessionUser): Promise<string | null> {
  return (await loadAccountOverview(db, user.id))?.cooperative?.name ?? null;
}

export type InboxItemView = (FormView & { inquiry: InquiryDetail; forbidden: false }) | (FormView & { inquiry: null; forbidden: true });

/** /tai-khoan/hoi-hang/{reference}: opens the inquiry (marks it read); POST replies or changes its status, then 303 back. */
export async function handleInboxItem(page: AstroGlobal, locale: Locale): Promise<InboxItemView | Response> {
  noStore(page);
  const user = signedInOr(page, locale, routes.signIn[locale]);
  if (user instanceof Response) return user;
  const reference = page.params.reference ?? '';
  const here = inboxItemPaths(normaliseReference(reference) ?? reference)[locale];
  let view = emptyView();
  if (page.request.method === 'POST') {
    // Read from a copy: an unknown (or another cooperative's) reference is answered by rewriting to
    // the 404 page, which Astro refuses to do once the request's own body has been read.
    const form = await readForm(page.request.clone() as typeof page.request);
    try {
      const done = await readDatabase(async (db) => {
        if (form.action && (INQUIRY_ACTIONS as readonly string[]).includes(form.action)) {
          const outcome = await actOnInquiry(db, user, reference, form.action as InquiryAction, links(), new Date());
          if (outcome.notify) deliverAfterResponse(page, db, outcome.inquiryId);
          return 'status';
        }
        const outcome = await replyToInquiry(db, user, reference, form.body ?? '', links(), new Date());
        if (outcome.notify) deliverAfterResponse(page, db, outcome.inquiryId);
        return 'replied';
      });
      return seeOther(`${here}?done=${done}`);
    } catch (error) {
      if (error instanceof NotFoundError) return page.rewrite('/404');
      if (error instanceof UnauthenticatedError) return seeOther(routes.signIn[locale]);
      const refused = await refusal(page, locale, error, { body: form.body ?? '' }, { rateLimited: '' });
      if (refused instanceof Response) return refused;
      if (page.response.status === 403) return forbiddenInquiry(page, locale);
      view = refused;
    }
  }
  try {
    const inquiry = await readDatabase((db) => openInquiry(db, user, reference, new Date()));
    const done = page.url.searchParams.get('done');
    const t = dictionary(locale).inquiries.inbox;
    if (!view.alert && done) view.notice = done === 'replied' ? t.replied : t.done;
    return { ...view, inquiry, forbidden: false };
  } catch (error) {
    if (error instanceof NotFoundError) return page.rewrite('/404');
    if (error instanceof ForbiddenError) return forbiddenInquiry(page, locale);
    if (error instanceof UnavailableError) return page.rewrite('/503');
    throw error;
  }
}

/** Another cooperative's inquiry (or no cooperative): 403, and nothing of it on the page. */
function forbiddenInquiry(page: AstroGlobal, locale: Locale): InboxItemView {
  page.response.status = 403;
  return { ...emptyView(), alert: dictionary(locale).api.forbidden, inquiry: null, forbidden: true };
}
