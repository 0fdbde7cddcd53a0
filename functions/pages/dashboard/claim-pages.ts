/**
 * Page controller of the trade officers' verification queue: the claims
 * cooperatives declared, oldest first, and one decision per claim (verify,
 * ask for better evidence, reject with a reason). The domain's verb checks
 * the role and the claim's state again, so a claim another officer decided
 * meanwhile is refused (409) and the queue is shown as it now is.
 */
import type { AstroGlobal } from 'astro';
import { dictionary, format, type Locale } from '../../../src/i18n';
import { routes } from '../../../src/i18n/routes';
import { decideClaim } from '../../../src/server/claims/claim-decisions';
import { listClaimQueue, type QueuedClaim } from '../../../src/server/claims/claim-queue';
import { type ExpiringOversight, listExpiringForOfficer } from '../../../src/server/claims/expiring-claims';
import {
  CLAIM_KINDS,
  type ClaimKind,
  QUEUE_DECISIONS,
  type QueueDecision,
} from '../../../src/server/claims/vocabulary';
import { configuredOrigin } from '../../../src/server/seo/urls';
import { sendEventAfterResponse } from '../../after-response';
import { emptyView, type FormView, noStore, readForm, seeOther } from '../form-handling';
import { gated, readDatabase, runForm } from '../handle-page';

export interface ClaimQueueView extends FormView {
  queue: QueuedClaim[];
  /** The claim whose form the errors are about (its `kind:id`). */
  claimWithErrors: string | null;
}

const isKind = (value: string | undefined): value is ClaimKind => CLAIM_KINDS.includes(value as ClaimKind);
const isDecision = (value: string | undefined): value is QueueDecision =>
  QUEUE_DECISIONS.includes(value as QueueDecision);

/** What the notice after a decision names: the product, or the cooperative for its own certificate. */
export const claimSubject = (claim: QueuedClaim) => claim.product?.name ?? claim.cooperative.name;

export async function handleClaimQueue(page: AstroGlobal, locale: Locale): Promise<ClaimQueueView | Response> {
  noStore(page);
  const gate = await gated(page, locale, (db, user) => listClaimQueue(db, user, new Date()));
  if (gate instanceof Response) return gate;
  const t = dictionary(locale).claims.queue;
  const done = page.url.searchParams.get('done') ?? '';
  const what = page.url.searchParams.get('what') ?? '';
  const notice = isDecision(done) ? format(t.done[done], { what }) : null;
  if (page.request.method !== 'POST') return { ...emptyView(), notice, queue: gate.data, claimWithErrors: null };

  const form = await readForm(page.request);
  const kind = form.kind;
  const decision = form.decision;
  const claim = gate.data.find((entry) => entry.kind === kind && entry.id === form.id);
  const values = { reasonCode: form.reasonCode ?? '', reason: form.reason ?? '' };
  if (!isKind(kind) || !isDecision(decision) || !claim) {
    // Decided or changed since the officer loaded the page (or a forged post): say so over the queue as it is now.
    page.response.status = 409;
    return { ...emptyView(), alert: t.decided, queue: gate.data, claimWithErrors: null };
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
    const fresh = await readDatabase(page.locals.services, (db) => listClaimQueue(db, gate.user, new Date()));
    const alert = page.response.status === 409 ? t.decided : outcome.view.alert;
    return { ...outcome.view, alert, queue: fresh, claimWithErrors: `${kind}:${claim.id}` };
  }
  const query = new URLSearchParams({ done: decision, what: claimSubject(claim) });
  return seeOther(`${routes.claimQueue[locale]}?${query}`);
}

/** The officers' list of what expires within 90 days: read-only, their province's (an admin's: every province). */
export async function handleExpiringClaims(page: AstroGlobal, locale: Locale): Promise<ExpiringOversight | Response> {
  noStore(page);
  const gate = await gated(page, locale, (db, user) => listExpiringForOfficer(db, user, new Date()));
  return gate instanceof Response ? gate : gate.data;
}
