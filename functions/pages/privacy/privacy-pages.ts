/**
 * Page controllers of personal-data requests: the buyer's download (from the thread's private link), a signed-in
 * person's own download and erasure request, and the officers' list of erasure requests, where they complete them.
 */
import type { AstroGlobal } from 'astro';
import { dictionary, type Locale } from '../../../src/i18n';
import { routes } from '../../../src/i18n/routes';
import { NotFoundError } from '../../../src/server/errors';
import {
  completePrivacyRequest,
  exportBuyerData,
  listPrivacyRequests,
  type PrivacyRequestRow,
} from '../../../src/server/privacy/requests';
import type { SessionUser } from '../../../src/server/accounts/users';
import {
  accountErasureRequestedAt,
  exportMemberData,
  requestAccountErasure,
} from '../../../src/server/privacy/member-data';
import type { RequestServices } from '../../request-services';
import { emptyView, type FormView, noStore, readForm, seeOther } from '../form-handling';
import { gated, loadPage, readDatabase, runForm, signedInOr } from '../handle-page';

/**
 * GET …/trao-doi/{token}/du-lieu: the buyer's data as a JSON file. A token that opens nothing gets a bare 404,
 * the same for a guessed, revoked or erased one, so the answer tells nothing about which.
 */
export async function buyerDataResponse(services: RequestServices, token: string): Promise<Response> {
  const headers = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' };
  try {
    const data = await readDatabase(services, (db) => exportBuyerData(db, token, new Date()));
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        ...headers,
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="cho-htx-${data.inquiry.reference}.json"`,
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response('Not found\n', { status: 404, headers });
    throw error;
  }
}

export interface PrivacyRequestsView extends FormView {
  pending: PrivacyRequestRow[];
  completed: PrivacyRequestRow[];
}

/** /quan-tri/du-lieu-ca-nhan: officers only; POST completes one request (erasing), then 303 back. */
export async function handlePrivacyRequests(
  page: AstroGlobal,
  locale: Locale,
): Promise<PrivacyRequestsView | Response> {
  noStore(page);
  const words = dictionary(locale).privacy.requests;
  let view = emptyView();
  if (page.request.method === 'POST') {
    const gate = await gated(page, locale, async () => null);
    if (gate instanceof Response) return gate;
    const form = await readForm(page.request);
    const done = await runForm(
      page,
      locale,
      {},
      (db) => completePrivacyRequest(db, gate.user, form.request ?? '', new Date()),
      { notFound: words.gone },
    );
    if (done instanceof Response) return done;
    if (done.ok) return seeOther(`${routes.privacyRequests[locale]}?done=1`);
    view = done.view;
  }
  const gate = await gated(page, locale, (db, user) => listPrivacyRequests(db, user));
  if (gate instanceof Response) return gate;
  if (!view.alert && page.url.searchParams.get('done') === '1') view.notice = words.completed;
  return { ...view, ...gate.data };
}

export interface MemberDataView extends FormView {
  /** When the reader's erasure request was made, while it waits; null when none waits. */
  erasureRequestedAt: Date | null;
  /** Only members ask for erasure here (officers' accounts are closed by an admin). */
  mayRequestErasure: boolean;
}

/** /tai-khoan/du-lieu-cua-toi: the reader's download link and erasure request; POST records the request, then 303. */
export async function handleMemberData(page: AstroGlobal, locale: Locale): Promise<MemberDataView | Response> {
  noStore(page);
  const user = signedInOr(page, locale);
  if (user instanceof Response) return user;
  let view = emptyView();
  if (page.request.method === 'POST') {
    const form = await readForm(page.request);
    const done = await runForm(page, locale, {}, (db) =>
      requestAccountErasure(db, user, form.confirm === 'on', new Date()),
    );
    if (done instanceof Response) return done;
    if (done.ok) return seeOther(`${routes.memberData[locale]}?done=1`);
    view = done.view;
  }
  const requestedAt = await loadPage(page, locale, (db) => accountErasureRequestedAt(db, user));
  if (requestedAt instanceof Response) return requestedAt;
  if (!view.alert && page.url.searchParams.get('done') === '1')
    view.notice = dictionary(locale).accountHome.myData.requested;
  return { ...view, erasureRequestedAt: requestedAt, mayRequestErasure: user.role === 'member' };
}

/**
 * GET /tai-khoan/du-lieu-cua-toi/tai-ve: the signed-in person's data as a JSON file; without a session, the
 * sign-in page that comes back here.
 */
export async function memberDataResponse(
  services: RequestServices,
  user: SessionUser | null | undefined,
  locale: Locale,
): Promise<Response> {
  if (!user) return seeOther(`${routes.signIn[locale]}?next=${encodeURIComponent(routes.memberDataDownload[locale])}`);
  const data = await readDatabase(services, (db) => exportMemberData(db, user, new Date()));
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Cache-Control': 'no-store',
      'X-Robots-Tag': 'noindex',
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="cho-htx-account-${data.exportedAt.slice(0, 10)}.json"`,
    },
  });
}
