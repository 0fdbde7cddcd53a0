/**
 * Page controllers of the trade officers' moderation queue and review page
 * (officers and admins only; the domain's verbs check the role again).
 */
import type { AstroGlobal } from 'astro';
import { dictionary, format, type Locale } from '../../i18n';
import { routes } from '../../i18n/routes';
import { approveProduct, listModerationQueue, loadReview, type QueueEntry, type Review, rejectProduct } from '../../server/dashboard/moderation';
import { emptyView, type FormView, noStore, readForm, runForm, seeOther } from '../accounts/form-handling';
import { gated } from './gate';

export interface QueueData {
  queue: QueueEntry[];
  notice: string | null;
}

export async function handleModerationQueue(page: AstroGlobal, locale: Locale): Promise<QueueData | Response> {
  noStore(page);
  const gate = await gated(page, locale, (db, user) => listModerationQueue(db, user));
  if (gate instanceof Response) return gate;
  const t = dictionary(locale).dashboard.moderation;
  const product = page.url.searchParams.get('product') ?? '';
  const done = page.url.searchParams.get('done');
  const notice = done === 'approved' ? format(t.approved, { product }) : done === 'rejected' ? format(t.rejected, { product }) : null;
  return { queue: gate.data, notice };
}

export interface ReviewView extends FormView {
  review: Review;
}

export async function handleReview(page: AstroGlobal, locale: Locale, productId: string): Promise<ReviewView | Response> {
  noStore(page);
  const gate = await gated(page, locale, (db, user) => loadReview(db, user, productId));
  if (gate instanceof Response) return gate;
  const review = gate.data;
  if (page.request.method !== 'POST') return { ...emptyView(), review };

  const form = await readForm(page.request);
  const values = { reason: form.reason ?? '' };
  const name = review.changes.find((change) => change.field === 'nameVi')?.after ?? '';
  const outcome = await runForm(page, locale, values, async (db) => {
    if (form.decision === 'approve') {
      await approveProduct(db, gate.user, productId, Number(form.version), new Date());
      return 'approved';
    }
    await rejectProduct(db, gate.user, productId, values.reason);
    return 'rejected';
  });
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return { ...outcome.view, review };
  return seeOther(`${routes.moderation[locale]}?done=${outcome.value}&product=${encodeURIComponent(String(name))}`);
}

