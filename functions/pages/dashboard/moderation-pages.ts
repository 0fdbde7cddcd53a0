/**
 * Page controllers of the trade officers' moderation queue and review pages
 * (officers and admins only; the domain's verbs check the role again).
 */
import type { AstroGlobal } from 'astro';
import { dictionary, format, type Locale } from '../../../src/i18n';
import { routes } from '../../../src/i18n/routes';
import {
  approveProduct,
  approveRevision,
  listModerationQueue,
  loadReview,
  loadRevisionReview,
  type QueueEntry,
  type Review,
  rejectProduct,
  rejectRevision,
  type RevisionReview,
} from '../../../src/server/moderation/moderation';
import { readWaitingOrder, type WaitingOrder } from '../../../src/server/moderation/waiting-order';
import { configuredOrigin } from '../../../src/server/seo/urls';
import { sendEventAfterResponse } from '../../after-response';
import { emptyView, type FormView, noStore, readForm, seeOther } from '../form-handling';
import { gated, runForm } from '../handle-page';

export interface QueueData {
  queue: QueueEntry[];
  notice: string | null;
  /** When the queue was read, for how long each entry has waited. */
  now: Date;
  /** The order asked for in the address (`?sort=`). */
  order: WaitingOrder;
}

export async function handleModerationQueue(page: AstroGlobal, locale: Locale): Promise<QueueData | Response> {
  noStore(page);
  const order = readWaitingOrder(page.url.searchParams);
  const gate = await gated(page, locale, (db, user) => listModerationQueue(db, user, order));
  if (gate instanceof Response) return gate;
  const t = dictionary(locale).dashboard.moderation;
  const name = page.url.searchParams.get('product') ?? '';
  const notices: Record<string, string> = {
    approved: t.approved,
    rejected: t.rejected,
    'change-approved': t.changeApproved,
    'change-rejected': t.changeRejected,
  };
  const done = notices[page.url.searchParams.get('done') ?? ''];
  return { queue: gate.data, notice: done ? format(done, { product: name }) : null, now: new Date(), order };
}

/** After a decision: back to the queue, which says what was decided about which record. */
const decided = (locale: Locale, done: string, name: string) =>
  seeOther(`${routes.moderation[locale]}?done=${done}&product=${encodeURIComponent(name)}`);

export interface ReviewView extends FormView {
  review: Review;
}

export async function handleReview(
  page: AstroGlobal,
  locale: Locale,
  productId: string,
): Promise<ReviewView | Response> {
  noStore(page);
  const gate = await gated(page, locale, (db, user) => loadReview(db, user, productId));
  if (gate instanceof Response) return gate;
  const review = gate.data;
  if (page.request.method !== 'POST') return { ...emptyView(), review };

  const form = await readForm(page.request);
  const values = { reasonCode: form.reasonCode ?? '', reason: form.reason ?? '' };
  const name = review.changes.find((change) => change.field === 'nameVi')?.after ?? '';
  const services = page.locals.services;
  const origin = configuredOrigin(services.env.PUBLIC_ORIGIN);
  const outcome = await runForm(page, locale, values, async (db) => {
    const approve = form.decision === 'approve';
    const decided = approve
      ? await approveProduct(db, gate.user, productId, Number(form.version), new Date(), origin)
      : await rejectProduct(db, gate.user, productId, values, new Date(), origin);
    sendEventAfterResponse(page.locals.cfContext, services, db, decided.notificationEvent);
    return approve ? 'approved' : 'rejected';
  });
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return { ...outcome.view, review };
  return decided(locale, outcome.value, String(name));
}

export interface RevisionReviewView extends FormView {
  review: RevisionReview;
}

export async function handleRevisionReview(
  page: AstroGlobal,
  locale: Locale,
  revisionId: string,
): Promise<RevisionReviewView | Response> {
  noStore(page);
  const gate = await gated(page, locale, (db, user) => loadRevisionReview(db, user, revisionId));
  if (gate instanceof Response) return gate;
  const review = gate.data;
  if (page.request.method !== 'POST') return { ...emptyView(), review };

  const form = await readForm(page.request);
  const values = { reasonCode: form.reasonCode ?? '', reason: form.reason ?? '' };
  const version = Number(form.version);
  const services = page.locals.services;
  const origin = configuredOrigin(services.env.PUBLIC_ORIGIN);
  const outcome = await runForm(page, locale, values, async (db) => {
    const approve = form.decision === 'approve';
    const decided = approve
      ? await approveRevision(db, gate.user, revisionId, version, new Date(), origin)
      : await rejectRevision(db, gate.user, revisionId, version, values, new Date(), origin);
    sendEventAfterResponse(page.locals.cfContext, services, db, decided.notificationEvent);
    return approve ? 'change-approved' : 'change-rejected';
  });
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return { ...outcome.view, review };
  return decided(locale, outcome.value, review.name);
}
