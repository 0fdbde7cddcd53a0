/**
 * Page controller of the trade officers' verification queue: the claims
 * cooperatives declared, oldest first, and one decision per claim (verify,
 * ask for better evidence, reject with a reason). The domain's verb checks
 * the role and the claim's state again, so a claim another officer decided
 * meanwhile is refused (409) and the queue is shown as it now is.
 *
 * The same page, with `?trang-thai=da-xac-minh` (en `?state=verified`), lists
 * the verified claims, newest verification first, each with a form to revoke
 * it with a reason the public reads; the same verb decides, the same 409s.
 */
import type { AstroGlobal } from 'astro';
import { dictionary, format, type Locale } from '../../../src/i18n';
import {
  CLAIM_SCOPE_PARAM,
  claimScopeParams,
  routes,
  showsVerifiedClaims,
  verifiedClaimsHref,
} from '../../../src/i18n/routes';
import { slugParam } from '../../../src/server/search/params';
import { type ClaimDecision, decideClaim } from '../../../src/server/claims/claim-decisions';
import {
  type ClaimListScope,
  listClaimQueue,
  listVerifiedClaims,
  type QueuedClaim,
  type VerifiedClaim,
} from '../../../src/server/claims/claim-queue';
import { type ExpiringOversight, listExpiringForOfficer } from '../../../src/server/claims/expiring-claims';
import {
  CLAIM_KINDS,
  type ClaimKind,
  QUEUE_DECISIONS,
  type QueueDecision,
} from '../../../src/server/claims/vocabulary';
import { readWaitingOrder, type WaitingOrder, withWaitingOrder } from '../../../src/server/moderation/waiting-order';
import type { Database } from '../../../src/server/db/client';
import type { SessionUser } from '../../../src/server/accounts/users';
import { configuredOrigin } from '../../../src/server/seo/urls';
import { sendEventAfterResponse } from '../../after-response';
import { emptyView, type FormView, noStore, readForm, seeOther } from '../form-handling';
import { gated, readDatabase, runForm } from '../handle-page';

export interface ClaimQueueView extends FormView {
  /** Which list the page shows: the queue of pending claims, or the verified ones to revoke. */
  showing: 'queue' | 'verified';
  /** The claims of that list (verifier fields set for the verified list only). */
  queue: (QueuedClaim | VerifiedClaim)[];
  /** The claim whose form the errors are about (its `kind:id`). */
  claimWithErrors: string | null;
  /** The queue's order asked for in the address (`?sort=`; the verified list has its own). */
  order: WaitingOrder;
  /** One cooperative's claims only (`?cooperative=<slug>`, where the review page links), else every one's. */
  scope: ClaimListScope;
}

/** The list's scope from the address: a malformed slug is no scope (a view, not an input: never an error). */
function readScope(params: URLSearchParams): ClaimListScope {
  const cooperative = slugParam.safeParse(params.get(CLAIM_SCOPE_PARAM));
  return cooperative.success ? { cooperative: cooperative.data } : {};
}

const isKind = (value: string | undefined): value is ClaimKind => CLAIM_KINDS.includes(value as ClaimKind);
const isDecision = (value: string | undefined): value is QueueDecision =>
  QUEUE_DECISIONS.includes(value as QueueDecision);
/** The decisions whose notice the page shows after the redirect: the queue's, and a revocation. */
const isNoticed = (value: string): value is QueueDecision | 'revoke' => value === 'revoke' || isDecision(value);

/** The decision posted, if the list shown offers it: the queue's on pending claims, a revocation on verified ones. */
function decisionOf(showing: ClaimQueueView['showing'], posted: string | undefined): ClaimDecision | null {
  if (showing === 'verified') return posted === 'revoke' ? 'revoke' : null;
  return isDecision(posted) ? posted : null;
}

/** What the notice after a decision names: the product, or the cooperative for its own certificate. */
export const claimSubject = (claim: QueuedClaim) => claim.product?.name ?? claim.cooperative.name;

export async function handleClaimQueue(page: AstroGlobal, locale: Locale): Promise<ClaimQueueView | Response> {
  noStore(page);
  const showing = showsVerifiedClaims(page.url) ? 'verified' : 'queue';
  const order = readWaitingOrder(page.url.searchParams);
  const scope = readScope(page.url.searchParams);
  const list = (db: Database, user: SessionUser | null | undefined, now: Date) =>
    showing === 'verified' ? listVerifiedClaims(db, user, now, scope) : listClaimQueue(db, user, now, order, scope);
  const gate = await gated(page, locale, (db, user) => list(db, user, new Date()));
  if (gate instanceof Response) return gate;
  const t = dictionary(locale).claims.queue;
  const done = page.url.searchParams.get('done') ?? '';
  const what = page.url.searchParams.get('what') ?? '';
  const notice = isNoticed(done) ? format(t.done[done], { what }) : null;
  if (page.request.method !== 'POST')
    return { ...emptyView(), notice, showing, queue: gate.data, claimWithErrors: null, order, scope };

  const form = await readForm(page.request);
  const kind = form.kind;
  const decision = decisionOf(showing, form.decision);
  const claim = gate.data.find((entry) => entry.kind === kind && entry.id === form.id);
  // A revocation's reason is free text only (the public reads it): no ready-made code goes with it.
  const values = { reasonCode: showing === 'verified' ? '' : (form.reasonCode ?? ''), reason: form.reason ?? '' };
  if (!isKind(kind) || !decision || !claim) {
    // Decided or changed since the officer loaded the page (or a forged post): say so over the list as it is now.
    page.response.status = 409;
    return { ...emptyView(), alert: t.decided, showing, queue: gate.data, claimWithErrors: null, order, scope };
  }
  const services = page.locals.services;
  const mailOrigin = configuredOrigin(services.env.PUBLIC_ORIGIN);
  const outcome = await runForm(page, locale, values, async (db) => {
    const decided = await decideClaim(
      db,
      gate.user,
      { kind, id: claim.id },
      decision,
      { ...values, version: form.version },
      new Date(),
      mailOrigin,
      services.media.bucket,
    );
    sendEventAfterResponse(page.locals.cfContext, services, db, decided.notificationEvent);
    return decided;
  });
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) {
    const fresh = await readDatabase(page.locals.services, (db) => list(db, gate.user, new Date()));
    const alert = page.response.status === 409 ? t.decided : outcome.view.alert;
    return { ...outcome.view, alert, showing, queue: fresh, claimWithErrors: `${kind}:${claim.id}`, order, scope };
  }
  const told = { ...claimScopeParams(scope), done: decision, what: claimSubject(claim) };
  return seeOther(
    showing === 'verified'
      ? verifiedClaimsHref(locale, told)
      : withWaitingOrder(routes.claimQueue[locale], order, told),
  );
}

/** The officers' list of what expires within 90 days: read-only, their province's (an admin's: every province). */
export async function handleExpiringClaims(page: AstroGlobal, locale: Locale): Promise<ExpiringOversight | Response> {
  noStore(page);
  const gate = await gated(page, locale, (db, user) => listExpiringForOfficer(db, user, new Date()));
  return gate instanceof Response ? gate : gate.data;
}
